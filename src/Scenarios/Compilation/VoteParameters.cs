using StemSimulator.Engine.Model;
using StemSimulator.Scenarios.Reference;

namespace StemSimulator.Scenarios.Compilation;

/// <summary>A vote's ordered-probit parameters after resolving an analog roll call and explicit values.</summary>
/// <param name="Beta">Discrimination.</param>
/// <param name="Cutpoints">[tau_1, tau_2].</param>
/// <param name="IssueMask">Issue areas whose offsets add to the members' positions (0: the main position alone).</param>
/// <param name="Shift">Shift of every member's latent support (from <c>like: { shift }</c>).</param>
/// <param name="Analog">The analog roll call, or null for explicit parameters.</param>
internal sealed record VoteParameters(double Beta, double[] Cutpoints, int IssueMask, double Shift, AnalogRollCall? Analog)
{
    /// <summary>The per-trial shift standing for the uncertainty of the analog (none for explicit parameters).</summary>
    public AnalogShiftDistribution AnalogShift { get; init; } = AnalogShiftDistribution.Normal(0);

    /// <summary>
    /// The analog's recorded yes count the vote is anchored on (<see cref="AnalogAnchor"/>: a measured repeat on an
    /// Assembly vote), or null.
    /// </summary>
    public int? AnchorYes { get; init; }

    /// <summary>
    /// The recorded yes counts of the population the vote is drawn from (<see cref="AnalogPopulation"/>), empty for none:
    /// per trial one is picked and every member's support moves by the shift that anchors the vote on it, plus
    /// <see cref="AnalogShift"/>.
    /// </summary>
    public IReadOnlyList<int> PopulationYes { get; init; } = [];

    /// <summary>
    /// The rule that sets the population draw's jitter from its anchor shifts (<see cref="PopulationJitter"/>), or null
    /// for <see cref="AnalogShift"/>'s sd whatever the population.
    /// </summary>
    public PopulationJitter? PopulationJitter { get; init; }

    /// <summary>The factor by which the population's anchor shifts are spread about their mean (1 but at an end of the band over the assumptions).</summary>
    public double PopulationScale { get; init; } = 1;

    /// <summary>Member shifts of latent support from the analog's evidence (<see cref="AnalogRollCall.MemberShifts"/>), or null.</summary>
    public IReadOnlyDictionary<string, double>? MemberShifts { get; init; }

    /// <summary>The shift of <paramref name="code"/> from <see cref="MemberShifts"/> (0 when none).</summary>
    public double MemberShift(string code) => MemberShifts is { } shifts && shifts.TryGetValue(code, out double shift) ? shift : 0;
}
