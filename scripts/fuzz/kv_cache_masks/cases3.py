import sys
from masks import *

def zeros(em, r, c, dt="f32", val="0.0"):
    nm = em.fresh("z")
    t = f"tensor<{r}x{c}x{dt}>"
    em.add([f"  %{nm}_e = tensor.empty() : {t}", f"  %{nm}_c = arith.constant {val} : {dt}",
            f"  %{nm} = linalg.fill ins(%{nm}_c : {dt}) outs(%{nm}_e : {t}) -> {t}"])
    return "%" + nm

def make_causal(em, tgt, dt="f32", ity="i64", style="view"):
    """HF legacy: full(min); masked_fill_(arange < (arange + 1).view(tgt, 1), 0)."""
    full = zeros(em, tgt, tgt, dt, MINLIT[dt])
    mc = arange(em, tgt, 0, ity, "gen")
    if style == "view":
        mc1, _ = em.generic([(mc, f"tensor<{tgt}x{ity}>", I1D)], [tgt], ity, [f"%one = arith.constant 1 : {ity}", f"%r = arith.addi %a0, %one : {ity}"])
        nm = em.fresh("v")
        em.add([f"  %{nm} = tensor.expand_shape {mc1} [[0, 1]] output_shape [{tgt}, 1] : tensor<{tgt}x{ity}> into tensor<{tgt}x1x{ity}>"])
        cond, _ = em.generic([(mc, f"tensor<{tgt}x{ity}>", COL), ("%" + nm, f"tensor<{tgt}x1x{ity}>", ROW0)], [tgt, tgt], "i1",
                             [f"%r = arith.cmpi slt, %a0, %a1 : {ity}"])
    m, _ = em.generic([(full, f"tensor<{tgt}x{tgt}x{dt}>", R2), (cond, f"tensor<{tgt}x{tgt}xi1>", R2)], [tgt, tgt], dt,
                      [f"%zf = arith.constant 0.0 : {dt}", f"%r = arith.select %a1, %zf, %a0 : {dt}"])
    return m

def cat(em, dim, parts, dt):
    nm = em.fresh("cat")
    rows = parts[0][1] if dim == 1 else sum(p[1] for p in parts)
    cols = sum(p[2] for p in parts) if dim == 1 else parts[0][2]
    ins = ", ".join(p[0] for p in parts)
    tys = ", ".join(f"tensor<{p[1]}x{p[2]}x{dt}>" for p in parts)
    em.add([f"  %{nm} = tensor.concat dim({dim}) {ins} : ({tys}) -> tensor<{rows}x{cols}x{dt}>"])
    return "%" + nm, rows, cols

def window_fill(em, m, Sq, T, P, W, dt):
    """context_mask = tril(ones_like(mask, bool), diagonal=P - W - 1); mask.masked_fill_(context, min)"""
    diag = P - W - 1
    ctx, _ = em.generic([], [Sq, T], "i1", ["%d = arith.subi %i1, %i0 : i64", f"%dg = arith.constant {diag} : i64",
                                             "%le = arith.cmpi sle, %d, %dg : i64", "%t = arith.constant true", "%f = arith.constant false",
                                             "%r = arith.select %le, %t, %f : i1"])
    m2, _ = em.generic([(m, f"tensor<{Sq}x{T}x{dt}>", R2), (ctx, f"tensor<{Sq}x{T}xi1>", R2)], [Sq, T], dt,
                       [f"%mn = arith.constant {MINLIT[dt]} : {dt}", f"%r = arith.select %a1, %mn, %a0 : {dt}"])
    return m2

def legacy(name, Sq, P, dt="f32", W=None, B=1, rank=2, place="after"):
    em = Emitter()
    T = Sq + P
    blk = make_causal(em, Sq, dt)
    if P > 0:
        z = zeros(em, Sq, P, dt)
        m, _, _ = cat(em, 1, [(z, Sq, P), (blk, Sq, Sq)], dt)
    else:
        m = blk
    MIN = rnd(dt, MINS[dt])
    def mv(b, i, j):
        if W is not None and j - i <= P - W - 1:
            return MIN
        return 0.0 if j < P or j - P <= i else MIN
    if W is not None:
        m = window_fill(em, m, Sq, T, P, W, dt)
    t = f"tensor<{Sq}x{T}x{dt}>"
    if rank == 4:
        from masks import bcast4
        m, t = bcast4(em, m, Sq, T, dt, B)
    return Case(name, B, Sq, T, em, m, t, dt, rank, mv, place=place)

def cp_mask(em, Sq, T, P, dt="f32", triu="ge1"):
    return hf_cache(em, Sq, T, P, dt=dt, triu=triu)

def cat_cp(name, Sq, P, pre=0, post=0, prefill=0, postval="min", dt="f32", along="j"):
    """concat along j: [pre zeros] + cache_position mask [Sq, P+Sq] + [post block]"""
    em = Emitter()
    T0 = P + Sq
    MIN = rnd(dt, MINS[dt])
    if along == "i":
        # chunked: rows 0..Sq-1 with cache P, rows Sq..2Sq-1 with cache P+Sq, T = P + 2Sq
        T = P + 2 * Sq
        m1, _, f1 = hf_cache(em, Sq, T, P, dt=dt, triu=triu_default)
        m2, _, f2 = hf_cache(em, Sq, T, P + Sq, dt=dt, triu=None)
        m, r, c = cat(em, 0, [(m1, Sq, T), (m2, Sq, T)], dt)
        def mv(b, i, j):
            return f1(i, j) if i < Sq else f2(i - Sq, j)
        return Case(name, 1, 2 * Sq, T, em, m, f"tensor<{2*Sq}x{T}x{dt}>", dt, 2, mv)
    m, _, f = hf_cache(em, Sq, T0, P, dt=dt)
    parts = []
    if pre:
        parts.append((zeros(em, Sq, pre, dt), Sq, pre))
    parts.append((m, Sq, T0))
    if post:
        parts.append((zeros(em, Sq, post, dt, MINLIT[dt] if postval == "min" else "0.0"), Sq, post))
    c, r, T = cat(em, 1, parts, dt)
    def mv(b, i, j):
        if j < pre:
            return 0.0
        if j >= pre + T0:
            return MIN if postval == "min" else 0.0
        return f(i, j - pre)
    return Case(name, 1, Sq, T, em, c, f"tensor<{Sq}x{T}x{dt}>", dt, 2, mv)

triu_default = "ge1"
def _main():
  cases = []
  A = cases.append
  A(legacy("legacy", 4, 3))
  A(legacy("legacy_rank4", 4, 3, B=2, rank=4))
  A(legacy("legacy_f16", 4, 3, dt="f16"))
  A(legacy("legacy_bf16", 4, 3, dt="bf16"))
  A(legacy("legacy_decode", 1, 6))
  A(legacy("legacy_nocache", 4, 0))
  A(legacy("legacy_before", 4, 3, place="before"))
  for W in (2, 4, 6, 9):
      A(legacy(f"legacy_w{W}", 4, 3, W=W))
  A(legacy("legacy_decode_w3", 1, 6, W=3))
  A(legacy("legacy_decode_w1", 1, 6, W=1))
  A(cat_cp("catcp_pre2", 4, 3, pre=2))
  A(cat_cp("catcp_post_min", 4, 3, post=3))
  A(cat_cp("catcp_post_zero", 4, 3, post=3, postval="zero"))
  A(cat_cp("catcp_pre_post", 4, 3, pre=2, post=2))
  A(cat_cp("catcp_rows", 3, 2, along="i"))
  A(cat_cp("catcp_pre2_f16", 4, 3, pre=2, dt="f16"))
  sel = sys.argv[1:]
  for c in cases:
      if sel and not any(s in c.name for s in sel):
          continue
      report(run(c))
if __name__ == "__main__":
  _main()
