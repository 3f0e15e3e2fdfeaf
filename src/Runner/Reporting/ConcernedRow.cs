namespace StemSimulator.Runner.Reporting;

/// <summary>One row of <c>concerned_party.parquet</c>: what the concerned-party effect did to one member on one vote.</summary>
internal sealed record ConcernedRow(
    string Variant,
    string VoteId,
    string Body,
    string Concerns,
    string Member,
    bool Concerned,
    string Effect,
    double? Shift,
    (double Yes, double Abstain, double No) Without,
    (double Yes, double Abstain, double No) With)
{
    /// <summary>Reads the table's rows.</summary>
    public static IEnumerable<ConcernedRow> Read(Infrastructure.ParquetColumns t)
    {
        var variant = t.Text("variant");
        var vote = t.Text("vote_id");
        var body = t.Text("body");
        var concerns = t.Text("concerns");
        var member = t.Text("member");
        var concerned = t.Flag("concerned");
        var effect = t.Text("effect");
        var shift = t.OptionalNumber("shift");
        var yesWithout = t.Number("p_yes_without");
        var abstainWithout = t.Number("p_abstain_without");
        var noWithout = t.Number("p_no_without");
        var yesWith = t.Number("p_yes_with");
        var abstainWith = t.Number("p_abstain_with");
        var noWith = t.Number("p_no_with");
        for (int i = 0; i < t.RowCount; i++)
        {
            yield return new ConcernedRow(
                variant[i] ?? string.Empty, vote[i] ?? string.Empty, body[i] ?? string.Empty, concerns[i] ?? string.Empty, member[i] ?? string.Empty,
                concerned[i], effect[i] ?? string.Empty, shift[i], (yesWithout[i], abstainWithout[i], noWithout[i]), (yesWith[i], abstainWith[i], noWith[i]));
        }
    }
}
