#!/usr/bin/env python3
"""Regenerate src/Scenarios/ReferenceData/sc_record_concerns.csv: every Security Council record 1946-2022 in the
shared data (2,617 adopted resolutions of undl_2021, 216 vetoed drafts of unsc_vetoes) with the states it concerns.

A record concerns the states named (by a keyword pattern) in its text: the resolution title for adopted resolutions
("Security Council resolution 2254 (2015) [on ... Syria ...]"), the agenda item and crisis topic for vetoed drafts.
The patterns are tools/refdata/sc_concern_keywords.csv, read in file order and followed by the short name of every
member state it does not cover (from members.csv): a pattern that matches blanks out the
text it matched, so a longer name listed first ("South Sudan", "Democratic People's Republic of Korea") is not
matched again by a shorter one ("Sudan", "Korea"). Rows sharing one pattern are applied together; a row with a
'from'/'to' date applies only to records dated in that range (Russia as a party to the Georgia conflict from
August 2008 and to the Ukraine conflict from February 2014). Thematic texts (peacekeeping in general, terrorism,
women and peace and security, ...) name no state and concern none.

topic: admission, mandate (extension or establishment of a mission's mandate), sanctions, situation (any other
text naming a state) or thematic (names none); for vetoed drafts the data's crisis_topic.
source: title (adopted) or agenda_item+crisis_topic (vetoed); keywords: the patterns that matched.

Standard library only:  python3 tools/refdata/make_sc_record_concerns.py
"""

from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared" / "data" / "un"
KEYWORDS = Path(__file__).resolve().parent / "sc_concern_keywords.csv"
MEMBERS = REPO / "src" / "Scenarios" / "ReferenceData" / "members.csv"
OUT = REPO / "src" / "Scenarios" / "ReferenceData" / "sc_record_concerns.csv"


def load_rules():
    groups: list[tuple[str, re.Pattern, list[tuple[list[str], date | None, date | None]]]] = []
    with KEYWORDS.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            codes = row["iso3"].split()
            start = date.fromisoformat(row["from"]) if row["from"] else None
            end = date.fromisoformat(row["to"]) if row["to"] else None
            if groups and groups[-1][0] == row["pattern"]:
                groups[-1][2].append((codes, start, end))
            else:
                groups.append((row["pattern"], re.compile(row["pattern"], re.IGNORECASE), [(codes, start, end)]))
    # Every member state and observer not named by a row above, by its short name from members.csv (admissions of
    # Latvia or San Marino, complaints by smaller states).
    covered = {c for _, _, rows in groups for codes, _, _ in rows for c in codes}
    with MEMBERS.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["iso3"] not in covered:
                name = row["name"].split(" (")[0]
                pattern = r"\b" + re.escape(name) + r"\b"
                groups.append((pattern, re.compile(pattern, re.IGNORECASE), [([row["iso3"]], None, None)]))
    return groups


def label(text: str, when: date, groups) -> tuple[list[str], list[str]]:
    codes: list[str] = []
    matched: list[str] = []
    for pattern, regex, rows in groups:
        if not regex.search(text):
            continue
        matched.append(pattern)
        text = regex.sub(lambda m: " " * len(m.group(0)), text)
        for row_codes, start, end in rows:
            if (start is None or when >= start) and (end is None or when <= end):
                codes.extend(c for c in row_codes if c not in codes)
    return codes, matched


def topic_of(title: str, codes: list[str]) -> str:
    t = title.lower()
    if "admission" in t:
        return "admission"
    if not codes:
        return "thematic"
    if "mandate" in t or "establishment of" in t:
        return "mandate"
    if re.search(r"sanction|measures against|embargo|panel of experts|committee established", t):
        return "sanctions"
    return "situation"


VETO_COLUMNS = {"China": "CHN", "France": "FRA", "Russia": "RUS", "USSR": "RUS", "USA": "USA", "UK": "GBR"}


def main() -> None:
    groups = load_rules()
    rows = []
    with (SHARED / "undl_2021" / "resolutions_1946_2021.csv").open(encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            if r["council"] != "SC":
                continue
            when = date.fromisoformat(r["date"])
            # The text inside the brackets says what the resolution is on; the prefix repeats the symbol.
            inner = r["title"].split("[", 1)[1] if "[" in r["title"] else r["title"]
            codes, matched = label(inner, when, groups)
            rows.append((r["undl_record_id"], r["resolution"], r["date"], "adopted", codes, topic_of(inner, codes), "title", matched, []))
    with (SHARED / "unsc_vetoes" / "unsc_vetoes_1946_sept2022.csv").open(encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            m, d, y = (int(x) for x in r["date"].split("/"))
            when = date(y, m, d)
            codes, matched = label(r["agenda_item"] + " | " + r["crisis_topic"], when, groups)
            topic = "admission" if r["crisis_topic"].strip() == "Admission" else (r["crisis_topic"].strip() or "unknown")
            # Vetoers are named in member_veto1-3; the 0/1 member columns miss some (17 drafts before 1981 have no 1
            # at all, and France in eight 1976-1981 triple vetoes), so the union of both is taken.
            vetoers = sorted({VETO_COLUMNS[r[k]] for k in ("member_veto1", "member_veto2", "member_veto3") if r[k]}
                             | {iso for col, iso in VETO_COLUMNS.items() if r[col].strip() == "1"})
            rows.append((r["draft"], r["draft"], when.isoformat(), "vetoed", codes, topic, "agenda_item+crisis_topic", matched, vetoers))
    rows.sort(key=lambda x: (x[2], x[3], x[1]))
    with OUT.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["record_id", "symbol", "date", "kind", "concerns", "topic", "source", "keywords", "vetoers"])
        for rid, sym, when, kind, codes, topic, source, matched, vetoers in rows:
            w.writerow([rid, sym, when, kind, " ".join(codes), topic, source, " ; ".join(matched), " ".join(vetoers)])
    labelled = sum(1 for x in rows if x[4])
    print(f"wrote {OUT.relative_to(REPO)}: {len(rows)} records, {labelled} labelled with at least one state "
          f"(adopted {sum(1 for x in rows if x[4] and x[3] == 'adopted')}/{sum(1 for x in rows if x[3] == 'adopted')}, "
          f"vetoed {sum(1 for x in rows if x[4] and x[3] == 'vetoed')}/{sum(1 for x in rows if x[3] == 'vetoed')})")


if __name__ == "__main__":
    main()
