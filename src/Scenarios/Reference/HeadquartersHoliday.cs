namespace StemSimulator.Scenarios.Reference;

/// <summary>
/// One row of <c>ReferenceData/un_headquarters_holidays.csv</c>: an official holiday (closure) at UN Headquarters.
/// </summary>
/// <param name="Date">The day of closure (a weekday; the observed day when the holiday falls on a weekend).</param>
/// <param name="Name">New Year's Day, Presidents' Day, Good Friday, Memorial Day, Eid al-Fitr, Independence Day, Eid al-Adha, Labour Day, Thanksgiving Day or Christmas Day.</param>
/// <param name="HolidayYear">The year whose list the holiday belongs to (2022 for New Year's Day observed on 31 December 2021).</param>
/// <param name="Status">
/// How the date is known: <c>circular</c> (read in the information circular or a UN page quoting it), <c>secondary</c>
/// (a report quoting the circular), <c>rule</c> (a fixed holiday placed by the rule the circulars follow),
/// <c>computed</c> (an Eid from the Umm al-Qura calendar; the UN's designated day may differ by one) or
/// <c>inferred</c> (no source found; see SOURCES.md).
/// </param>
/// <param name="Source">The document or computation behind the date.</param>
public sealed record HeadquartersHoliday(DateOnly Date, string Name, int HolidayYear, string Status, string Source);
