import json, sys, collections
recs = json.load(open(sys.argv[1]))
cnt = collections.Counter()
fails = []
for r in recs:
    failed = any((r.get(x) or 0) != 0 for x in ("raise_rc","opt_false_rc","opt_true_rc","run_false_rc","run_true_rc"))
    if failed:
        iso = r.get("iso", {})
        ifailed = any((iso.get(x) or 0) != 0 for x in ("raise_rc","opt_false_rc","opt_true_rc","run_false_rc","run_true_rc"))
        if ifailed or not iso:
            cnt["failed"] += 1; fails.append(r); continue
        r.update({k: iso[k] for k in ("raised","remarks","scale") if k in iso})
        r["cmp"] = iso.get("cmp", r.get("cmp"))
    cnt["raised" if r["raised"] else "refused"] += 1
    cnt["cmp_"+str(r.get("cmp"))] += 1
    agree = (r["raised"] == (r["oracle"] == "raise"))
    if not agree: cnt["oracle_disagree"] += 1
print(cnt)
print("=== failures")
for r in fails: print(r["name"], r["variant"][:300]); print({k:v for k,v in r.items() if k.endswith("_err") or k=="iso"})
print("=== mismatches")
for r in recs:
    if r.get("cmp") == "MISMATCH":
        print(r["name"], "raised=%s"%r["raised"], r["scale"], "tol", r["tol"], "nbad", r["nbad"], "bad", r["bad"][:2], "model", r["model_first"][:2], "nan ref/fus/model", r["ref_nan"], r["fus_nan"], r["model_nan"], "mvref", r["model_vs_ref_bad"], "mvfus", r["model_vs_fus_bad"])
        print("   ", r["variant"][:400]); print("    oracle", r["oracle"], r["oracle_why"])
print("=== oracle disagreements")
for r in recs:
    if r["name"] in [f["name"] for f in fails]: continue
    if r["raised"] != (r["oracle"] == "raise"):
        print(r["name"], "raised=%s"%r["raised"], "oracle=%s (%s)"%(r["oracle"], r["oracle_why"]), r["remarks"], r["scale"], r.get("cmp"))
        print("   ", r["variant"][:400])
