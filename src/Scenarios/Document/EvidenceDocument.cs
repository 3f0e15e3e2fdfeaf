namespace StemSimulator.Scenarios.Document;

/// <summary>
/// Recorded votes that are not in the calibration, read before simulating. Either a file of members' votes with the
/// roll calls to take from it (<c>file</c> and <c>roll_calls</c>): the engine fits each roll call's discrimination
/// and cut-points and updates the members' positions from their votes; or the totals of one recorded vote (<c>vote</c>,
/// <c>date</c>, <c>yes</c>, <c>no</c>, <c>abstain</c>, <c>like</c>): the engine conditions the vote's shared shifts on
/// them. Either way a vote of the scenario may then name the evidence roll call in <c>like</c>
/// (docs/scenarios.md, Evidence).
/// </summary>
public sealed class EvidenceDocument
{
    /// <summary>
    /// A CSV file of members' votes, relative to the scenario file: any layout of the UN Digital Library's voting files
    /// (Assembly versions 1-3, the member-level or the wide file) or the short form with the columns
    /// <c>resolution,date,ms_code,ms_vote</c> (Y yes, N no, A abstain, X non-voting; dates yyyy-MM-dd).
    /// </summary>
    public string? File { get; init; }

    /// <summary>
    /// The roll calls of <see cref="File"/> to use, by resolution symbol (A/RES/75/20), each with the roll call it
    /// resembles (<c>like</c>, whose issue areas it takes) or its issue areas (<c>issues</c>); the file's other roll
    /// calls are not read as evidence.
    /// </summary>
    public Dictionary<string, EvidenceRollCallDocument>? RollCalls { get; init; }

    /// <summary>Totals only: the recorded vote's resolution symbol (the name a <c>like</c> uses for it).</summary>
    public string? Vote { get; init; }

    /// <summary>Totals only: the date of the vote (yyyy-MM-dd).</summary>
    public DateOnly? Date { get; init; }

    /// <summary>Totals only: members who voted yes (0 to the Assembly's membership on that date).</summary>
    public int? Yes { get; init; }

    /// <summary>Totals only: members who voted no.</summary>
    public int? No { get; init; }

    /// <summary>Totals only: members who abstained.</summary>
    public int? Abstain { get; init; }

    /// <summary>
    /// Totals only: the calibrated roll call the vote resembles, whose discrimination, cut-points and issue areas it
    /// takes, with its kind or spread as a vote's <c>like</c> (e.g. <c>{ vote: A/RES/74/10, kind: repeat }</c>).
    /// </summary>
    public AnalogDocument? Like { get; init; }
}
