using Parquet.Schema;
using Parquet;
using StemSimulator.Engine.Power;
using StemSimulator.Runner.Infrastructure;
using StemSimulator.Runner.Output;

namespace StemSimulator.Runner.Power;

/// <summary>
/// Writes <c>power.parquet</c>: one row per council and member with <c>council</c>, <c>member</c>,
/// <c>member_type</c>, <c>veto</c>, <c>shapley_shubik</c>, <c>banzhaf_raw</c> and <c>banzhaf_normalized</c>.
/// </summary>
internal static class PowerTable
{
    public const string FileName = "power.parquet";

    public static async Task WriteAsync(IReadOnlyList<CouncilPower> councils, Stream stream, PowerProvenance provenance, CancellationToken cancellationToken)
    {
        var rows = councils.SelectMany(c => c.Members().Select(m => (Council: c.Council.Name, Member: m))).ToArray();
        var council = new DataField<string>("council");
        var member = new DataField<string>("member");
        var memberType = new DataField<string>("member_type");
        var veto = new DataField<bool>("veto");
        var shapley = new DataField<double>("shapley_shubik");
        var raw = new DataField<double>("banzhaf_raw");
        var normalized = new DataField<double>("banzhaf_normalized");
        var schema = new ParquetSchema(council, member, memberType, veto, shapley, raw, normalized);

        await using var writer = await ParquetWriter.CreateAsync(schema, stream, ParquetFiles.Options, false, cancellationToken).ConfigureAwait(false);
        writer.CustomMetadata = provenance.ToMetadata();
        using var group = writer.CreateRowGroup();
        await group.WriteAsync(council, rows.Select(r => r.Council).ToArray()).ConfigureAwait(false);
        await group.WriteAsync(member, rows.Select(r => r.Member.Member).ToArray()).ConfigureAwait(false);
        await group.WriteAsync(memberType, rows.Select(r => r.Member.Type).ToArray()).ConfigureAwait(false);
        await group.WriteAsync(veto, (ReadOnlyMemory<bool>)rows.Select(r => r.Member.Veto).ToArray(), null, null, cancellationToken).ConfigureAwait(false);
        await group.WriteAsync(shapley, (ReadOnlyMemory<double>)rows.Select(r => r.Member.Power.ShapleyShubik).ToArray(), null, null, cancellationToken).ConfigureAwait(false);
        await group.WriteAsync(raw, (ReadOnlyMemory<double>)rows.Select(r => r.Member.Power.BanzhafRaw).ToArray(), null, null, cancellationToken).ConfigureAwait(false);
        await group.WriteAsync(normalized, (ReadOnlyMemory<double>)rows.Select(r => r.Member.Power.BanzhafNormalized).ToArray(), null, null, cancellationToken).ConfigureAwait(false);
    }
}
