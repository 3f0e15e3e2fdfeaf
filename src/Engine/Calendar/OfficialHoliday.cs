namespace StemSimulator.Engine.Calendar;

/// <summary>
/// A day on which an office is closed for an official holiday: the day of closure itself, which for a holiday falling on
/// a weekend is the weekday on which it is observed (for example Friday 31 December 2021 for New Year's Day 2022).
/// </summary>
/// <param name="Date">The day of closure (a weekday).</param>
/// <param name="Name">The holiday's name, for example <c>Eid al-Fitr</c>.</param>
public readonly record struct OfficialHoliday(DateOnly Date, string Name);
