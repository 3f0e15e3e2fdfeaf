#!/usr/bin/env python3
"""Regenerate src/Scenarios/ReferenceData/roll_call_concerns.csv: the General Assembly roll calls whose text
addresses the conduct of named states (country-situation texts), labelled from their titles.

Input: the titles in src/Scenarios/ReferenceData/calibration_roll_calls.csv.gz (every roll call of the embedded
calibration, 1946-2021). Each title is matched against RULES below, in order; the first rule that matches gives
the concerned states. A title that matches no rule is not a country-situation text and is not listed.

Rules are deliberately narrow: a text is labelled only when its title names the situation of a state
(human rights in X, the embargo imposed by the United States against Cuba, Israeli practices / the occupied
Palestinian territory / the occupied Syrian Golan, Crimea and Sevastopol, the territorial integrity of Ukraine,
Abkhazia and South Ossetia, ...). Texts on a general theme (nuclear disarmament, unilateral coercive measures,
decolonisation in general) are left out even when one state is their usual opponent. Roll calls on paragraphs
whose title is only the chair's words ("I shall now put to the vote operative paragraph ...") are labelled when
the title still names the situation, otherwise left out.

Output columns: roll_call (the calibration's roll-call id), year, symbol, concerns (ISO3 codes separated by
';'), rule (the name of the rule that matched), title (first 160 characters).

Standard library only:  python3 tools/refdata/make_roll_call_concerns.py
"""

from __future__ import annotations

import csv
import gzip
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
REFDATA = REPO / "src" / "Scenarios" / "ReferenceData"
SOURCE = REFDATA / "calibration_roll_calls.csv.gz"
OUTPUT = REFDATA / "roll_call_concerns.csv"

# "human rights in X": the state named after the preposition, by the names the titles use.
HUMAN_RIGHTS_STATES = [
    (r"islamic republic of iran|\biran\b", "IRN"),
    (r"democratic people.{0,6}s republic of korea|north korea", "PRK"),
    (r"syrian arab republic|\bsyria\b", "SYR"),
    (r"myanmar|burma", "MMR"),
    (r"belarus", "BLR"),
    (r"\bcuba\b", "CUB"),
    (r"\biraq\b", "IRQ"),
    (r"democratic republic of the congo|\bzaire\b", "COD"),
    (r"\bthe sudan\b|\bsudan\b", "SDN"),
    (r"turkmenistan", "TKM"),
    (r"uzbekistan", "UZB"),
    (r"nigeria", "NGA"),
    (r"afghanistan", "AFG"),
    (r"cambodia|kampuchea", "KHM"),
    (r"el salvador", "SLV"),
    (r"guatemala", "GTM"),
    (r"\bchile\b", "CHL"),
    (r"\bhaiti\b", "HTI"),
    (r"kosovo|federal republic of yugoslavia", "SRB"),
    (r"south africa", "ZAF"),
]

# (rule name, title pattern, concerned states); the first match wins, so specific rules come first.
RULES: list[tuple[str, str, list[str]]] = [
    ("crimea", r"crimea|sevastopol", ["RUS"]),
    ("ukraine-territorial-integrity", r"territorial integrity of ukraine|aggression against ukraine", ["RUS"]),
    ("georgia-abkhazia", r"abkhazia|tskhinvali|south ossetia", ["RUS"]),
    ("moldova-withdrawal", r"withdrawal of foreign military forces from the territory of the republic of moldova", ["RUS"]),
    ("azerbaijan-occupied", r"occupied territories of azerbaijan", ["ARM"]),
    ("cuba-embargo", r"embargo imposed by the unite[ds] states", ["USA"]),
    ("kuwait-iraqi-occupation", r"kuwait under iraqi occupation", ["IRQ"]),
    ("human-rights-in-state", r"human rights (?:situation )?in\b|situation (?:of|on) (?:the )?human rights in\b", []),
    ("syrian-golan", r"syrian golan", ["ISR"]),
    ("israeli-practices", r"israel", ["ISR"]),
    ("palestine", r"palestin", ["ISR"]),
    ("occupied-territories-jerusalem", r"jerusalem|occupied territor|june 1967", ["ISR"]),
    ("lebanese-oil-slick", r"oil slick on lebanese shores", ["ISR"]),
    ("middle-east-proliferation", r"risk of nuclear proliferation in the middle east", ["ISR"]),
    ("chagos", r"chagos", ["GBR"]),
    ("mayotte", r"comorian island of mayotte", ["FRA"]),
    ("apartheid-south-africa", r"apartheid|south africa", ["ZAF"]),
]


def label(title: str) -> tuple[str, list[str]] | None:
    """The rule and concerned states of one title, or None."""
    text = re.sub(r"\s+", " ", title).lower()
    for name, pattern, states in RULES:
        match = re.search(pattern, text)
        if not match:
            continue
        if name != "human-rights-in-state":
            return name, states
        rest = text[match.end():]
        for state_pattern, code in HUMAN_RIGHTS_STATES:
            found = re.search(state_pattern, rest)
            if found and found.start() < 80:
                return name, [code]
        # "human rights in" a theme ("in the administration of justice"): not about a state.
    return None


def main() -> None:
    with gzip.open(SOURCE, "rt", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    labelled = []
    for row in rows:
        result = label(row["title"])
        if result is None:
            continue
        rule, states = result
        labelled.append([row["roll_call"], row["year"], row["symbol"], ";".join(states), rule, re.sub(r"\s+", " ", row["title"])[:160]])
    with open(OUTPUT, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["roll_call", "year", "symbol", "concerns", "rule", "title"])
        writer.writerows(labelled)
    print(f"{len(labelled)} of {len(rows)} roll calls labelled -> {OUTPUT.relative_to(REPO)}")


if __name__ == "__main__":
    main()
