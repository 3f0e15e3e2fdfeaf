#!/usr/bin/env python3
"""Both choice rules of the analog-kinds study, recomputed from the per-trial yes counts that `stemsim backtest
--analog-kinds` writes (OUTDIR/analog_samples.csv.gz), over the candidates the vote kernel implements: normal,
mixture, anchored, anchored-mixture (every pair of the spread grid, p = 0.05-0.4) and population (every K and jitter
the run simulated). A mixture's component is picked per trial by draw 1 of RandomPurpose.AnalogShift, as the study does
(the port of CounterRandom is rescore.py's).

- score rule: the lowest mean 90% interval score on the choosing years (up to CHOOSE_TO, default 2009);
- coverage rule: the same among the candidates whose choosing-years coverage at 80% and at 90% lies within 5 points of
  nominal; when none does, the candidate whose choosing coverage comes closest (the smaller of its larger shortfall
  below 0.75 / 0.85), ties by the score.

Prints, per kind, each rule's pick on the choosing and the reporting years, and the baseline (the analog's count plus
the choosing years' quantiles of the count change).

    python3 tools/analog-kinds/coverage_rule.py OUTDIR/analog_samples.csv.gz [CHOOSE_TO] [KIND,...]
"""
import gzip, math, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

M = (1 << 64) - 1
G = 0x9E3779B97F4A7C15


def mix(z):
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
    return z ^ (z >> 31)


def fnv(s):
    h = 14695981039346656037
    for ch in s:
        h = ((h ^ ord(ch)) * 1099511628211) & M
    return h


def uniforms(rc, trials, index, seed=1):
    key = fnv(rc); s = seed ^ key; stream = key & 0xFFFF
    mk = (mix((15 << 48) | ((stream & 0xFFFF) << 32) | (index & 0xFFFFFFFF)) * G) & M
    return [((mix((mix((s + ((t * G) & M)) & M) + mk) & M) >> 11) + 0.5) / (1 << 53) for t in range(trials)]


def quant(s, q):
    n = len(s); i = min(max(math.ceil(q * n - 1e-9) - 1, 0), n - 1); return s[i]


LEVELS = [0.5, 0.8, 0.9, 0.95]


def evaluate(sorted_counts, actual):
    """(covered per level, width90, score90) of one forecast."""
    cov = []
    for l in LEVELS:
        lo, hi = quant(sorted_counts, (1 - l) / 2), quant(sorted_counts, (1 + l) / 2)
        cov.append(lo <= actual <= hi)
        if l == 0.9:
            w = hi - lo; sc = w + 20 * max(lo - actual, 0) + 20 * max(actual - hi, 0)
    return cov, w, sc


def main():
    path = sys.argv[1]
    choose_to = int(sys.argv[2]) if len(sys.argv) > 2 else 2009
    only = set(sys.argv[3].split(',')) if len(sys.argv) > 3 else None
    cases = {}
    with gzip.open(path, 'rt') as f:
        next(f)
        for line in f:
            kind, year, rc, an, actual, ay, sim, yes = line.rstrip('\n').split(',', 7)
            if only and kind not in only:
                continue
            if not (sim.startswith('spread ') or sim.startswith('anchored ') or sim.startswith('population ')):
                continue
            c = cases.setdefault((kind, int(year), rc), {'actual': int(actual), 'ay': int(ay), 'sims': {}})
            c['sims'][sim] = list(map(int, yes.split()))
    grid = sorted({float(s.split(' ')[1]) for c in cases.values() for s in c['sims'] if s.startswith('spread ')})
    pops = sorted({s for c in cases.values() for s in c['sims'] if s.startswith('population ')})
    names = [f'normal {g:.2f}' for g in grid] + [f'anchored {g:.2f}' for g in grid] + pops
    for fam in ('mixture', 'anchored-mixture'):
        for p in (0.05, 0.1, 0.15, 0.2, 0.3, 0.4):
            for a in range(len(grid)):
                for b in range(a + 1, len(grid)):
                    names.append(f'{fam} p={p:.2f} {grid[a]:.2f}/{grid[b]:.2f}')

    def counts(c, rc, name):
        if name.startswith('normal '):
            return c['sims']['spread ' + name.split(' ')[1]]
        if name.startswith('anchored ') or name.startswith('population '):
            return c['sims'][name]
        fam, p, pair = name.split(' ')
        p = float(p[2:]); a, b = pair.split('/')
        prefix = 'spread ' if fam == 'mixture' else 'anchored '
        n, w = c['sims'][prefix + a], c['sims'][prefix + b]
        if 'u' not in c:
            c['u'] = uniforms(rc, len(n), 1)
        return [w[t] if c['u'][t] < p else n[t] for t in range(len(n))]

    for kind in sorted({k[0] for k in cases}):
        periods = {'choosing': [(k, c) for k, c in cases.items() if k[0] == kind and k[1] <= choose_to],
                   'reporting': [(k, c) for k, c in cases.items() if k[0] == kind and k[1] > choose_to]}
        table = {}
        for name in names:
            row = {}
            for period, set_ in periods.items():
                ev = [evaluate(sorted(counts(c, k[2], name)), c['actual']) for k, c in set_]
                n = len(ev)
                row[period] = ([sum(e[0][l] for e in ev) / n for l in range(4)], sum(e[1] for e in ev) / n, sum(e[2] for e in ev) / n, n)
            table[name] = row
        changes = sorted(c['actual'] - c['ay'] for k, c in periods['choosing'])
        base = []
        for k, c in periods['reporting']:
            ranges = [(max(0, c['ay'] + quant(changes, (1 - l) / 2)), max(0, c['ay'] + quant(changes, (1 + l) / 2))) for l in LEVELS]
            lo, hi = ranges[2]
            base.append(([lo_ <= c['actual'] <= hi_ for lo_, hi_ in ranges], hi - lo, (hi - lo) + 20 * max(lo - c['actual'], 0) + 20 * max(c['actual'] - hi, 0)))
        score_pick = min(names, key=lambda x: table[x]['choosing'][2])
        within = [x for x in names if abs(table[x]['choosing'][0][1] - 0.8) <= 0.05 + 1e-12 and abs(table[x]['choosing'][0][2] - 0.9) <= 0.05 + 1e-12]
        shortfall = lambda x: max(0.75 - table[x]['choosing'][0][1], 0.85 - table[x]['choosing'][0][2], table[x]['choosing'][0][1] - 0.85, table[x]['choosing'][0][2] - 0.95)
        coverage_pick = min(within, key=lambda x: table[x]['choosing'][2]) if within else min(names, key=lambda x: (round(shortfall(x), 9), table[x]['choosing'][2]))
        print(f'\n{kind}: {len(names)} candidates, {len(within)} within 5 points on the choosing years')
        print('| rule | candidate | years | roll calls | coverage50 | coverage80 | coverage90 | coverage95 | mean width90 | mean interval score90 |')
        print('|---|---|---|---:|---:|---:|---:|---:|---:|---:|')
        for rule, pick in (('score', score_pick), ('coverage' if within else 'coverage (none within: closest)', coverage_pick)):
            for period in ('choosing', 'reporting'):
                cov, w, sc, n = table[pick][period]
                print(f'| {rule} | {pick} | {period} | {n} | ' + ' | '.join(f'{x:.3f}' for x in cov) + f' | {w:.1f} | {sc:.1f} |')
        n = len(base)
        print(f'| baseline | | reporting | {n} | ' + ' | '.join(f'{sum(b[0][l] for b in base) / n:.3f}' for l in range(4)) + f' | {sum(b[1] for b in base) / n:.1f} | {sum(b[2] for b in base) / n:.1f} |')


main()
