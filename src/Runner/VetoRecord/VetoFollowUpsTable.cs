using System.Globalization;
using System.Text;
using Parquet.Schema;
using Parquet;
using StemSimulator.Engine.VetoRecord;
using StemSimulator.Runner.Infrastructure;
using StemSimulator.Runner.Output;

namespace StemSimulator.Runner.VetoRecord;

/// <summary>
/// Writes the matched pairs, one row per veto event and follow-up, as <c>veto_followups.parquet</c> and the same
/// rows as <c>veto_followups.csv</c> (for reading in a diff): <c>veto_date</c>, <c>topic</c>, <c>drafts</c>
/// (space-separated), <c>vetoed_by</c> (e.g. <c>China+Russia</c>), <c>followup_symbol</c>, <c>followup_date</c>,
/// <c>days_after</c>, <c>emergency_special_session</c>, <c>yes</c>, <c>no</c>, <c>abstain</c>, <c>followup_title</c>,
/// <c>comparison_symbol</c>, <c>comparison_date</c>, <c>comparison_yes</c>/<c>_no</c>/<c>_abstain</c> and
/// <c>probit_shift</c> (only on an event's first follow-up; null otherwise or without a comparison).
/// </summary>
internal static class VetoFollowUpsTable
{
    public const string ParquetName = "veto_followups.parquet";
    public const string CsvName = "veto_followups.csv";

    private sealed record Row(VetoEvent Event, AssemblyVote FollowUp, bool First);

    public static async Task WriteParquetAsync(IReadOnlyList<VetoEvent> events, Stream stream, Dictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        var rows = Rows(events);
        var fields = new DataField[]
        {
            new DataField<DateTime>("veto_date"), new DataField<string>("topic"), new DataField<string>("drafts"), new DataField<string>("vetoed_by"),
            new DataField<string>("followup_symbol"), new DataField<DateTime>("followup_date"), new DataField<int>("days_after"),
            new DataField<bool>("emergency_special_session"), new DataField<int>("yes"), new DataField<int>("no"), new DataField<int>("abstain"),
            new DataField<string>("followup_title"), new DataField<string>("comparison_symbol"), new DataField<DateTime?>("comparison_date"),
            new DataField<int?>("comparison_yes"), new DataField<int?>("comparison_no"), new DataField<int?>("comparison_abstain"), new DataField<double?>("probit_shift"),
        };
        var schema = new ParquetSchema(fields);
        await using var writer = await ParquetWriter.CreateAsync(schema, stream, ParquetFiles.Options, false, cancellationToken).ConfigureAwait(false);
        writer.CustomMetadata = metadata;
        using var group = writer.CreateRowGroup();
        static DateTime Day(DateOnly d) => d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        Array[] columns =
        [
            rows.Select(r => Day(r.Event.Date)).ToArray(),
            rows.Select(r => r.Event.Topic).ToArray(),
            rows.Select(r => string.Join(' ', r.Event.Drafts)).ToArray(),
            rows.Select(r => string.Join('+', r.Event.VetoedBy)).ToArray(),
            rows.Select(r => r.FollowUp.Symbol).ToArray(),
            rows.Select(r => Day(r.FollowUp.Date)).ToArray(),
            rows.Select(r => r.FollowUp.Date.DayNumber - r.Event.Date.DayNumber).ToArray(),
            rows.Select(r => r.FollowUp.EmergencySpecialSession).ToArray(),
            rows.Select(r => r.FollowUp.Yes).ToArray(),
            rows.Select(r => r.FollowUp.No).ToArray(),
            rows.Select(r => r.FollowUp.Abstain).ToArray(),
            rows.Select(r => r.FollowUp.Title).ToArray(),
            rows.Select(r => r.Event.Comparison?.Symbol).ToArray(),
            rows.Select(r => r.Event.Comparison is { } c ? Day(c.Date) : (DateTime?)null).ToArray(),
            rows.Select(r => r.Event.Comparison?.Yes).ToArray(),
            rows.Select(r => r.Event.Comparison?.No).ToArray(),
            rows.Select(r => r.Event.Comparison?.Abstain).ToArray(),
            rows.Select(r => r.First ? r.Event.ProbitShift : null).ToArray(),
        ];
        for (int i = 0; i < fields.Length; i++)
        {
            var field = fields[i];
            await (columns[i] switch
            {
                string?[] s => group.WriteAsync(field, s),
                bool[] b => group.WriteAsync(field, (ReadOnlyMemory<bool>)b, null, null, cancellationToken),
                int[] n => group.WriteAsync(field, (ReadOnlyMemory<int>)n, null, null, cancellationToken),
                int?[] n => group.WriteAsync(field, (ReadOnlyMemory<int?>)n, null, null, cancellationToken),
                double?[] d => group.WriteAsync(field, (ReadOnlyMemory<double?>)d, null, null, cancellationToken),
                DateTime[] t => group.WriteAsync(field, (ReadOnlyMemory<DateTime>)t, null, null, cancellationToken),
                DateTime?[] t => group.WriteAsync(field, (ReadOnlyMemory<DateTime?>)t, null, null, cancellationToken),
                var other => throw new NotSupportedException(other.GetType().Name),
            }).ConfigureAwait(false);
        }
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
