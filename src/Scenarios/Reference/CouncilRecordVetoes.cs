using System.Collections.Concurrent;
using StemSimulator.Engine.Council;
using StemSimulator.Engine.Model;
using StemSimulator.Engine.Randomness;

namespace StemSimulator.Scenarios.Reference;

/// <summary>
/// The permanent members' P(veto) on a scenario's Council draft from the Council record model
/// (<see cref="CouncilRecordModel"/>, docs/council-model.md), fitted on the embedded labelled record
/// (<see cref="CouncilRecordLabels"/>: adopted resolutions and vetoed drafts with who vetoed) up to the year before
/// the vote, or up to 2021 (the record's last year with adopted resolutions) for later votes. Only the veto rates are
/// used: the embedded record has no member votes, so the record model's abstention rates and elected members'
/// cut-points are not fitted here.
/// </summary>
public static class CouncilRecordVetoes
{
    /// <summary>Last year of the embedded record with adopted resolutions (the veto list runs on into 2022).</summary>
    public const int LastRecordYear = 2021;

    /// <summary>
    /// The options the Council backtest chose on the ten training years before its first test year
    /// (docs/council-model.md: half-life 8, prior strength 1, routine texts split; no recent-veto class, so the drafts
    /// below need no <see cref="CouncilDraft.DaysSinceVeto"/>).
    /// </summary>
    public static readonly CouncilModelOptions Options = new() { HalfLifeYears = 8, PriorStrength = 1, SplitRoutine = true };

    private static readonly ConcurrentDictionary<int, CouncilRecordModel> Models = new();

    private static readonly Lazy<IReadOnlyList<CouncilDraft>> Drafts = new(() => [.. CouncilRecordLabels.Embedded.Select(l =>
        new CouncilDraft(l.Date.Year, l.Concerns, [], l.Vetoers, null)
        {
            // As the Council backtest: resolutions' mandates and admissions are routine; of vetoed drafts, whose
            // agenda item is known but not the text, only admissions.
            Routine = l.Vetoed ? l.Topic == "admission" : l.Topic is "mandate" or "admission",
        })]);

    /// <summary>The model fitted on the record up to <paramref name="trainEnd"/> (cached per year).</summary>
    public static CouncilRecordModel Model(int trainEnd) =>
        Models.GetOrAdd(trainEnd, year => CouncilRecordModel.Fit(Drafts.Value, year, Options));

    /// <summary>
    /// The record model's forecast of a non-routine draft voted on <paramref name="date"/> that concerns
    /// <paramref name="concerns"/>; its <see cref="CouncilForecast.VetoProbability"/> is in <see cref="CouncilRecordModel.Permanent"/> order.
    /// </summary>
    public static CouncilForecast Forecast(DateOnly date, IReadOnlyList<string> concerns)
    {
        var model = Model(Math.Min(date.Year - 1, LastRecordYear));
        return model.Predict(new CouncilDraft(date.Year, concerns, [], [], null));
    }

    /// <summary>P(veto) of permanent member <paramref name="code"/> in <paramref name="forecast"/>; null for any other member.</summary>
    public static double? Probability(CouncilForecast forecast, string code)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        int index = CouncilRecordModel.Permanent.ToList().IndexOf(code);
        return index < 0 ? null : forecast.VetoProbability[index];
    }

    /// <summary>
    /// A permanent member's lean with P(no) = <paramref name="veto"/>: the rest is split between abstaining and
    /// voting yes in the proportions of the Assembly-position <paramref name="assembly"/> lean (without shocks),
    /// since the embedded record does not give the members' abstentions. The member's scenario
    /// <paramref name="shift"/> moves it as it moves a member given by probabilities.
    /// </summary>
    public static MemberLean Lean(MemberLean assembly, double veto, double shift)
    {
        double scale = Math.Sqrt(1 + (assembly.PositionLoading * assembly.PositionLoading));
        double no = StandardNormal.Cdf((assembly.NoBelow - assembly.Mean) / scale);
        double noOrAbstain = StandardNormal.Cdf((assembly.YesFrom - assembly.Mean) / scale);
        double abstainShare = no >= 1 ? 0 : Math.Clamp((noOrAbstain - no) / (1 - no), 0, 1);
        var lean = MemberLean.FromProbabilities((1 - veto) * (1 - abstainShare), (1 - veto) * abstainShare, veto);
        return lean with { Mean = lean.Mean + shift };
    }
}
