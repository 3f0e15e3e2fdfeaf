using System.Globalization;
using System.Text;
using StemSimulator.Engine.VetoRecord;
using StemSimulator.Runner.Infrastructure;

namespace StemSimulator.Runner.VetoRecord;

/// <summary>
/// Writes the matched pairs, one row per veto event and follow-up, as <c>veto_followups.parquet</c>
/// (<see cref="Description"/>) and the same rows as <c>veto_followups.csv</c> (for reading in a diff).
/// </summary>
internal static class VetoFollowUpsTable
{
    /// <summary><c>veto_followups.parquet</c>, described once.</summary>
    public static TableDescription Description { get; } = new("veto_followups.parquet",
    [
        new("veto_date", ColumnType.Date, false, "date of the veto"),
        new("topic", ColumnType.Text, false, "subject of the vetoed draft(s)"),
        new("drafts", ColumnType.String, false, "symbols of the vetoed drafts (space-separated)"),
        new("vetoed_by", ColumnType.String, false, "the vetoing permanent members, e.g. `China+Russia`"),
        new("followup_symbol", ColumnType.String, false, "the Assembly resolution that followed"),
        new("followup_date", ColumnType.Date, false, "its date"),
        new("days_after", ColumnType.Int32, false, "days between the veto and the follow-up", "days"),
        new("emergency_special_session", ColumnType.Bool, false, "adopted in an emergency special session"),
        new("yes", ColumnType.Int32, false, "the follow-up's recorded votes", "members"),
        new("no", ColumnType.Int32, false, "the follow-up's recorded votes", "members"),
        new("abstain", ColumnType.Int32, false, "the follow-up's recorded votes", "members"),
        new("followup_title", ColumnType.Text, false, "its title"),
        new("comparison_symbol", ColumnType.String, true, "the earlier resolution on the same subject it is compared with; null without one"),
        new("comparison_date", ColumnType.Date, true, "that resolution's date"),
        new("comparison_yes", ColumnType.Int32, true, "its recorded votes", "members"),
        new("comparison_no", ColumnType.Int32, true, "its recorded votes", "members"),
        new("comparison_abstain", ColumnType.Int32, true, "its recorded votes", "members"),
        new("probit_shift", ColumnType.Double, true, "estimated shift of latent support between the two; only on an event's first follow-up, null otherwise or without a comparison", "probit units"),
    ]);

    /// <summary>The Parquet file name.</summary>
    public static string ParquetName => Description.FileName;

    public const string CsvName = "veto_followups.csv";

    private sealed record Row(VetoEvent Event, AssemblyVote FollowUp, bool First);

    /// <summary>Writes the events' rows to <paramref name="stream"/>.</summary>
    public static Task WriteParquetAsync(IReadOnlyList<VetoEvent> events, Stream stream, TableProvenance provenance, CancellationToken cancellationToken)
    {
        var rows = Rows(events);
        var data = Description.NewData()
            .Add("veto_date", rows.Select(r => r.Event.Date).ToArray())
            .Add("topic", rows.Select(r => r.Event.Topic).ToArray())
            .Add("drafts", rows.Select(r => string.Join(' ', r.Event.Drafts)).ToArray())
            .Add("vetoed_by", rows.Select(r => string.Join('+', r.Event.VetoedBy)).ToArray())
            .Add("followup_symbol", rows.Select(r => r.FollowUp.Symbol).ToArray())
            .Add("followup_date", rows.Select(r => r.FollowUp.Date).ToArray())
            .Add("days_after", rows.Select(r => r.FollowUp.Date.DayNumber - r.Event.Date.DayNumber).ToArray())
            .Add("emergency_special_session", rows.Select(r => r.FollowUp.EmergencySpecialSession).ToArray())
            .Add("yes", rows.Select(r => r.FollowUp.Yes).ToArray())
            .Add("no", rows.Select(r => r.FollowUp.No).ToArray())
            .Add("abstain", rows.Select(r => r.FollowUp.Abstain).ToArray())
            .Add("followup_title", rows.Select(r => r.FollowUp.Title).ToArray())
            .Add("comparison_symbol", rows.Select(r => r.Event.Comparison?.Symbol).ToArray())
            .Add("comparison_date", rows.Select(r => r.Event.Comparison is { } c ? c.Date : (DateOnly?)null).ToArray())
            .Add("comparison_yes", rows.Select(r => r.Event.Comparison?.Yes).ToArray())
            .Add("comparison_no", rows.Select(r => r.Event.Comparison?.No).ToArray())
            .Add("comparison_abstain", rows.Select(r => r.Event.Comparison?.Abstain).ToArray())
            .Add("probit_shift", rows.Select(r => r.First ? r.Event.ProbitShift : null).ToArray());
        return TableWriter.WriteAsync(data, stream, provenance, cancellationToken);
    }

    public static string ToCsv(IReadOnlyList<VetoEvent> events)
    {
        var invariant = CultureInfo.InvariantCulture;
        var text = new StringBuilder("veto_date,topic,drafts,vetoed_by,followup_symbol,followup_date,days_after,emergency_special_session,yes,no,abstain,comparison_symbol,comparison_date,comparison_yes,comparison_no,comparison_abstain,probit_shift,followup_title\n");
        foreach (var r in Rows(events))
        {
            var c = r.Event.Comparison;
            string[] fields =
            [
                r.Event.Date.ToString("yyyy-MM-dd", invariant), r.Event.Topic, string.Join(' ', r.Event.Drafts), string.Join('+', r.Event.VetoedBy),
                r.FollowUp.Symbol, r.FollowUp.Date.ToString("yyyy-MM-dd", invariant),
                (r.FollowUp.Date.DayNumber - r.Event.Date.DayNumber).ToString(invariant), r.FollowUp.EmergencySpecialSession ? "true" : "false",
                r.FollowUp.Yes.ToString(invariant), r.FollowUp.No.ToString(invariant), r.FollowUp.Abstain.ToString(invariant),
                c?.Symbol ?? string.Empty, c?.Date.ToString("yyyy-MM-dd", invariant) ?? string.Empty,
                c?.Yes.ToString(invariant) ?? string.Empty, c?.No.ToString(invariant) ?? string.Empty, c?.Abstain.ToString(invariant) ?? string.Empty,
                r.First && r.Event.ProbitShift is { } s ? s.ToString("F4", invariant) : string.Empty,
                r.FollowUp.Title,
            ];
            text.AppendJoin(',', fields.Select(Quote)).Append('\n');
        }

        return text.ToString();
    }

    private static Row[] Rows(IReadOnlyList<VetoEvent> events) =>
        events.SelectMany(e => e.FollowUps.Select((f, i) => new Row(e, f, i == 0))).ToArray();

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
