#!/usr/bin/env python3
"""Estimate the concerned-party effect on 1990-2009 and backtest it on the Assembly's country-situation roll calls
of 2010-2019 (docs/concerned-party.md).

Base model (the engine's ordered probit): member i on roll call r votes no when u < tau1, yes when u >= tau2,
u = beta_r * pos_i + e, e ~ N(0, 1), pos_i = theta_i + mean of the roll call's issue offsets (the embedded
calibration, positions of the roll call's year; roll-call parameters beta, tau1, tau2 of the embedded calibration).

Effect (fitted on the training years only):
  * the concerned state votes no / abstain / yes with fixed probabilities: the training counts plus a
    Dirichlet(1, 1, 1) prior (posterior mean; standard error sqrt(p (1 - p) / (n + 4)));
  * every other member's latent support shifts by  gamma0 + gamma1 * a_i,  a_i = its agreement rate with the
    concerned state (share of roll calls both attended with the same vote) in the five years before the vote;
    gamma by maximum likelihood (Newton's method), standard errors from the inverse observed information.

Votes: ../shared/data/un/undl_2021/ga_votes_long_1946_2021.csv joined to the labelled roll calls by symbol
(resolution votes only; a symbol voted twice is left out). Standard library only:
    python3 tools/backtest/concerned_party.py [--train 1990-2009] [--test 2010-2019]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import math
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
REFDATA = REPO / "src" / "Scenarios" / "ReferenceData"
VOTES = REPO.parent.parent / "shared" / "data" / "un" / "undl_2021" / "ga_votes_long_1946_2021.csv"
ISSUES = ["palestinian_conflict", "nuclear_weapons", "arms_control", "human_rights", "colonialism", "economic_development"]
CHOICE = {"N": 0, "A": 1, "Y": 2}


def phi(x: float) -> float:
    return 0.5 * math.erfc(-x / math.sqrt(2))


def probs(mean: float, tau1: float, tau2: float) -> tuple[float, float, float]:
    p_no = phi(tau1 - mean)
    p_yes = 1 - phi(tau2 - mean)
    return p_no, max(0.0, 1 - p_no - p_yes), p_yes


def load():
    with gzip.open(REFDATA / "calibration.csv.gz", "rt") as f:
        positions = {(r["iso3"], int(r["year"])): r for r in csv.DictReader(f)}
    with gzip.open(REFDATA / "calibration_roll_calls.csv.gz", "rt") as f:
        roll_calls = {r["roll_call"]: r for r in csv.DictReader(f)}
    with open(REFDATA / "roll_call_concerns.csv") as f:
        concerns = {r["roll_call"]: r["concerns"].split(";") for r in csv.DictReader(f)}
    votes = defaultdict(dict)  # symbol -> iso3 -> choice (present only)
    by_year = defaultdict(lambda: defaultdict(dict))  # year -> record -> iso3 -> choice
    with open(VOTES) as f:
        for r in csv.DictReader(f):
            c = CHOICE.get(r["vote"])
            if c is None:
                continue
            year = int(r["date"][:4])
            votes[(r["resolution"], r["undl_record_id"])][r["iso3_mapped"]] = c
            by_year[year][r["undl_record_id"]][r["iso3_mapped"]] = c
    records = defaultdict(list)
    for symbol, record in votes:
        records[symbol].append(record)
    return positions, roll_calls, concerns, votes, records, by_year


def agreement(by_year, concerned: str, year: int) -> dict[str, float]:
    same, total = defaultdict(int), defaultdict(int)
    for y in range(year - 5, year):
        for ballots in by_year.get(y, {}).values():
            c = ballots.get(concerned)
            if c is None:
                continue
            for iso, v in ballots.items():
                if iso != concerned:
                    total[iso] += 1
                    same[iso] += v == c
    return {iso: same[iso] / total[iso] for iso in total if total[iso] >= 20}


def cases(first: int, last: int, data):
    positions, roll_calls, concerns, votes, records, by_year = data
    cache = {}
    out = []
    for rc, states in concerns.items():
        row = roll_calls[rc]
        year = int(row["year"])
        if not first <= year <= last or row["kind"] != "resolution" or len(records.get(row["symbol"], [])) != 1:
            continue
        ballots = votes[(row["symbol"], records[row["symbol"]][0])]
        beta, tau1, tau2 = float(row["beta"]), float(row["tau1"]), float(row["tau2"])
        issues = [i for i in row["issues"].split(";") if i]
        concerned = states[0]
        key = (concerned, year)
        if key not in cache:
            cache[key] = agreement(by_year, concerned, year)
        agree = cache[key]
        members = []
        for iso, choice in ballots.items():
            p = positions.get((iso, year))
            if p is None:
                continue
            pos = float(p["theta"]) + (sum(float(p["offset_" + i]) for i in issues) / len(issues) if issues else 0)
            members.append((iso, choice, beta * pos, iso in states, agree.get(iso)))
        out.append((rc, row["symbol"], year, concerned, tau1, tau2, members))
    return out


def loglik(gamma, data_cases):
    g0, g1 = gamma
    ll = 0.0
    for _, _, _, _, tau1, tau2, members in data_cases:
        for _, choice, mean, is_concerned, a in members:
            if is_concerned or a is None:
                continue
            p = probs(mean + g0 + g1 * a, tau1, tau2)[choice]
            ll += math.log(max(p, 1e-12))
    return ll


def fit_gamma(train):
    gamma = [0.0, 0.0]
    h = 1e-4
    for _ in range(30):
        f0 = loglik(gamma, train)
        grad, hess = [0.0, 0.0], [[0.0, 0.0], [0.0, 0.0]]
        for i in range(2):
            e = [0, 0]; e[i] = h
            fp = loglik([gamma[0] + e[0], gamma[1] + e[1]], train)
            fm = loglik([gamma[0] - e[0], gamma[1] - e[1]], train)
            grad[i] = (fp - fm) / (2 * h)
            hess[i][i] = (fp - 2 * f0 + fm) / (h * h)
        fpp = loglik([gamma[0] + h, gamma[1] + h], train)
        fpm = loglik([gamma[0] + h, gamma[1] - h], train)
        fmp = loglik([gamma[0] - h, gamma[1] + h], train)
        fmm = loglik([gamma[0] - h, gamma[1] - h], train)
        hess[0][1] = hess[1][0] = (fpp - fpm - fmp + fmm) / (4 * h * h)
        det = hess[0][0] * hess[1][1] - hess[0][1] ** 2
        step = [(hess[1][1] * grad[0] - hess[0][1] * grad[1]) / det, (hess[0][0] * grad[1] - hess[0][1] * grad[0]) / det]
        gamma = [gamma[0] - step[0], gamma[1] - step[1]]
        if max(abs(s) for s in step) < 1e-7:
            break
    det = hess[0][0] * hess[1][1] - hess[0][1] ** 2
    cov = [[-hess[1][1] / det, hess[0][1] / det], [hess[0][1] / det, -hess[0][0] / det]]
    return gamma, [math.sqrt(cov[0][0]), math.sqrt(cov[1][1])], cov[0][1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--train", default="1990-2009")
    parser.add_argument("--test", default="2010-2019")
    args = parser.parse_args()
    t0, t1 = map(int, args.train.split("-"))
    s0, s1 = map(int, args.test.split("-"))
    data = load()
    train, test = cases(t0, t1, data), cases(s0, s1, data)

    counts = [1.0, 1.0, 1.0]
    for *_, members in train:
        for _, choice, _, is_concerned, _ in members:
            if is_concerned:
                counts[choice] += 1
    n = sum(counts)
    p_concerned = [c / n for c in counts]
    se_concerned = [math.sqrt(p * (1 - p) / (n + 1)) for p in p_concerned]
    gamma, gamma_se, gamma_cov = fit_gamma(train)
    print(f"train {args.train}: {len(train)} labelled roll calls; test {args.test}: {len(test)}")
    print(f"concerned state (no, abstain, yes) = {', '.join(f'{p:.4f} (se {s:.4f})' for p, s in zip(p_concerned, se_concerned))}; training votes {n - 3:.0f}")
    print(f"others' shift = gamma0 + gamma1 * agreement: gamma0 = {gamma[0]:.4f} (se {gamma_se[0]:.4f}), gamma1 = {gamma[1]:.4f} (se {gamma_se[1]:.4f}), cov {gamma_cov:.6f}")

    modal = max(range(3), key=lambda k: p_concerned[k])
    hits = total = 0
    base_hits = 0
    ll_base = ll_effect = 0.0
    votes = 0
    by_state = defaultdict(lambda: [0, 0])
    for rc, symbol, year, concerned, tau1, tau2, members in test:
        for iso, choice, mean, is_concerned, a in members:
            base = probs(mean, tau1, tau2)
            if is_concerned:
                effect = p_concerned
                total += 1
                hits += choice == modal
                base_hits += choice == max(range(3), key=lambda k: base[k])
                by_state[iso][0] += choice == modal
                by_state[iso][1] += 1
            else:
                effect = probs(mean + gamma[0] + gamma[1] * (a if a is not None else 0), tau1, tau2) if a is not None else base
            ll_base -= math.log(max(base[choice], 1e-12))
            ll_effect -= math.log(max(effect[choice], 1e-12))
            votes += 1
    print(f"test: concerned state's vote predicted right {hits}/{total} = {hits / total:.4f} (without the effect: {base_hits}/{total} = {base_hits / total:.4f})")
    print(f"test: log loss per vote, all members: without {ll_base / votes:.5f}, with {ll_effect / votes:.5f} ({votes} votes)")
    for iso, (h, t) in sorted(by_state.items()):
        print(f"  {iso}: {h}/{t}")


if __name__ == "__main__":
    main()
