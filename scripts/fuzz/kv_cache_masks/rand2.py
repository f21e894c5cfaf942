import sys, random
from masks import *
from cases3 import zeros, cat

def rc(seed):
    rng = random.Random(seed)
    em = Emitter()
    dt = rng.choice(["f32", "f32", "f16", "bf16"])
    MIN = rnd(dt, MINS[dt]); ML = MINLIT[dt]
    Sq = rng.choice([1, 1, 2, 3, 4, 5, 6])
    kind = rng.choice(["cache", "cache", "concat"])
    if kind == "cache":
        T = rng.randint(1, 10)
        P0 = rng.randint(-2, T + 1)
        a0 = rng.choice([0, 0, 0, 1, -1])
        dg = rng.choice([None, 1, 1, 0, 2, -1])
        cmpk = rng.choice(["sgt", "sge", "slt_sw", "sle_sw"])
        W = rng.choice([None, None, 1, 2, 3, 5, 8])
        wop = rng.choice(["sle", "slt"])
        conv = rng.choice(["uitofp", "select10"])
        order = rng.choice(["mi", "im"])
        t2 = f"tensor<{Sq}x{T}x{dt}>"
        full = zeros(em, Sq, T, dt, ML)
        src = full
        if dg is not None:
            src, _ = em.generic([(full, t2, R2)], [Sq, T], dt, ["%d = arith.subi %i1, %i0 : i64", f"%dd = arith.constant {dg} : i64",
                                 "%ge = arith.cmpi sge, %d, %dd : i64", f"%zf = arith.constant 0.0 : {dt}", f"%r = arith.select %ge, %a0, %zf : {dt}"])
        ar = arange(em, T, a0, "i64", rng.choice(["gen", "tgen"]))
        cp = arange(em, Sq, P0, "i64", rng.choice(["gen", "tgen", "slice"]) if P0 >= 0 else "gen")
        cmpl = {"sgt": "%r0 = arith.cmpi sgt, %a0, %a1 : i64", "sge": "%r0 = arith.cmpi sge, %a0, %a1 : i64",
                "slt_sw": "%r0 = arith.cmpi slt, %a1, %a0 : i64", "sle_sw": "%r0 = arith.cmpi sle, %a1, %a0 : i64"}[cmpk]
        body = [cmpl]
        if W is not None:
            body += [f"%w = arith.constant {W} : i64", "%lim = arith.subi %a1, %w : i64", f"%r1 = arith.cmpi {wop}, %a0, %lim : i64", "%r = arith.ori %r0, %r1 : i1"]
        else:
            body[-1] = body[-1].replace("%r0", "%r")
        ind, _ = em.generic([(ar, f"tensor<{T}xi64>", COL), (cp, f"tensor<{Sq}xi64>", ROW)], [Sq, T], "i1", body)
        prod = f"%r = arith.mulf %a0, %bf : {dt}" if order == "mi" else f"%r = arith.mulf %bf, %a0 : {dt}"
        m, _ = em.generic([(src, t2, R2), (ind, f"tensor<{Sq}x{T}xi1>", R2)], [Sq, T], dt, conv_lines(conv, dt) + [prod])
        def mv(b, i, j):
            tv = MIN if (dg is None or j - i >= dg) else 0.0
            a, c = j + a0, P0 + i
            bb = {"sgt": a > c, "sge": a >= c, "slt_sw": c < a, "sle_sw": c <= a}[cmpk]
            if W is not None:
                bb = bb or (a <= c - W if wop == "sle" else a < c - W)
            return rnd(dt, tv * (1.0 if bb else 0.0))
        desc = dict(kind=kind, dt=dt, Sq=Sq, T=T, P0=P0, a0=a0, dg=dg, cmp=cmpk, W=W, wop=wop, conv=conv)
    else:
        P = rng.randint(0, 5)
        nb = rng.randint(1, 6)
        T = P + nb
        kk = rng.randint(-2, 2)
        blkv = rng.choice(["zero", "zero", "min"])
        t = f"tensor<{Sq}x{nb}x{dt}>"
        blk, _ = em.generic([], [Sq, nb], dt, [f"%kc = arith.constant {kk} : i64", "%ik = arith.addi %i0, %kc : i64",
                             "%c = arith.cmpi sle, %i1, %ik : i64", f"%z = arith.constant 0.0 : {dt}", f"%mn = arith.constant {ML} : {dt}",
                             f"%r = arith.select %c, %z, %mn : {dt}"])
        if P > 0:
            z = zeros(em, Sq, P, dt, "0.0" if blkv == "zero" else ML)
            m, _, _ = cat(em, 1, [(z, Sq, P), (blk, Sq, nb)], dt)
        else:
            m = blk
        W = rng.choice([None, None, 1, 2, 4, 7])
        if W is not None:
            diag = rng.randint(-4, 4)
            ctx, _ = em.generic([], [Sq, T], "i1", ["%d = arith.subi %i1, %i0 : i64", f"%dg = arith.constant {diag} : i64",
                                 "%le = arith.cmpi sle, %d, %dg : i64", "%t = arith.constant true", "%f = arith.constant false",
                                 "%r = arith.select %le, %t, %f : i1"])
            m, _ = em.generic([(m, f"tensor<{Sq}x{T}x{dt}>", R2), (ctx, f"tensor<{Sq}x{T}xi1>", R2)], [Sq, T], dt,
                              [f"%mn = arith.constant {ML} : {dt}", f"%r = arith.select %a1, %mn, %a0 : {dt}"])
        def mv(b, i, j):
            if W is not None and j - i <= diag:
                return MIN
            if j < P:
                return 0.0 if blkv == "zero" else MIN
            return 0.0 if j - P <= i + kk else MIN
        desc = dict(kind=kind, dt=dt, Sq=Sq, P=P, nb=nb, kk=kk, blkv=blkv, W=W, diag=diag if W is not None else None)
    place = rng.choice(["after", "after", "before"])
    rank = rng.choice([2, 4])
    B = 1
    t2 = f"tensor<{Sq}x{T}x{dt}>"
    if rank == 4:
        B = rng.choice([1, 2])
        m, t2 = bcast4(em, m, Sq, T, dt, B)
    desc.update(place=place, rank=rank)
    c = Case(f"q{seed}", B, Sq, T, em, m, t2, dt, rank, mv, place=place)
    c.desc = desc
    return c

if __name__ == "__main__":
    a, b = int(sys.argv[1]), int(sys.argv[2])
    stats = {}
    for s in range(a, b):
        c = rc(s)
        o = run(c)
        key = (o["status"][:10], "band" if ("causal" in o["raised"] or "window" in o["raised"]) else re.sub(r"<.*x", "<", o["raised"][:25]))
        stats[key] = stats.get(key, 0) + 1
        if o["status"] != "ok" or o.get("refdiff") or "CRASH" in o["raised"]:
            report(o); print("    ", c.desc)
    print(stats)
