using StemSimulator.Engine.Power;
using StemSimulator.Runner.Infrastructure;

namespace StemSimulator.Runner.Power;

/// <summary>Writes <c>power.parquet</c>: one row per council model and member or seat (<see cref="Description"/>).</summary>
internal static class PowerTable
{
    /// <summary><c>power.parquet</c>, described once.</summary>
    public static TableDescription Description { get; } = new("power.parquet",
    [
        new("council", ColumnType.String, false, "the council model, e.g. `current`, `g4`"),
        new("member", ColumnType.String, false, "ISO3 code, or a seat a reform would add, e.g. `new-permanent-africa-1`"),
        new("member_type", ColumnType.String, false, "the seat class, e.g. `permanent`, `elected`"),
        new("veto", ColumnType.Bool, false, "whether the seat holds a veto"),
        new("shapley_shubik", ColumnType.Double, false, "Shapley-Shubik index: share of voting orders in which the seat is pivotal", "share"),
        new("banzhaf_raw", ColumnType.Double, false, "swings ÷ 2ⁿ⁻¹: the chance the seat decides when all others vote at random", "probability"),
        new("banzhaf_normalized", ColumnType.Double, false, "the seat's share of all swings", "share"),
    ]);

    /// <summary>The file name, <c>power.parquet</c>.</summary>
    public static string FileName => Description.FileName;

    /// <summary>Writes the councils' indices to <paramref name="stream"/>.</summary>
    public static Task WriteAsync(IReadOnlyList<CouncilPower> councils, Stream stream, PowerProvenance provenance, CancellationToken cancellationToken)
    {
        var rows = councils.SelectMany(c => c.Members().Select(m => (Council: c.Council.Name, Member: m))).ToArray();
        var data = Description.NewData()
            .Add("council", rows.Select(r => r.Council).ToArray())
            .Add("member", rows.Select(r => r.Member.Member).ToArray())
            .Add("member_type", rows.Select(r => r.Member.Type).ToArray())
            .Add("veto", rows.Select(r => r.Member.Veto).ToArray())
            .Add("shapley_shubik", rows.Select(r => r.Member.Power.ShapleyShubik).ToArray())
            .Add("banzhaf_raw", rows.Select(r => r.Member.Power.BanzhafRaw).ToArray())
            .Add("banzhaf_normalized", rows.Select(r => r.Member.Power.BanzhafNormalized).ToArray());
        return TableWriter.WriteAsync(data, stream, provenance.ToTable(), cancellationToken);
    }
}
