using StemSimulator.Engine.Model;
using StemSimulator.Engine.Rules;

namespace StemSimulator.Tests.Engine.Simulation;

/// <summary>Small hand-built engine models for tests.</summary>
internal static class TestModels
{
    public static readonly string[] Council2026 = ["CHN", "FRA", "GBR", "RUS", "USA", "BHR", "COD", "COL", "DNK", "GRC", "LBR", "LVA", "PAK", "PAN", "SOM"];

    public static VoteParticipant Member(int index, MemberLean lean, string? code = null, IReadOnlyList<int>? blocs = null) =>
        new(index, code ?? $"M{index:000}", lean, PermanentMembersExtensions.FromCode(code ?? string.Empty), blocs ?? []);

    public static VoteModel GeneralAssembly(
        IReadOnlyList<MemberLean> leans,
        MajorityRule rule = MajorityRule.Simple,
        OutcomeEstimator estimator = OutcomeEstimator.Sampled,
        ShockModel? shocks = null,
        Func<int, IReadOnlyList<int>>? blocs = null,
        string id = "ga",
        int stream = 0) =>
        new(id, stream, Body.GeneralAssembly, new DateOnly(2026, 3, 1), rule, CouncilDecision.Substantive, estimator,
            shocks ?? ShockModel.None, leans.Select((lean, i) => Member(i, lean, blocs: blocs?.Invoke(i))).ToArray());

    public static VoteModel SecurityCouncil(IReadOnlyList<MemberLean> leans, CouncilDecision decision = CouncilDecision.Substantive, ShockModel? shocks = null, bool debatesVeto = false) =>
        new("sc", 0, Body.SecurityCouncil, new DateOnly(2026, 3, 1), MajorityRule.Simple, decision, OutcomeEstimator.ExactConditional,
            shocks ?? ShockModel.None, leans.Select((lean, i) => Member(i, lean, Council2026[i])).ToArray())
        {
            DebatesVeto = debatesVeto,
        };

    public static SimulationModel Model(long trials, ulong seed, params VoteModel[] votes) =>
        new(seed, trials, [new VariantModel("baseline", votes)]);

    /// <summary>Probabilities (yes, abstain, no) for n members, spread deterministically.</summary>
    public static MemberLean[] SpreadProbabilities(int n, double tilt = 0.0)
    {
        var leans = new MemberLean[n];
        for (int i = 0; i < n; i++)
        {
            double pYes = Math.Clamp(0.35 + tilt + (0.5 * Math.Sin(i * 1.7)), 0.02, 0.95);
            double pNo = (1 - pYes) * (0.3 + (0.3 * Math.Cos(i * 0.9)));
            double pAbstain = (1 - pYes - pNo) * 0.8;
            leans[i] = MemberLean.FromProbabilities(pYes, pAbstain, pNo);
        }

        return leans;
    }

    /// <summary>The probabilities a lean implies without shocks: (yes, abstain, no, absent).</summary>
    public static (double Yes, double Abstain, double No, double Absent) Probabilities(MemberLean lean)
    {
        if (lean.Fixed is { } f)
        {
            return (f == VoteChoice.Yes ? 1 : 0, f == VoteChoice.Abstain ? 1 : 0, f == VoteChoice.No ? 1 : 0, f == VoteChoice.Absent ? 1 : 0);
        }

        double sd = Math.Sqrt(1 + (lean.PositionLoading * lean.PositionLoading));
        double present = 1 - lean.AbsenceProbability;
        double no = present * MathNet.Numerics.Distributions.Normal.CDF(0, 1, (lean.NoBelow - lean.Mean) / sd);
        double yes = present * (1 - MathNet.Numerics.Distributions.Normal.CDF(0, 1, (lean.YesFrom - lean.Mean) / sd));
        return (yes, present - yes - no, no, lean.AbsenceProbability);
    }
}
