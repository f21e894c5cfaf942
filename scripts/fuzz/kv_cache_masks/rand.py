import sys, random
from masks import *

U64 = 1 << 64

class Cond:
    """random keep condition on local (i, j): returns (mlir lines producing %NAME : i1, py fn)"""
    def __init__(self, rng, depth=0, ity="i64"):
        self.rng = rng; self.ity = ity
        r = rng.random()
        if depth < 2 and r < 0.35:
            self.kind = rng.choice(["andi", "ori", "xor_true_ori", "select_t", "select_f", "andi", "ori"])
            self.a = Cond(rng, depth + 1, ity); self.b = Cond(rng, depth + 1, ity)
            if self.kind.startswith("select"):
                self.p = Cond(rng, depth + 1, ity)
        else:
            self.kind = "cmp"
            self.ca = rng.choice([0, 1, 1, 1, -1, 2])
            self.cb = rng.choice([1, 1, 1, -1, 0, 2])
            self.k = rng.randint(-5, 5)
            self.pred = rng.choice(["slt", "sle", "sgt", "sge", "eq", "ne", "ult", "ule", "sle", "slt", "sge"])
            # lhs = ca*i + k, rhs = cb*j  (as cmp pred lhs rhs) or swapped
            self.swap = rng.random() < 0.5

    def emit(self, em, out):
        ty = self.ity
        if self.kind == "cmp":
            n = em.fresh("c")
            L = [f"%{n}_a = arith.constant {self.ca} : {ty}", f"%{n}_b = arith.constant {self.cb} : {ty}",
                 f"%{n}_k = arith.constant {self.k} : {ty}",
                 f"%{n}_ai = arith.muli %I, %{n}_a : {ty}", f"%{n}_l = arith.addi %{n}_ai, %{n}_k : {ty}",
                 f"%{n}_r = arith.muli %J, %{n}_b : {ty}"]
            l, r = (f"%{n}_l", f"%{n}_r") if not self.swap else (f"%{n}_r", f"%{n}_l")
            L.append(f"%{out} = arith.cmpi {self.pred}, {l}, {r} : {ty}")
            return L
        na, nb = em.fresh("qa"), em.fresh("qb")
        L = self.a.emit(em, na) + self.b.emit(em, nb)
        if self.kind == "andi":
            L.append(f"%{out} = arith.andi %{na}, %{nb} : i1")
        elif self.kind == "ori":
            L.append(f"%{out} = arith.ori %{na}, %{nb} : i1")
        elif self.kind == "xor_true_ori":
            t = em.fresh("t")
            L += [f"%{t} = arith.constant true", f"%{t}_n = arith.xori %{na}, %{t} : i1", f"%{out} = arith.ori %{t}_n, %{nb} : i1"]
        else:
            npp = em.fresh("p")
            L += self.p.emit(em, npp)
            if self.kind == "select_t":
                L += [f"%{npp}_c = arith.constant true", f"%{out} = arith.select %{npp}, %{npp}_c, %{na} : i1"]
            else:
                L += [f"%{npp}_c = arith.constant false", f"%{out} = arith.select %{npp}, %{na}, %{npp}_c : i1"]
        return L

    def ev(self, i, j):
        if self.kind == "cmp":
            l = self.ca * i + self.k; r = self.cb * j
            if self.swap: l, r = r, l
            p = self.pred
            if p[0] == "u":
                l %= U64; r %= U64; p = "s" + p[1:]
            return {"slt": l < r, "sle": l <= r, "sgt": l > r, "sge": l >= r, "eq": l == r, "ne": l != r}[p]
        a, b = self.a.ev(i, j), self.b.ev(i, j)
        if self.kind == "andi": return a and b
        if self.kind == "ori": return a or b
        if self.kind == "xor_true_ori": return (not a) or b
        p = self.p.ev(i, j)
        if self.kind == "select_t": return True if p else a
        return a if p else False

def piece(em, rng, rows, cols, form, ity):
    """returns (value, fn(i,j)->keep bool); form: 'f32' (0/min) or 'i1'"""
    r = rng.random()
    dt = "i1" if form == "i1" else "f32"
    t = f"tensor<{rows}x{cols}x{dt}>"
    if r < 0.3:
        keep = rng.random() < 0.75
        nm = em.fresh("fill")
        val = ("true" if keep else "false") if dt == "i1" else ("0.0" if keep else "-3.40282347E+38")
        em.add([f"  %{nm}_e = tensor.empty() : {t}", f"  %{nm}_c = arith.constant {val}" + ("" if dt == "i1" else " : f32"),
                f"  %{nm} = linalg.fill ins(%{nm}_c : {dt}) outs(%{nm}_e : {t}) -> {t}"])
        return "%" + nm, (lambda i, j, keep=keep: keep)
    c = Cond(rng, 0, ity)
    body = ([f"%I = arith.index_cast %x0 : index to {ity}", f"%J = arith.index_cast %x1 : index to {ity}"] if ity != "index" else
            ["%iz = arith.constant 0 : index", "%I = arith.addi %x0, %iz : index", "%J = arith.addi %x1, %iz : index"]) + c.emit(em, "kp")
    if dt == "i1":
        body.append("%r = arith.andi %kp, %kp : i1")
    else:
        style = rng.choice(["sel", "sel", "mul_ind"])
        if style == "sel":
            body += ["%z = arith.constant 0.0 : f32", "%mn = arith.constant -3.40282347E+38 : f32", "%r = arith.select %kp, %z, %mn : f32"]
        else:  # min * uitofp(!keep)
            body += ["%tt = arith.constant true", "%nk = arith.xori %kp, %tt : i1", "%bf = arith.uitofp %nk : i1 to f32",
                     "%mn = arith.constant -3.40282347E+38 : f32", "%r = arith.mulf %mn, %bf : f32"]
    v, _ = em.generic([], [rows, cols], dt, body)
    return v, c.ev

def rand_case(seed):
    rng = random.Random(seed)
    em = Emitter()
    Sq = rng.choice([1, 2, 3, 4, 5, 6])
    form = rng.choice(["f32", "f32", "i1"])
    ity = rng.choice(["i64", "i64", "i32", "index"])
    dim = 1 if rng.random() < 0.8 else 0
    npieces = rng.choice([1, 2, 2, 2, 3])
    dt = "i1" if form == "i1" else "f32"
    if dim == 1:
        widths = [rng.randint(1, 5) for _ in range(npieces)]
        T = sum(widths)
        parts = [(piece(em, rng, Sq, w, form, ity), w) for w in widths]
        offs = [sum(widths[:k]) for k in range(npieces)]
        nm = em.fresh("cat")
        if npieces > 1:
            em.add([f"  %{nm} = tensor.concat dim(1) {', '.join(p[0][0] for p in parts)} : ({', '.join(f'tensor<{Sq}x{w}x{dt}>' for w in widths)}) -> tensor<{Sq}x{T}x{dt}>"])
            m = "%" + nm
        else:
            m = parts[0][0][0]
        def keep(i, j):
            for (v, fn), w, o in zip([p[0] for p in parts], widths, offs):
                if o <= j < o + w:
                    return fn(i, j - o)
    else:
        T = rng.randint(2, 7)
        hs = [rng.randint(1, 3) for _ in range(npieces)]
        Sq = sum(hs)
        parts = [piece(em, rng, h, T, form, ity) for h in hs]
        offs = [sum(hs[:k]) for k in range(npieces)]
        if npieces > 1:
            nm = em.fresh("cat")
            em.add([f"  %{nm} = tensor.concat dim(0) {', '.join(p[0] for p in parts)} : ({', '.join(f'tensor<{h}x{T}x{dt}>' for h in hs)}) -> tensor<{Sq}x{T}x{dt}>"])
            m = "%" + nm
        else:
            m = parts[0][0]
        def keep(i, j):
            for (v, fn), h, o in zip(parts, hs, offs):
                if o <= i < o + h:
                    return fn(i - o, j)
    # optional OR/AND with an outer condition (on the whole mask)
    if rng.random() < 0.4:
        c = Cond(rng, 1, "i64")
        body = ["%I = arith.index_cast %x0 : index to i64", "%J = arith.index_cast %x1 : index to i64"] + c.emit(em, "oc")
        op = rng.choice(["ori", "andi"])
        if dt == "i1":
            body += [f"%r = arith.{op} %a0, %oc : i1"]
        else:
            # keep-or: select(oc, 0, m) ; keep-and: select(oc, m, min)
            body += ["%z = arith.constant 0.0 : f32", "%mn = arith.constant -3.40282347E+38 : f32",
                     "%r = arith.select %oc, %z, %a0 : f32" if op == "ori" else "%r = arith.select %oc, %a0, %mn : f32"]
        m2, _ = em.generic([(m, f"tensor<{Sq}x{T}x{dt}>", R2)], [Sq, T], dt, body)
        k0 = keep
        keep = (lambda i, j: k0(i, j) or c.ev(i, j)) if op == "ori" else (lambda i, j: k0(i, j) and c.ev(i, j))
        m = m2
    masked = -math.inf if dt == "i1" else F32MIN
    return Case(f"r{seed}", 1, Sq, T, em, m, f"tensor<{Sq}x{T}x{dt}>", dt, 2,
                lambda b, i, j: 0.0 if keep(i, j) else masked)

if __name__ == "__main__":
    a, b = int(sys.argv[1]), int(sys.argv[2])
    stats = {}
    for s in range(a, b):
        o = run(rand_case(s))
        kind = o["raised"].split("(")[0][:20] if not o["raised"].startswith("mask") else "mask " + o["raised"].split(":")[0][5:]
        key = (o["status"][:10], "band" if ("causal" in o["raised"] or "window" in o["raised"]) else re.sub(r"<.*x", "<", o["raised"][:25]))
        stats[key] = stats.get(key, 0) + 1
        if o["status"] != "ok" or o.get("refdiff") or "CRASH" in o["raised"]:
            report(o)
    print(stats)
