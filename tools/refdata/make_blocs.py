#!/usr/bin/env python3
"""Regenerate src/Scenarios/ReferenceData/blocs.csv and bloc_memberships.csv.

Current (2025) membership lists for NAM, G77, OIC, EU, AU, ASEAN, CARICOM, SIDS and BRICS are read from
../shared/data/un/countries/un_member_states_2025.csv (internacia-db for the blocs, UNDP for SIDS) and
corrected where the sources disagree, as documented in src/Scenarios/ReferenceData/SOURCES.md. The dated
events (accessions, withdrawals, suspensions) are written below from public knowledge: each date is
tagged EXACT (a known event date), YEAR (the year is known; encoded as 1 July of that year) or
ADMISSION (join date unknown; the later of the bloc's founding and the state's UN admission date).
The script refuses to write if a bloc's membership on the check date no longer matches the source
column up to the documented differences.

Standard library only:  python3 tools/refdata/make_blocs.py
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared" / "data" / "un"
SOURCE = SHARED / "countries" / "un_member_states_2025.csv"
REFDATA = REPO / "src" / "Scenarios" / "ReferenceData"
MEMBERS = REFDATA / "members.csv"

CHECK_DATE = "2025-12-01"

DESCRIPTIONS = {
    "P5": "Permanent members of the Security Council (the PRC holds China's seat from 1971, Russia the USSR's from 1991)",
    "EU": "European Union member states (European Economic Community from 1958)",
    "BRICS": "BRICS full members (BRIC from the first summit 2009, South Africa 2010, enlargements 2024-2025)",
    "BRICS_PARTNERS": "BRICS partner countries (category created at the 2024 Kazan summit)",
    "NAM": "Non-Aligned Movement member states (founded Belgrade 1961)",
    "G77": "Group of 77 member states (founded 1964); China is associated ('G77 and China') but not a member",
    "AU": "African Union member states (from its launch on 9 July 2002; the OAU period is not modelled)",
    "OIC": "Organisation of Islamic Cooperation member states (founded Rabat 1969)",
    "ARAB_LEAGUE": "League of Arab States member states (founded 1945), with suspensions as gaps",
    "ASEAN": "Association of Southeast Asian Nations member states (founded 1967)",
    "CARICOM": "Caribbean Community full members that are UN members (Montserrat excluded)",
    "SIDS": "Small Island Developing States that are UN members (UN-OHRLLS/UNDP list; a classification, not an organisation)",
    "NATO": "North Atlantic Treaty Organization member states (treaty in force 1949)",
}

EXACT, YEAR, ADMISSION = "EXACT", "YEAR", "ADMISSION"


def year(y: int) -> str:
    return f"{y}-07-01"


def load() -> tuple[dict[str, dict[str, str]], dict[str, str]]:
    with SOURCE.open(encoding="utf-8", newline="") as f:
        source = {row["iso3"]: row for row in csv.DictReader(f)}
    with MEMBERS.open(encoding="utf-8", newline="") as f:
        admitted = {row["iso3"]: row["admitted"] for row in csv.DictReader(f)}
    return source, admitted


def column(source: dict[str, dict[str, str]], name: str) -> set[str]:
    return {code for code, row in source.items() if row[name] == "1"}


def main() -> None:
    source, admitted = load()
    rows: list[tuple[str, str, str, str, str]] = []  # bloc, iso3, from, until, precision

    def add(bloc: str, code: str, start: str, until: str = "", precision: str = EXACT) -> None:
        if code not in admitted:
            raise SystemExit(f"{bloc}: {code} is not in members.csv")
        rows.append((bloc, code, start, until, precision))

    def by_founding_or_admission(bloc: str, codes: set[str], founded: str, known: dict[str, tuple[str, str]]) -> None:
        for code in sorted(codes):
            if code in known:
                start, precision = known[code]
            else:
                start, precision = max(founded, admitted[code]), ADMISSION
            add(bloc, code, start, "", precision)

    # P5
    for code in ("USA", "GBR", "FRA"):
        add("P5", code, "1945-10-24")
    add("P5", "CHN", "1971-10-25")
    add("P5", "RUS", "1991-12-24")

    # EU (EEC 1958, accessions, Brexit)
    eu = {
        "1958-01-01": "BEL DEU FRA ITA LUX NLD",
        "1973-01-01": "DNK GBR IRL",
        "1981-01-01": "GRC",
        "1986-01-01": "ESP PRT",
        "1995-01-01": "AUT FIN SWE",
        "2004-05-01": "CYP CZE EST HUN LTU LVA MLT POL SVK SVN",
        "2007-01-01": "BGR ROU",
        "2013-07-01": "HRV",
    }
    for start, codes in eu.items():
        for code in codes.split():
            add("EU", code, start, "2020-02-01" if code == "GBR" else "")

    # BRICS and partners
    for code in ("BRA", "RUS", "IND", "CHN"):
        add("BRICS", code, "2009-06-16")
    add("BRICS", "ZAF", "2010-12-24")
    for code in ("EGY", "ETH", "IRN", "ARE"):
        add("BRICS", code, "2024-01-01")
    add("BRICS", "IDN", "2025-01-06")
    for code in ("BLR", "BOL", "KAZ", "CUB", "MYS", "THA", "UGA", "UZB"):
        add("BRICS_PARTNERS", code, "2025-01-01")
    add("BRICS_PARTNERS", "NGA", "2025-01-17")
    add("BRICS_PARTNERS", "VNM", "2025-06-13")

    # NAM: internacia list minus Mexico (an observer) plus Palestine; founders 1961-09-01.
    nam_founded = "1961-09-01"
    nam_current = (column(source, "nam") - {"MEX"}) | {"PSE"}
    nam_known = {code: (nam_founded, EXACT) for code in
                 "AFG DZA MMR KHM LKA COD CUB CYP ETH GHA GIN IND IDN IRQ LBN MLI MAR NPL SAU SOM SDN TUN EGY YEM".split()}
    nam_known.update({
        "PSE": ("1976-08-16", EXACT),   # PLO admitted as full member at the Colombo summit
        "PAK": ("1979-09-03", EXACT),   # Havana summit, after leaving CENTO
        "IRN": ("1979-09-03", EXACT),   # Havana summit
        "ZAF": (year(1994), YEAR),
        "PHL": (year(1993), YEAR),
        "THA": (year(1993), YEAR),
        "BLR": ("1998-09-02", EXACT),   # Durban summit
        "ATG": ("2006-09-15", EXACT),   # Havana summit
        "KNA": ("2006-09-15", EXACT),
        "AZE": ("2011-05-25", EXACT),   # Bali ministerial conference
        "FJI": ("2011-05-25", EXACT),
        "SSD": ("2024-01-17", EXACT),   # announced at the Kampala ministerial (applied Baku, July 2023)
    })
    by_founding_or_admission("NAM", nam_current - {"CYP"}, nam_founded, nam_known)
    add("NAM", "CYP", nam_founded, "2004-05-01")          # left on EU accession
    add("NAM", "MLT", "1973-09-05", "2004-05-01", YEAR)   # joined at Algiers (1973), left on EU accession
    add("NAM", "ARG", "1973-09-05", "1991-09-19", YEAR)   # joined at Algiers, withdrew 1991

    # G77: internacia list minus China (associated, not a member) plus Bosnia and Herzegovina (CIA
    # Factbook, g77.org) plus Palestine = 134.
    g77_founded = "1964-06-15"
    g77_current = (column(source, "g77") - {"CHN"}) | {"BIH", "PSE"}
    g77_known = {
        "CUB": (year(1971), YEAR),
        "ZAF": (year(1994), YEAR),
        "PSE": (year(1976), YEAR),
        "AZE": ("2019-09-27", EXACT),   # admitted at the 43rd annual ministerial meeting
    }
    by_founding_or_admission("G77", g77_current, g77_founded, g77_known)
    add("G77", "MEX", g77_founded, "1994-05-18", YEAR)  # left on OECD accession
    add("G77", "KOR", g77_founded, "1996-12-12", YEAR)  # left on OECD accession
    add("G77", "CYP", g77_founded, "2004-05-01", YEAR)  # left on EU accession
    add("G77", "MLT", admitted["MLT"], "2004-05-01", YEAR)

    # AU: the 53 OAU members at the AU's launch, South Sudan 2011, Morocco 2017.
    au = column(source, "african_union")
    for code in sorted(au - {"MAR", "SSD"}):
        add("AU", code, "2002-07-09")
    add("AU", "SSD", "2011-07-27")
    add("AU", "MAR", "2017-01-30")

    # OIC: internacia list (56 UN members) plus Palestine = 57; accession years.
    oic_years = {
        1969: "AFG DZA TCD EGY GIN IDN IRN JOR KWT LBN LBY MYS MLI MRT MAR NER PAK PSE SAU SEN SDN SOM TUN TUR YEM",
        1970: "BHR OMN QAT SYR ARE", 1972: "SLE", 1974: "BGD GAB GMB GNB UGA", 1975: "BFA CMR",
        1976: "COM IRQ MDV", 1978: "DJI", 1983: "BEN", 1984: "BRN", 1986: "NGA",
        1992: "AZE ALB KGZ TJK TKM", 1994: "MOZ", 1995: "KAZ", 1996: "UZB SUR", 1997: "TGO",
        1998: "GUY", 2001: "CIV",
    }
    oic_known = {}
    for y, codes in oic_years.items():
        for code in codes.split():
            oic_known[code] = ("1969-09-25", EXACT) if y == 1969 else (year(y), YEAR)
    oic_current = column(source, "oic") | {"PSE"}
    if set(oic_known) != oic_current:
        raise SystemExit(f"OIC year table mismatch: {sorted(set(oic_known) ^ oic_current)}")
    by_founding_or_admission("OIC", oic_current, "1969-09-25", oic_known)

    # Arab League (no column in the shared file): 22 members with Egypt's and Syria's suspensions.
    arab = {
        "EGY": "1945-03-22", "IRQ": "1945-03-22", "JOR": "1945-03-22", "LBN": "1945-03-22",
        "SAU": "1945-03-22", "SYR": "1945-03-22", "YEM": "1945-05-05", "LBY": "1953-03-28",
        "SDN": "1956-01-19", "MAR": "1958-10-01", "TUN": "1958-10-01", "KWT": "1961-07-20",
        "DZA": "1962-08-16", "BHR": "1971-09-11", "QAT": "1971-09-11", "OMN": "1971-09-29",
        "ARE": "1971-12-06", "MRT": "1973-11-26", "SOM": "1974-02-14", "PSE": "1976-09-09",
        "DJI": "1977-09-04", "COM": "1993-11-20",
    }
    for code, start in sorted(arab.items()):
        if code == "SYR":
            add("ARAB_LEAGUE", code, start, "2011-11-16")
            add("ARAB_LEAGUE", code, "2023-05-07")
        elif code == "EGY":
            add("ARAB_LEAGUE", code, start, "1979-03-31", YEAR)
            add("ARAB_LEAGUE", code, "1989-05-23", "", EXACT)
        else:
            add("ARAB_LEAGUE", code, start)

    # ASEAN
    for code in ("IDN", "MYS", "PHL", "SGP", "THA"):
        add("ASEAN", code, "1967-08-08")
    add("ASEAN", "BRN", "1984-01-07")
    add("ASEAN", "VNM", "1995-07-28")
    add("ASEAN", "LAO", "1997-07-23")
    add("ASEAN", "MMR", "1997-07-23")
    add("ASEAN", "KHM", "1999-04-30")
    add("ASEAN", "TLS", "2025-10-26")

    # CARICOM full members (UN members only)
    caricom = {
        "BRB": "1973-08-01", "GUY": "1973-08-01", "JAM": "1973-08-01", "TTO": "1973-08-01",
        "ATG": "1974-05-01", "BLZ": "1974-05-01", "DMA": "1974-05-01", "GRD": "1974-05-01",
        "KNA": "1974-05-01", "LCA": "1974-05-01", "VCT": "1974-05-01",
        "BHS": "1983-07-04", "SUR": "1995-07-04", "HTI": "2002-07-03",
    }
    if set(caricom) != column(source, "caricom"):
        raise SystemExit("CARICOM table mismatch")
    for code, start in sorted(caricom.items()):
        add("CARICOM", code, start)

    # SIDS: UNDP list of UN-member SIDS; a classification, dated by UN admission.
    for code in sorted(column(source, "sids_undp")):
        add("SIDS", code, admitted[code], "", ADMISSION)

    # NATO
    nato = {
        "1949-08-24": "BEL CAN DNK FRA GBR ISL ITA LUX NLD NOR PRT USA",
        "1952-02-18": "GRC TUR", "1955-05-06": "DEU", "1982-05-30": "ESP",
        "1999-03-12": "CZE HUN POL", "2004-03-29": "BGR EST LTU LVA ROU SVK SVN",
        "2009-04-01": "ALB HRV", "2017-06-05": "MNE", "2020-03-27": "MKD",
        "2023-04-04": "FIN", "2024-03-07": "SWE",
    }
    for start, codes in nato.items():
        for code in codes.split():
            add("NATO", code, start)

    check(rows, source)
    rows.sort(key=lambda r: (list(DESCRIPTIONS).index(r[0]), r[1], r[2]))
    with (REFDATA / "blocs.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["bloc", "description"])
        w.writerows(DESCRIPTIONS.items())
    with (REFDATA / "bloc_memberships.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["bloc", "iso3", "from", "until"])
        w.writerows(r[:4] for r in rows)
    counts = Counter((r[0], r[4]) for r in rows)
    print(f"wrote {len(rows)} memberships; precision by bloc: {dict(sorted(counts.items()))}")


def members_on(rows, bloc: str, date: str) -> set[str]:
    return {r[1] for r in rows if r[0] == bloc and r[2] <= date and (not r[3] or date < r[3])}


# Documented differences from the source columns on CHECK_DATE: (only ours, only the source's).
DOCUMENTED = {
    "P5": ("p5", set(), set()),
    "EU": ("eu", set(), set()),
    "BRICS": ("brics_2025", set(), set()),
    "NAM": ("nam", {"PSE"}, {"MEX"}),
    "G77": ("g77", {"BIH", "PSE"}, {"CHN"}),
    "AU": ("african_union", set(), set()),
    "OIC": ("oic", {"PSE"}, set()),
    "ASEAN": ("asean", set(), set()),
    "CARICOM": ("caricom", set(), set()),
    "SIDS": ("sids_undp", set(), set()),
}


def check(rows, source) -> None:
    for bloc, (col, ours_only, theirs_only) in DOCUMENTED.items():
        ours, theirs = members_on(rows, bloc, CHECK_DATE), column(source, col)
        if (ours - theirs, theirs - ours) != (ours_only, theirs_only):
            raise SystemExit(f"{bloc}: undocumented difference {sorted(ours - theirs)} / {sorted(theirs - ours)}")


if __name__ == "__main__":
    main()
