#!/usr/bin/env python3
"""The population draws of `stemsim backtest --analog-kinds` whose jitter follows the population (round 7), recomputed
from the per-trial yes counts (OUTDIR/analog_samples.csv.gz): simulations named "population K sessions kde h=H"
(jitter h · s_d · n^(-1/5)) and "population K sessions predictive h=H" (h · s_d / sqrt(n)), each with every fixed
jitter F of the same K as the floor a one-text population takes ("... floor F"), and the fixed jitters themselves
("population K sessions F"), and the trend-aware draws of round 8 ("population K sessions F drift=D lambda=L", no
floor: each text's anchor shift moved by L times the drift per session D estimates times its sessions before the
forecast). For each kind: every candidate's mean 90% interval score and 80% / 90% coverage on the
choosing years (up to CHOOSE_TO, default 2009) and the reporting years, sorted by the choosing score (the score rule's
pick first), with the study's quantile rule (CountInterval.Central).

A case's population is taken as one text when its bandwidth simulations (jitter 0 for one text) drew exactly the
counts of the fixed jitter 0: that is also true of a population of texts that all had the same yes count (s_d = 0),
which the command gives no floor; the command's own report (analog_spreads.md) is the authority where they differ.

    python3 tools/analog-kinds/bandwidth_grid.py OUTDIR/analog_samples.csv.gz [CHOOSE_TO] [KIND,...] [TOP]
"""
import gzip, math, sys, collections


def quant(s, q):
    n = len(s); i = min(max(math.ceil(q * n - 1e-9) - 1, 0), n - 1); return s[i]


def evaluate(counts, actual):
    s = sorted(counts)
    lo, hi = quant(s, 0.05), quant(s, 0.95)
    lo80, hi80 = quant(s, 0.1), quant(s, 0.9)
    return (lo80 <= actual <= hi80, lo <= actual <= hi, (hi - lo) + 20 * max(lo - actual, 0) + 20 * max(actual - hi, 0))


def main():
    path = sys.argv[1]
    choose_to = int(sys.argv[2]) if len(sys.argv) > 2 else 2009
    only = set(sys.argv[3].split(',')) if len(sys.argv) > 3 and sys.argv[3] else None
    top = int(sys.argv[4]) if len(sys.argv) > 4 else 10 ** 9
    cases = {}
    with gzip.open(path, 'rt') as f:
        next(f)
        for line in f:
            kind, year, rc, an, actual, ay, sim, yes = line.rstrip('\n').split(',', 7)
            if (only and kind not in only) or not sim.startswith('population '):
                continue
            c = cases.setdefault((kind, int(year), rc), {'actual': int(actual), 'sims': {}})
            c['sims'][sim] = yes
    cells = collections.defaultdict(list)
    for (kind, year, rc), c in cases.items():
        period = 'choosing' if year <= choose_to else 'reporting'
        sims = c['sims']
        fixed = {s: s.split(' ')[3] for s in sims if len(s.split(' ')) == 4}
        for s in fixed:
            cells[(kind, s, period)].append(evaluate(list(map(int, sims[s].split())), c['actual']))
        for s in sims:
            if ' drift=' in s:
                cells[(kind, s, period)].append(evaluate(list(map(int, sims[s].split())), c['actual']))
        for s in sims:
            parts = s.split(' ')
            if len(parts) != 5:
                continue
            k = parts[1]
            zero = sims.get(f'population {k} sessions 0.00')
            one_text = zero is not None and sims[s] == zero
            for f_name, f in fixed.items():
                if f_name.split(' ')[1] != k:
                    continue
                counts = sims[f_name] if one_text else sims[s]
                cells[(kind, f'{s} floor {f}', period)].append(evaluate(list(map(int, counts.split())), c['actual']))
    for kind in sorted({k[0] for k in cells}):
        names = sorted({k[1] for k in cells if k[0] == kind})
        def summary(name, period):
            xs = cells[(kind, name, period)]
            return len(xs), sum(x[0] for x in xs) / len(xs), sum(x[1] for x in xs) / len(xs), sum(x[2] for x in xs) / len(xs)
        names.sort(key=lambda n: summary(n, 'choosing')[3])
        print(f'\n{kind}: {len(names)} population candidates, by the choosing years\' mean 90% interval score')
        print('| candidate | choosing: score90 | coverage80 | coverage90 | reporting: score90 | coverage80 | coverage90 |')
        print('|---|---:|---:|---:|---:|---:|---:|')
        for name in names[:top]:
            _, c80, c90, sc = summary(name, 'choosing')
            _, r80, r90, rs = summary(name, 'reporting')
            print(f'| {name} | {sc:.1f} | {c80:.3f} | {c90:.3f} | {rs:.1f} | {r80:.3f} | {r90:.3f} |')


main()
