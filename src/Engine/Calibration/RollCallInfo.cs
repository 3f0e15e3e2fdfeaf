namespace StemSimulator.Engine.Calibration;

/// <summary>One recorded General Assembly roll call as read from the shared data.</summary>
/// <param name="Id">Stable identifier: the unvotes <c>rcid</c> ("5309"), or "undl-" and the UN Digital Library record
/// id for adopted resolutions after the unvotes data end ("undl-4001234").</param>
/// <param name="Session">General Assembly session (1 = 1946); the calibration year is 1945 + session.</param>
/// <param name="Date">Date of the vote.</param>
/// <param name="Symbol">Resolution symbol in UN form ("A/RES/68/262"), or empty when the data give none.</param>
/// <param name="Amendment">A vote on an amendment.</param>
/// <param name="Paragraph">A separate vote on a paragraph.</param>
/// <param name="ShortTitle">The data's short title (unvotes <c>short</c>; the UNDL title for UNDL rows).</param>
/// <param name="Description">The data's description (unvotes <c>descr</c>), or the UNDL title.</param>
/// <param name="Issues">Issue-area bit mask (<see cref="IssueArea"/>).</param>
internal sealed record RollCallInfo(
    string Id,
    int Session,
    DateOnly Date,
    string Symbol,
    bool Amendment,
    bool Paragraph,
    string ShortTitle,
    string Description,
    byte Issues)
{
    /// <summary>The calibration year: 1945 + session (a session opens in September and votes mostly in December).</summary>
    public int Year => 1945 + Session;

    /// <summary>The most informative title: the description unless it is an agenda reference, else the short title.</summary>
    public string Title
    {
        get
        {
            string description = TitleText.StripAdoptedSuffix(Description);
            string shortTitle = TitleText.StripAdoptedSuffix(ShortTitle);
            if (description.Length == 0 || description.StartsWith("A/", StringComparison.Ordinal))
            {
                return shortTitle.Length > 0 ? shortTitle : description;
            }

            return description;
        }
    }
}
