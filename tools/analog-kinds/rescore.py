#!/usr/bin/env python3
"""Exact mean 90% interval scores of analog-shift candidates from the per-trial yes counts that
`stemsim backtest --analog-kinds` writes (OUTDIR/analog_samples.csv.gz), with the study's own random numbers: a
mixture's component is picked per trial by draw 1 of RandomPurpose.AnalogShift (15) in CounterRandom(seed ^ FNV-1a(roll
call id), trial), stream = the hash's low 16 bits, seed 1 (a port of src/Engine/Randomness/CounterRandom.cs).
Prints the rows of docs/calibration.md's table with the score to six decimals.

    python3 tools/analog-kinds/rescore.py OUTDIR/analog_samples.csv.gz
"""
import gzip, sys, math
M=(1<<64)-1
G=0x9E3779B97F4A7C15
def mix(z):
    z=((z^(z>>30))*0xBF58476D1CE4E5B9)&M
    z=((z^(z>>27))*0x94D049BB133111EB)&M
    return z^(z>>31)
def member_key(purpose, stream, index):
    c=(purpose<<48)|((stream&0xFFFF)<<32)|(index&0xFFFFFFFF)
    return (mix(c)*G)&M
def fnv(s):
    h=14695981039346656037
    for ch in s:
        h=((h^ord(ch))*1099511628211)&M
    return h
def uniforms(rc, trials, index):
    key=fnv(rc); seed=1^key; stream=key&0xFFFF
    mk=member_key(15, stream, index)
    out=[]
    for t in range(trials):
        tk=mix((seed+((t*G)&M))&M)
        out.append(((mix((tk+mk)&M)>>11)+0.5)/(1<<53))
    return out
def quant(s, q):
    n=len(s); i=min(max(math.ceil(q*n-1e-9)-1,0),n-1); return s[i]
LEVELS=[0.5,0.8,0.9,0.95]
def ranges(samples):
    s=sorted(samples); return [(quant(s,(1-l)/2), quant(s,(1+l)/2)) for l in LEVELS]
def score(r, a):
    lo,hi=r[2]; return (hi-lo)+20*max(lo-a,0)+20*max(a-hi,0)

if len(sys.argv) == 2:
    sys.argv += ["anchored 0.30;anchored 0.18;anchored 2.50",
                 "[('repeat','anchored 0.30',('plain','anchored 0.30')),('repeat','anchored-mixture p=0.05 0.18/2.50',('mix',0.05,'anchored 0.18','anchored 2.50'))]"]
cases={}
want=set(sys.argv[2].split(';'))
for i,line in enumerate(gzip.open(sys.argv[1],'rt')):
    if i==0: continue
    kind,year,rc,an,actual,ay,sim,yes=line.rstrip('\n').split(',')
    if sim not in want: continue
    c=cases.setdefault((kind,int(year),rc,an),{'actual':int(actual),'sims':{}})
    c['sims'][sim]=list(map(int,yes.split()))
print(len(cases),'cases')
def cand(c, key, spec):
    # spec: ('plain', sim) or ('mix', p, narrow, wide)
    if spec[0]=='plain': return c['sims'][spec[1]]
    _,p,n,w=spec
    if 'u' not in c: c['u']=uniforms(key[2], len(c['sims'][n]), 1)
    return [c['sims'][w][t] if c['u'][t]<p else c['sims'][n][t] for t in range(len(c['u']))]
specs=eval(sys.argv[3])
for kind, name, spec in specs:
    for per,sel in [('2000-2009',lambda y:y<=2009),('2010-2019',lambda y:y>2009)]:
        ks=[(k,c) for k,c in cases.items() if k[0]==kind and sel(k[1])]
        rs=[(ranges(cand(c,k,spec)),c['actual']) for k,c in ks]
        cov=[sum(1 for r,a in rs if r[l][0]<=a<=r[l][1])/len(rs) for l in range(4)]
        w=sum(r[2][1]-r[2][0] for r,a in rs)/len(rs)
        sc=sum(score(r,a) for r,a in rs)/len(rs)
        print('| %s | stemsim | %s | %s | %d | %s | %.1f | %.1f |  exact %.6f' % (kind,name,per,len(rs),' | '.join('%.3f'%x for x in cov),w,sc,sc))
