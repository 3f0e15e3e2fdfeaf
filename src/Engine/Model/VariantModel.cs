using StemSimulator.Engine.Elections;

namespace StemSimulator.Engine.Model;

/// <summary>A named version of the scenario's votes and elections: the baseline or a what-if.</summary>
/// <param name="Name">Variant name, unique within the scenario (the first variant is the baseline).</param>
/// <param name="Votes">The votes in order; every variant has the same vote ids in the same order.</param>
public sealed record VariantModel(string Name, IReadOnlyList<VoteModel> Votes)
{
    /// <summary>The elections in order; every variant has the same election ids in the same order.</summary>
    public IReadOnlyList<ElectionModel> Elections { get; init; } = [];

    /// <summary>How positions drift over the years in every trial (multi-year scenarios), or null.</summary>
    public Drift.DriftModel? Drift { get; init; }
}
