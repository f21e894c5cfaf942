import os
import json, sys, collections
tot=raised=0; rem=collections.Counter(); mism=[]; bad=[]; nan=0; refused_names=collections.defaultdict(list)
for s in sys.argv[1:]:
    for p in json.load(open(os.path.join(os.environ.get('FUZZ_WORK', '/tmp/attn-fuzz-masks'), 'work', 'res_s%s.json' % s))):
        for k in ("raise_rc","opt_false_rc","opt_true_rc","run_false_rc","run_true_rc"):
            if p.get(k,0)!=0: bad.append((p['file'],k,p.get(k.replace('rc','err'),'')[-400:]))
        if 'print_err' in p: bad.append((p['file'],'print',p['print_err']))
        for n,d in p['funcs'].items():
            tot+=1
            if d.get('raised'): raised+=1
            else:
                key=tuple(d['remarks']) or ('<no remark>',)
                rem[key]+=1; refused_names[key].append(n)
            if d.get('mismatch'): mism.append((n,p['file'],d['mismatch'],d.get('raised')))
            if d.get('nan'): nan+=1
print('total',tot,'raised',raised,'nan-ref',nan)
for k,v in rem.most_common(): print(v,k, refused_names[k][:4])
print('mismatches',len(mism))
for m in mism: print(m)
print('bad',len(bad))
for b in bad: print(b)
