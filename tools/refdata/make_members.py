#!/usr/bin/env python3
"""Regenerate src/Scenarios/ReferenceData/members.csv (the 193 UN members and the two observer states).

iso3 and un_regional_group come from ../shared/data/un/countries/un_member_states_2025.csv (world-countries
5.1.0, ODbL-1.0); group labels are mapped to the RegionalGroup enum names. name and admitted come from the
un.org "Member States" list (https://www.un.org/en/about-us/member-states, date of admission), transcribed
below from the copy in github.com/onofreicl/ethos docs/empathy/countries.md (commit
14c796c0d9e679f6b62ea1aebd5cb519bdfe9baf) and checked against a second transcription of the same page;
the two agree except Thailand (15 vs 16 Dec 1946), where un.org's 1946-12-16 is kept. A few UN display
names are normalised (Bahamas, Gambia, Guinea-Bissau, Cote d'Ivoire capitalisation). The two observer
states are added by hand: Holy See (observer since 1964-04-06; in no regional group, filed under
WesternEuropeanAndOthers because the column is required) and State of Palestine (non-member observer State
since 2012-11-29 per A/RES/67/19; a member of the Asia-Pacific Group).

Standard library only:  python3 tools/refdata/make_members.py
"""

from __future__ import annotations

import csv
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared" / "data" / "un"
SOURCE = SHARED / "countries" / "un_member_states_2025.csv"
OUT = REPO / "src" / "Scenarios" / "ReferenceData" / "members.csv"

GROUPS = {
    "African Group": "African",
    "Asia and the Pacific Group": "AsiaPacific",
    "Eastern European Group": "EasternEuropean",
    "Latin American and Caribbean Group": "LatinAmericanAndCaribbean",
    "Western European and Others Group": "WesternEuropeanAndOthers",
}

# (iso3, UN short name, date of admission) from the un.org Member States list.
ADMISSIONS = [
    ("AFG", "Afghanistan", "1946-11-19"),
    ("AGO", "Angola", "1976-12-01"),
    ("ALB", "Albania", "1955-12-14"),
    ("AND", "Andorra", "1993-07-28"),
    ("ARE", "United Arab Emirates", "1971-12-09"),
    ("ARG", "Argentina", "1945-10-24"),
    ("ARM", "Armenia", "1992-03-02"),
    ("ATG", "Antigua and Barbuda", "1981-11-11"),
    ("AUS", "Australia", "1945-11-01"),
    ("AUT", "Austria", "1955-12-14"),
    ("AZE", "Azerbaijan", "1992-03-02"),
    ("BDI", "Burundi", "1962-09-18"),
    ("BEL", "Belgium", "1945-12-27"),
    ("BEN", "Benin", "1960-09-20"),
    ("BFA", "Burkina Faso", "1960-09-20"),
    ("BGD", "Bangladesh", "1974-09-17"),
    ("BGR", "Bulgaria", "1955-12-14"),
    ("BHR", "Bahrain", "1971-09-21"),
    ("BHS", "Bahamas", "1973-09-18"),
    ("BIH", "Bosnia and Herzegovina", "1992-05-22"),
    ("BLR", "Belarus", "1945-10-24"),
    ("BLZ", "Belize", "1981-09-25"),
    ("BOL", "Bolivia (Plurinational State of)", "1945-11-14"),
    ("BRA", "Brazil", "1945-10-24"),
    ("BRB", "Barbados", "1966-12-09"),
    ("BRN", "Brunei Darussalam", "1984-09-21"),
    ("BTN", "Bhutan", "1971-09-21"),
    ("BWA", "Botswana", "1966-10-17"),
    ("CAF", "Central African Republic", "1960-09-20"),
    ("CAN", "Canada", "1945-11-09"),
    ("CHE", "Switzerland", "2002-09-10"),
    ("CHL", "Chile", "1945-10-24"),
    ("CHN", "China", "1945-10-24"),
    ("CIV", "Côte d'Ivoire", "1960-09-20"),
    ("CMR", "Cameroon", "1960-09-20"),
    ("COD", "Democratic Republic of the Congo", "1960-09-20"),
    ("COG", "Congo", "1960-09-20"),
    ("COL", "Colombia", "1945-11-05"),
    ("COM", "Comoros", "1975-11-12"),
    ("CPV", "Cabo Verde", "1975-09-16"),
    ("CRI", "Costa Rica", "1945-11-02"),
    ("CUB", "Cuba", "1945-10-24"),
    ("CYP", "Cyprus", "1960-09-20"),
    ("CZE", "Czechia", "1993-01-19"),
    ("DEU", "Germany", "1973-09-18"),
    ("DJI", "Djibouti", "1977-09-20"),
    ("DMA", "Dominica", "1978-12-18"),
    ("DNK", "Denmark", "1945-10-24"),
    ("DOM", "Dominican Republic", "1945-10-24"),
    ("DZA", "Algeria", "1962-10-08"),
    ("ECU", "Ecuador", "1945-12-21"),
    ("EGY", "Egypt", "1945-10-24"),
    ("ERI", "Eritrea", "1993-05-28"),
    ("ESP", "Spain", "1955-12-14"),
    ("EST", "Estonia", "1991-09-17"),
    ("ETH", "Ethiopia", "1945-11-13"),
    ("FIN", "Finland", "1955-12-14"),
    ("FJI", "Fiji", "1970-10-13"),
    ("FRA", "France", "1945-10-24"),
    ("FSM", "Micronesia (Federated States of)", "1991-09-17"),
    ("GAB", "Gabon", "1960-09-20"),
    ("GBR", "United Kingdom of Great Britain and Northern Ireland", "1945-10-24"),
    ("GEO", "Georgia", "1992-07-31"),
    ("GHA", "Ghana", "1957-03-08"),
    ("GIN", "Guinea", "1958-12-12"),
    ("GMB", "Gambia", "1965-09-21"),
    ("GNB", "Guinea-Bissau", "1974-09-17"),
    ("GNQ", "Equatorial Guinea", "1968-11-12"),
    ("GRC", "Greece", "1945-10-25"),
    ("GRD", "Grenada", "1974-09-17"),
    ("GTM", "Guatemala", "1945-11-21"),
    ("GUY", "Guyana", "1966-09-20"),
    ("HND", "Honduras", "1945-12-17"),
    ("HRV", "Croatia", "1992-05-22"),
    ("HTI", "Haiti", "1945-10-24"),
    ("HUN", "Hungary", "1955-12-14"),
    ("IDN", "Indonesia", "1950-09-28"),
    ("IND", "India", "1945-10-30"),
    ("IRL", "Ireland", "1955-12-14"),
    ("IRN", "Iran (Islamic Republic of)", "1945-10-24"),
    ("IRQ", "Iraq", "1945-12-21"),
    ("ISL", "Iceland", "1946-11-19"),
    ("ISR", "Israel", "1949-05-11"),
    ("ITA", "Italy", "1955-12-14"),
    ("JAM", "Jamaica", "1962-09-18"),
    ("JOR", "Jordan", "1955-12-14"),
    ("JPN", "Japan", "1956-12-18"),
    ("KAZ", "Kazakhstan", "1992-03-02"),
    ("KEN", "Kenya", "1963-12-16"),
    ("KGZ", "Kyrgyzstan", "1992-03-02"),
    ("KHM", "Cambodia", "1955-12-14"),
    ("KIR", "Kiribati", "1999-09-14"),
    ("KNA", "Saint Kitts and Nevis", "1983-09-23"),
    ("KOR", "Republic of Korea", "1991-09-17"),
    ("KWT", "Kuwait", "1963-05-14"),
    ("LAO", "Lao People's Democratic Republic", "1955-12-14"),
    ("LBN", "Lebanon", "1945-10-24"),
    ("LBR", "Liberia", "1945-11-02"),
    ("LBY", "Libya", "1955-12-14"),
    ("LCA", "Saint Lucia", "1979-09-18"),
    ("LIE", "Liechtenstein", "1990-09-18"),
    ("LKA", "Sri Lanka", "1955-12-14"),
    ("LSO", "Lesotho", "1966-10-17"),
    ("LTU", "Lithuania", "1991-09-17"),
    ("LUX", "Luxembourg", "1945-10-24"),
    ("LVA", "Latvia", "1991-09-17"),
    ("MAR", "Morocco", "1956-11-12"),
    ("MCO", "Monaco", "1993-05-28"),
    ("MDA", "Republic of Moldova", "1992-03-02"),
    ("MDG", "Madagascar", "1960-09-20"),
    ("MDV", "Maldives", "1965-09-21"),
    ("MEX", "Mexico", "1945-11-07"),
    ("MHL", "Marshall Islands", "1991-09-17"),
    ("MKD", "North Macedonia", "1993-04-08"),
    ("MLI", "Mali", "1960-09-28"),
    ("MLT", "Malta", "1964-12-01"),
    ("MMR", "Myanmar", "1948-04-19"),
    ("MNE", "Montenegro", "2006-06-28"),
    ("MNG", "Mongolia", "1961-10-27"),
    ("MOZ", "Mozambique", "1975-09-16"),
    ("MRT", "Mauritania", "1961-10-27"),
    ("MUS", "Mauritius", "1968-04-24"),
    ("MWI", "Malawi", "1964-12-01"),
    ("MYS", "Malaysia", "1957-09-17"),
    ("NAM", "Namibia", "1990-04-23"),
    ("NER", "Niger", "1960-09-20"),
    ("NGA", "Nigeria", "1960-10-07"),
    ("NIC", "Nicaragua", "1945-10-24"),
    ("NLD", "Netherlands (Kingdom of the)", "1945-12-10"),
    ("NOR", "Norway", "1945-11-27"),
    ("NPL", "Nepal", "1955-12-14"),
    ("NRU", "Nauru", "1999-09-14"),
    ("NZL", "New Zealand", "1945-10-24"),
    ("OMN", "Oman", "1971-10-07"),
    ("PAK", "Pakistan", "1947-09-30"),
    ("PAN", "Panama", "1945-11-13"),
    ("PER", "Peru", "1945-10-31"),
    ("PHL", "Philippines", "1945-10-24"),
    ("PLW", "Palau", "1994-12-15"),
    ("PNG", "Papua New Guinea", "1975-10-10"),
    ("POL", "Poland", "1945-10-24"),
    ("PRK", "Democratic People's Republic of Korea", "1991-09-17"),
    ("PRT", "Portugal", "1955-12-14"),
    ("PRY", "Paraguay", "1945-10-24"),
    ("QAT", "Qatar", "1971-09-21"),
    ("ROU", "Romania", "1955-12-14"),
    ("RUS", "Russian Federation", "1945-10-24"),
    ("RWA", "Rwanda", "1962-09-18"),
    ("SAU", "Saudi Arabia", "1945-10-24"),
    ("SDN", "Sudan", "1956-11-12"),
    ("SEN", "Senegal", "1960-09-28"),
    ("SGP", "Singapore", "1965-09-21"),
    ("SLB", "Solomon Islands", "1978-09-19"),
    ("SLE", "Sierra Leone", "1961-09-27"),
    ("SLV", "El Salvador", "1945-10-24"),
    ("SMR", "San Marino", "1992-03-02"),
    ("SOM", "Somalia", "1960-09-20"),
    ("SRB", "Serbia", "2000-11-01"),
    ("SSD", "South Sudan", "2011-07-14"),
    ("STP", "Sao Tome and Principe", "1975-09-16"),
    ("SUR", "Suriname", "1975-12-04"),
    ("SVK", "Slovakia", "1993-01-19"),
    ("SVN", "Slovenia", "1992-05-22"),
    ("SWE", "Sweden", "1946-11-19"),
    ("SWZ", "Eswatini", "1968-09-24"),
    ("SYC", "Seychelles", "1976-09-21"),
    ("SYR", "Syrian Arab Republic", "1945-10-24"),
    ("TCD", "Chad", "1960-09-20"),
    ("TGO", "Togo", "1960-09-20"),
    ("THA", "Thailand", "1946-12-16"),
    ("TJK", "Tajikistan", "1992-03-02"),
    ("TKM", "Turkmenistan", "1992-03-02"),
    ("TLS", "Timor-Leste", "2002-09-27"),
    ("TON", "Tonga", "1999-09-14"),
    ("TTO", "Trinidad and Tobago", "1962-09-18"),
    ("TUN", "Tunisia", "1956-11-12"),
    ("TUR", "Türkiye", "1945-10-24"),
    ("TUV", "Tuvalu", "2000-09-05"),
    ("TZA", "United Republic of Tanzania", "1961-12-14"),
    ("UGA", "Uganda", "1962-10-25"),
    ("UKR", "Ukraine", "1945-10-24"),
    ("URY", "Uruguay", "1945-12-18"),
    ("USA", "United States of America", "1945-10-24"),
    ("UZB", "Uzbekistan", "1992-03-02"),
    ("VCT", "Saint Vincent and the Grenadines", "1980-09-16"),
    ("VEN", "Venezuela (Bolivarian Republic of)", "1945-11-15"),
    ("VNM", "Viet Nam", "1977-09-20"),
    ("VUT", "Vanuatu", "1981-09-15"),
    ("WSM", "Samoa", "1976-12-15"),
    ("YEM", "Yemen", "1947-09-30"),
    ("ZAF", "South Africa", "1945-11-07"),
    ("ZMB", "Zambia", "1964-12-01"),
    ("ZWE", "Zimbabwe", "1980-08-25"),
]

OBSERVERS = [
    ("PSE", "State of Palestine", "AsiaPacific", "2012-11-29"),
    ("VAT", "Holy See", "WesternEuropeanAndOthers", "1964-04-06"),
]


def main() -> None:
    with SOURCE.open(encoding="utf-8", newline="") as f:
        groups = {row["iso3"]: GROUPS[row["un_regional_group"]] for row in csv.DictReader(f)}
    admitted = {code: (name, date) for code, name, date in ADMISSIONS}
    if set(groups) != set(admitted) or len(admitted) != 193:
        raise SystemExit(f"code mismatch: {sorted(set(groups) ^ set(admitted))}")
    rows = [(code, name, groups[code], date, "member") for code, (name, date) in admitted.items()]
    rows += [(code, name, group, date, "observer") for code, name, group, date in OBSERVERS]
    rows.sort()
    with OUT.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["iso3", "name", "un_regional_group", "admitted", "status"])
        w.writerows(rows)
    print(f"wrote {len(rows)} rows to {OUT.relative_to(REPO)}")


if __name__ == "__main__":
    main()
