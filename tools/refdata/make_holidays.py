#!/usr/bin/env python3
"""Writes src/Scenarios/ReferenceData/un_headquarters_holidays.csv: the official holidays (closures) at UN
Headquarters in New York, 2014-2030. Stdlib only; run from the repository root.

The rules and the per-year sources are documented in src/Scenarios/ReferenceData/SOURCES.md ("UN Headquarters
official holidays"). The Eid dates below are the Umm al-Qura calendar's 1 Shawwal and 10 Dhu al-Hijjah, as
computed by .NET's System.Globalization.UmAlQuraCalendar (tests recompute them); the UN designates its Eid days a
year ahead from astronomical calculations, so a designated day may differ from these by one.
"""
import csv
import datetime as dt

FIRST, LAST = 2014, 2030
UMM_AL_QURA = {  # year: (1 Shawwal, 10 Dhu al-Hijjah)
    2014: ("2014-07-28", "2014-10-04"), 2015: ("2015-07-17", "2015-09-23"), 2016: ("2016-07-06", "2016-09-11"),
    2017: ("2017-06-25", "2017-09-01"), 2018: ("2018-06-15", "2018-08-21"), 2019: ("2019-06-04", "2019-08-11"),
    2020: ("2020-05-24", "2020-07-31"), 2021: ("2021-05-13", "2021-07-20"), 2022: ("2022-05-02", "2022-07-09"),
    2023: ("2023-04-21", "2023-06-28"), 2024: ("2024-04-10", "2024-06-16"), 2025: ("2025-03-30", "2025-06-06"),
    2026: ("2026-03-20", "2026-05-27"), 2027: ("2027-03-09", "2027-05-16"), 2028: ("2028-02-26", "2028-05-05"),
    2029: ("2029-02-14", "2029-04-24"), 2030: ("2030-02-04", "2030-04-13"),
}
# Years whose whole list was read in an information circular or a UN page quoting it, and single dates read in
# secondary reports; see SOURCES.md for the documents.
CIRCULAR = {
    2017: "information circular 'Official holidays for 2017 at United Nations Headquarters' (UN document 16-19205)",
    2020: "ST/IC/2019/23, quoted by ask.un.org/faq/112514",
}
SECONDARY = {
    2024: "Global Times reader Q&A (Dec 2023) listing the 2024 Headquarters holidays from the Secretariat's circular",
}
SECONDARY_DATES = {
    ("2015-09-23", "Eid al-Adha"): "UN list issued 15 Oct 2014 (youm7 report, Sep 2015); Headquarters closed Wed 23 Sep 2015 (jspacenews)",
}
PRESIDENTS_DAY_NOTE = ("before the floating-holiday scheme (2016) Headquarters had ten official holidays; Presidents' Day, "
                       "a floating holiday from 2016, is inferred to be the tenth (no circular found)")


def observed(day):
    """US-style observance, which the circulars follow: Saturday -> Friday, Sunday -> Monday."""
    if day.weekday() == 5:
        return day - dt.timedelta(days=1)
    if day.weekday() == 6:
        return day + dt.timedelta(days=1)
    return day


def easter(year):
    """Gregorian Easter Sunday (anonymous Gregorian algorithm, Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    day = (h + l - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def nth_weekday(year, month, weekday, n):
    day = dt.date(year, month, 1)
    day += dt.timedelta(days=(weekday - day.weekday()) % 7)
    return day + dt.timedelta(weeks=n - 1)


def last_weekday(year, month, weekday):
    day = dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)
    return day - dt.timedelta(days=(day.weekday() - weekday) % 7)


def main():
    rows = []
    for year in range(FIRST, LAST + 1):
        fixed = [
            (observed(dt.date(year, 1, 1)), "New Year's Day"),
            (easter(year) - dt.timedelta(days=2), "Good Friday"),
            (last_weekday(year, 5, 0), "Memorial Day"),
            (observed(dt.date(year, 7, 4)), "Independence Day"),
            (nth_weekday(year, 9, 0, 1), "Labour Day"),
            (nth_weekday(year, 11, 3, 4), "Thanksgiving Day"),
            (observed(dt.date(year, 12, 25)), "Christmas Day"),
        ]
        if year < 2016:
            fixed.append((nth_weekday(year, 2, 0, 3), "Presidents' Day"))
        taken = {d for d, _ in fixed}
        year_rows = [(d, n, "rule", "") for d, n in fixed]
        for iso, name in zip(UMM_AL_QURA[year], ("Eid al-Fitr", "Eid al-Adha")):
            day = observed(dt.date.fromisoformat(iso))
            while day in taken or day.weekday() >= 5:  # never on another holiday: the next free weekday
                day += dt.timedelta(days=1)
            taken.add(day)
            year_rows.append((day, name, "computed", "Umm al-Qura " + iso))
        for day, name, status, note in year_rows:
            if name == "Presidents' Day":
                status, note = "inferred", PRESIDENTS_DAY_NOTE
            if year in CIRCULAR:
                status, note = "circular", CIRCULAR[year]
            elif year in SECONDARY:
                status, note = "secondary", SECONDARY[year]
            elif (day.isoformat(), name) in SECONDARY_DATES:
                status, note = "secondary", SECONDARY_DATES[(day.isoformat(), name)]
            rows.append((day.isoformat(), name, year, status, note))
    rows.sort()
    with open("src/Scenarios/ReferenceData/un_headquarters_holidays.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["date", "holiday", "holiday_year", "status", "source"])
        w.writerows(rows)


if __name__ == "__main__":
    main()
