import re, sys, subprocess, run
def extract(prog, fname, out):
    t = open(prog).read()
    funcs = re.split(r"(?m)^(?=func\.func @)", t.split("\n#gen")[0])
    body = [f for f in funcs if f.startswith("func.func @%s(" % fname)][0]
    helpers = "\n#gen" + t.split("\n#gen", 1)[1].split("func.func @main()")[0]
    main = t.split("func.func @main() {\n", 1)[1]
    lines = main.split("\n")
    segs, cur = [], []
    for l in lines:
        cur.append(l)
        if "printMemrefF32" in l:
            segs.append(cur); cur = []
    seg = [s for s in segs if any("call @%s(" % fname in l for l in s)][0]
    pre = [l for l in lines if "%cz = arith.constant" in l]
    text = body + helpers + "func.func @main() {\n" + "\n".join(pre + seg) + "\n  return\n}\n"
    open(out, "w").write(text)
    outs = {}
    for fuse in ("false", "true"):
        ll = subprocess.run([run.OPT, out, "-attn-cpu-pipeline=fuse=" + fuse], capture_output=True, text=True).stdout
        o = subprocess.run([run.RUNNER, "-e", "main", "-entry-point-result=void", "-shared-libs=" + run.LIBS], input=ll, capture_output=True, text=True).stdout
        outs[fuse] = run.memrefs(o)
    print(out, run.compare(outs["false"][0], outs["true"][0]))
extract(*sys.argv[1:])
