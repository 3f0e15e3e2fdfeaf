#!/usr/bin/env python3
"""Regenerate src/Scenarios/ReferenceData/positions_bsv.csv (interim member positions).

Interim conversion of the Bailey-Strezhnev-Voeten dynamic ideal points (Voeten, Apr 2020 release,
sessions 1-74) into the table the simulator embeds until the project's own calibration lands.

For each of the 193 UN member states in ../shared/data/un/countries/un_member_states_2025.csv:
  theta        = IdealPoint of session 74 (year 2019), or of the member's latest session if it has
                 no session-74 row (source_year = 1945 + that session);
  theta_se     = (Q95% - Q5%) / (2 * 1.6449), the half-width of the 90% posterior interval
                 expressed as a normal standard deviation;
  absence_rate = share of vote == 8 (absent) among the member's rows in sessions 66-70 (2011-2015)
                 of voeten_unvotes_2017/unvotes_1946_2015_members_with_absent.csv, or the median
                 rate over all members that have rows when the member has none;
  year         = 2019 for every row.
Members are joined by Correlates of War code (cow_ccode; Germany lists 255;260, Serbia is 345,
which Voeten codes as Yugoslavia). All numbers are rounded to 4 decimals.

Standard library only. Run from anywhere:  python3 tools/refdata/make_positions.py
"""

from __future__ import annotations

import csv
import statistics
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared" / "data" / "un"
MEMBERS = SHARED / "countries" / "un_member_states_2025.csv"
IDEAL = SHARED / "voeten_idealpoints" / "IdealpointestimatesAll_Apr2020.csv"
VOTES = SHARED / "voeten_unvotes_2017" / "unvotes_1946_2015_members_with_absent.csv"
OUT = REPO / "src" / "Scenarios" / "ReferenceData" / "positions_bsv.csv"

TARGET_SESSION = 74
ABSENCE_SESSIONS = range(66, 71)  # 66..70 = 2011..2015
Z90 = 1.6449


def members() -> list[tuple[str, list[int]]]:
    with MEMBERS.open(encoding="utf-8", newline="") as f:
        return sorted(
            (row["iso3"], [int(c) for c in row["cow_ccode"].split(";")])
            for row in csv.DictReader(f)
        )


def ideal_points() -> dict[int, dict[int, dict[str, str]]]:
    by_code: dict[int, dict[int, dict[str, str]]] = {}
    with IDEAL.open(encoding="latin-1", newline="") as f:
        for row in csv.DictReader(f):
            by_code.setdefault(int(row["ccode"]), {})[int(row["session"])] = row
    return by_code


def absence_rates() -> dict[int, float]:
    counts: dict[int, list[int]] = {}
    with VOTES.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if int(row["session"]) not in ABSENCE_SESSIONS:
                continue
            c = counts.setdefault(int(row["ccode"]), [0, 0])
            c[1] += 1
            if row["vote"] == "8":
                c[0] += 1
    return {code: absent / total for code, (absent, total) in counts.items() if total > 0}


def main() -> None:
    ips = ideal_points()
    rates = absence_rates()
    table = members()
    member_rates = {}
    for iso3, codes in table:
        found = [rates[c] for c in codes if c in rates]
        if found:
            # Germany: only 255 has rows in 2011-2015; take the first code that has rows.
            member_rates[iso3] = found[0]
    median_rate = statistics.median(member_rates.values())

    rows = []
    for iso3, codes in table:
        best = None
        for c in codes:
            for session, row in ips.get(c, {}).items():
                if session <= TARGET_SESSION and (best is None or session > int(best["session"])):
                    best = row
        if best is None:
            raise SystemExit(f"no ideal point for {iso3} (ccode {codes})")
        session = int(best["session"])
        theta = float(best["IdealPoint"])
        se = (float(best["Q95%"]) - float(best["Q5%"])) / (2 * Z90)
        rate = member_rates.get(iso3, median_rate)
        rows.append((iso3, 2019, f"{theta:.4f}", f"{se:.4f}", f"{rate:.4f}", 1945 + session))

    with OUT.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["iso3", "year", "theta", "theta_se", "absence_rate", "source_year"])
        w.writerows(rows)
    fallback = sorted(iso3 for iso3, _ in table if iso3 not in member_rates)
    older = [r[0] for r in rows if r[5] != 1945 + TARGET_SESSION]
    print(f"wrote {len(rows)} rows to {OUT.relative_to(REPO)}; median absence {median_rate:.4f}; "
          f"median used for: {fallback or 'none'}; not from session {TARGET_SESSION}: {older or 'none'}")


if __name__ == "__main__":
    main()
