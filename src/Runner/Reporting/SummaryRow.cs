namespace StemSimulator.Runner.Reporting;

/// <summary>One row of <c>summary.parquet</c>: a vote of a variant, as the report needs it.</summary>
internal sealed record SummaryRow
{
    public required string Variant { get; init; }

    public required string VoteId { get; init; }

    /// <summary>GA or SC.</summary>
    public required string Body { get; init; }

    /// <summary>simple, two_thirds, substantive or procedural.</summary>
    public required string Rule { get; init; }

    public required DateOnly Date { get; init; }

    public required long Trials { get; init; }

    public required double PAdopted { get; init; }

    public required double PAdoptedSe { get; init; }

    public required double PAdoptedLo95 { get; init; }

    public required double PAdoptedHi95 { get; init; }

    public double? DiffVsBaseline { get; init; }

    public double? DiffSePaired { get; init; }

    public double? DiffSeUnpaired { get; init; }

    public required double PHeld { get; init; }

    public double? PAdoptedGivenHeld { get; init; }

    public double? PAdoptedGivenTrigger { get; init; }

    /// <summary>Count quantiles over the trials that held the vote; null for a vote never held.</summary>
    public required int? YesP05 { get; init; }

    public required int? YesP50 { get; init; }

    public required int? YesP95 { get; init; }

    public required int? NoP05 { get; init; }

    public required int? NoP50 { get; init; }

    public required int? NoP95 { get; init; }

    public required int? AbstainP05 { get; init; }

    public required int? AbstainP95 { get; init; }

    public double? PVeto { get; init; }

    public double? PVetoDecisive { get; init; }

    public double? PDebate { get; init; }

    /// <summary>P(veto) per permanent member (CHN, FRA, GBR, RUS, USA); empty for the Assembly.</summary>
    public required IReadOnlyDictionary<string, double> PVetoByMember { get; init; }

    public bool IsCouncil => Body == "SC";

    /// <summary>Whether the vote waits for an earlier outcome (it is not held in every trial).</summary>
    public bool IsConditional => PAdoptedGivenTrigger is not null || PHeld < 1;
}
