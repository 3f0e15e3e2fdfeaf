#!/usr/bin/env python3
"""The population family's grid of `stemsim backtest --analog-kinds` recomputed from its per-trial yes counts
(OUTDIR/analog_samples.csv.gz, simulations named "population K sessions S"): for each kind, number of sessions K and
jitter S, the mean 90% interval score (width plus 20 times the miss) and the 80% and 90% coverage on the choosing years
(up to --choose-to, default 2009) and the reporting years, with the study's quantile rule (CountInterval.Central).

    python3 tools/analog-kinds/population_grid.py OUTDIR/analog_samples.csv.gz [CHOOSE_TO]
"""
import gzip, sys, math, collections

def quant(s, q):
    n = len(s); i = min(max(math.ceil(q * n - 1e-9) - 1, 0), n - 1); return s[i]

def central(s, level):
    return quant(s, (1 - level) / 2), quant(s, (1 + level) / 2)

path = sys.argv[1]
choose_to = int(sys.argv[2]) if len(sys.argv) > 2 else 2009
# (kind, K, S, period) -> list of (score90, covered80, covered90)
cells = collections.defaultdict(list)
with gzip.open(path, 'rt') as f:
    next(f)
    for line in f:
        kind, year, rc, analog, actual, analog_yes, sim, yes = line.rstrip('\n').split(',', 7)
        if not sim.startswith('population '):
            continue
        _, k, _, s = sim.split(' ')
        counts = sorted(int(x) for x in yes.split(' '))
        a = int(actual)
        lo, hi = central(counts, 0.9)
        lo80, hi80 = central(counts, 0.8)
        score = (hi - lo) + 20 * max(lo - a, 0) + 20 * max(a - hi, 0)
        period = 'choosing' if int(year) <= choose_to else 'reporting'
        cells[(kind, int(k), s, period)].append((score, lo80 <= a <= hi80, lo <= a <= hi))

print('| kind | sessions | jitter | choosing: score90 | coverage80 | coverage90 | reporting: score90 | coverage80 | coverage90 |')
print('|---|---:|---:|---:|---:|---:|---:|---:|---:|')
for kind, k, s in sorted({(c[0], c[1], c[2]) for c in cells}):
    row = [kind, str(k), s]
    for period in ('choosing', 'reporting'):
        xs = cells[(kind, k, s, period)]
        row += [f'{sum(x[0] for x in xs) / len(xs):.1f}', f'{sum(x[1] for x in xs) / len(xs):.3f}', f'{sum(x[2] for x in xs) / len(xs):.3f}']
    print('| ' + ' | '.join(row) + ' |')
