namespace StemSimulator.Engine.Calendar;

/// <summary>
/// The deadline of A/RES/76/262 (26 April 2022): the President of the General Assembly convenes a formal meeting within
/// ten working days of the casting of a veto, unless the Assembly meets in an emergency special session on the same
/// situation.
/// </summary>
public static class VetoDebateDeadline
{
    /// <summary>Working days allowed between the veto and the General Assembly meeting (operative paragraph 1).</summary>
    public const int WorkingDays = 10;

    /// <summary>The last day on which the meeting satisfies the resolution: ten working days after the veto.</summary>
    /// <param name="calendar">Working days of UN Headquarters.</param>
    /// <param name="vetoDate">Day of the Council vote.</param>
    /// <exception cref="ArgumentOutOfRangeException">A date is outside the calendar's years.</exception>
    public static DateOnly LatestMeeting(WorkingDayCalendar calendar, DateOnly vetoDate)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.AddWorkingDays(vetoDate, WorkingDays);
    }

    /// <summary>Whether a meeting on <paramref name="meeting"/> is within ten working days of a veto on <paramref name="vetoDate"/> (and not before it).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A date is outside the calendar's years.</exception>
    public static bool IsTimely(WorkingDayCalendar calendar, DateOnly vetoDate, DateOnly meeting)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return meeting >= vetoDate && calendar.WorkingDaysBetween(vetoDate, meeting) <= WorkingDays;
    }
}
