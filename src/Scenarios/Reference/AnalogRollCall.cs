namespace StemSimulator.Scenarios.Reference;

/// <summary>
/// A recorded General Assembly roll call with its calibrated parameters, usable as the analog of a vote to come
/// (<c>like:</c> in a scenario). From <c>ReferenceData/calibration_roll_calls.csv.gz</c>.
/// </summary>
/// <param name="Id">Roll-call id: the unvotes rcid ("5309") or "undl-" and the UN Digital Library record.</param>
/// <param name="Symbol">Resolution symbol ("A/RES/68/262"), or empty.</param>
/// <param name="Year">Calibration year (1945 + session).</param>
/// <param name="Date">Date of the vote.</param>
/// <param name="Kind">resolution, amendment or paragraph.</param>
/// <param name="IssueMask">Issue areas (bits in <see cref="IssueAreas.Names"/> order).</param>
/// <param name="Beta">Discrimination (United States' side supports when positive).</param>
/// <param name="Tau1">Cut-point between no and abstain.</param>
/// <param name="Tau2">Cut-point between abstain and yes, &gt;= <paramref name="Tau1"/>.</param>
/// <param name="Yes">Recorded yes votes.</param>
/// <param name="Abstain">Recorded abstentions.</param>
/// <param name="No">Recorded no votes.</param>
/// <param name="Absent">Recorded absences (members without a vote).</param>
/// <param name="Title">Title of the text.</param>
public sealed record AnalogRollCall(
    string Id,
    string Symbol,
    int Year,
    DateOnly Date,
    string Kind,
    int IssueMask,
    double Beta,
    double Tau1,
    double Tau2,
    int Yes,
    int Abstain,
    int No,
    int Absent,
    string Title)
{
    /// <summary>
    /// For evidence known by its totals: each member's shift of latent support from its blocs' shocks as the totals
    /// revealed them (posterior means), added when a vote names this roll call in <c>like</c>; null otherwise.
    /// </summary>
    public IReadOnlyDictionary<string, double>? MemberShifts { get; init; }

    /// <summary>
    /// For evidence known by its totals: the posterior standard deviation of its common shift, added (in quadrature) to
    /// the spread of a vote that names this roll call in <c>like</c>; 0 otherwise.
    /// </summary>
    public double ExtraSpread { get; init; }

    /// <summary>"A/RES/68/262 (2014-03-27: 100-11-58, Territorial integrity of Ukraine)".</summary>
    public string Describe() =>
        $"{(Symbol.Length > 0 ? Symbol : "roll call " + Id)} ({Date:yyyy-MM-dd}: {Yes}-{No}-{Abstain}, {Title})";
}
