using StemSimulator.Engine.Calibration;
using StemSimulator.Engine.Rules;

namespace StemSimulator.Engine.Backtesting;

/// <summary>
/// The rolling-origin backtest: for each test year, calibrate on the training years only, forecast the test year's
/// roll calls under the two protocols with the model and its baselines, and score them (<see cref="ScoreBoard"/>).
/// </summary>
/// <remarks>
/// <para><b>recurring</b>: test roll calls that repeat a resolution of the previous session (title match,
/// <see cref="RecurringMatcher"/>). <c>stemsim</c> takes the earlier roll call's calibrated (beta, tau_1, tau_2) as the
/// analog, each member's position forecast for the test year (last training year, variance widened by the random walk)
/// with the roll call's issue offsets, integrates the global and bloc shocks, and mixes that forecast with the member's
/// own earlier vote (<see cref="RepeatMixture"/>, weights fitted on the training years); <c>persistence</c> is each member's
/// vote on the earlier roll call, with probabilities from the training years' smoothed transition matrix (base rates
/// when the member did not vote then); <c>always_yes</c> predicts yes with the last training year's vote shares as
/// probabilities.</para>
/// <para><b>new</b>: every test roll call. A random 20% of the members who voted (at least one) are revealed; the
/// other 80% are predicted. <c>stemsim</c> fits (beta, tau_1, tau_2) and one shock per shock group (regional groups,
/// EU, OIC, NAM) on the revealed votes (<see cref="GroupedRollCallFitter"/>, a two-component empirical prior from the
/// last training years, group shock sizes as calibrated) and integrates the parameters' Laplace uncertainty and the
/// position uncertainty; <c>bloc_majority</c> predicts the majority vote of the member's regional group among the revealed votes (all
/// revealed votes when none of its group is revealed; ties go to yes), probabilities add-one smoothed towards the base
/// rates; <c>bsv_1d</c> fits a one-dimensional ordered probit per roll call on the same revealed votes with the
/// Bailey-Strezhnev-Voeten ideal points of the previous session as positions (the latest available session, 74, for
/// later test years); <c>always_yes</c> as above.</para>
/// <para>Counts: <c>stemsim</c> forecasts are simulated with their correlated shocks and parameter uncertainty
/// (<see cref="RollCallCountSimulator"/>); the baselines' members are simulated independently from their
/// probabilities. Absent members are simulated with the calibrated absence rates; revealed votes are kept.</para>
/// </remarks>
public sealed partial class RollingBacktest(UnVotingData data, ShockBlocs blocs, BacktestSettings settings)
{
    /// <summary>Share of a roll call's votes revealed in the <c>new</c> protocol.</summary>
    public const double RevealedShare = 0.2;

    /// <summary>
    /// The models whose hard classes follow fitted <see cref="DecisionWeights"/> (the probabilistic models:
    /// <c>stemsim</c>, <c>stemsim_analog</c> and the <c>bsv_1d</c> baseline); <c>always_yes</c>, <c>persistence</c>
    /// and <c>bloc_majority</c> are decision rules by definition and keep their argmax.
    /// </summary>
    public static readonly IReadOnlyList<string> WeightedModels = ["stemsim", "stemsim_analog", "bsv_1d"];

    private readonly VoteIndex _votes = new(data);
    private readonly int[] _previous = RecurringMatcher.PreviousOccurrence(data.RollCalls);

    /// <summary>Each data roll call's repeated roll call of the previous session (<see cref="RecurringMatcher.PreviousOccurrence"/>), or -1.</summary>
    public int[] Previous => _previous;

    /// <summary>The data's votes indexed by roll call.</summary>
    public VoteIndex Votes => _votes;

    /// <summary>
    /// Scores the test year with the model trained on the years before it (into <paramref name="board"/>, or nowhere
    /// for a burn-in year), and returns the recurring forecasts' count deviations (analog alone, repeat mixture) for
    /// matching later years' global shocks.
    /// </summary>
    /// <remarks>
    /// The hard classes of the models in <see cref="WeightedModels"/> are decided with <paramref name="weights"/> (per
    /// protocol and model; the plain argmax where missing); their forecasts are returned as
    /// <c>Forecasts</c> so that later years can fit their weights on them.
    /// </remarks>
    public (List<CoverageCase> Analog, List<CoverageCase> Repeat, Dictionary<(string Protocol, string Model), List<(double No, double Abstain, double Yes, OrdinalVote Actual)>> Forecasts) ScoreYear(
        YearModel model, ScoreBoard? board, IReadOnlyDictionary<(string Protocol, string Model), DecisionWeights> weights, CancellationToken cancellationToken)
    {
        var outcomes = ForecastTestYear(model, cancellationToken);
        if (board is not null)
        {
            AddConditioningDiagnostics(board, outcomes, model.TestYear);
        }

        var analogDeviations = new List<CoverageCase>();
        var repeatDeviations = new List<CoverageCase>();
        var forecasts = new Dictionary<(string Protocol, string Model), List<(double No, double Abstain, double Yes, OrdinalVote Actual)>>();
        foreach (var outcome in outcomes.OfType<RollCallOutcome>())
        {
            analogDeviations.AddRange(outcome.AnalogDeviations);
            repeatDeviations.AddRange(outcome.RepeatDeviations);
            CollectWeightedForecasts(forecasts, outcome);
            if (board is not null)
            {
                Score(board, outcome, weights, model.TestYear);
            }
        }

        return (analogDeviations, repeatDeviations, forecasts);
    }

    /// <summary>
    /// Every test roll call of the year under every protocol, in parallel: per roll call one slot for recurring, one
    /// for new and one per revealed member (null where the protocol does not apply).
    /// </summary>
    private RollCallOutcome?[] ForecastTestYear(YearModel model, CancellationToken cancellationToken)
    {
        var tests = Enumerable.Range(0, data.RollCalls.Count).Where(r => data.RollCalls[r].Year == model.TestYear).ToArray();
        int slots = 2 + settings.Reveal.Count;
        var outcomes = new RollCallOutcome?[tests.Length * slots];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = settings.Threads ?? Environment.ProcessorCount, CancellationToken = cancellationToken };
        Parallel.For(0, tests.Length, parallel, k =>
        {
            if (settings.Protocols.Contains("recurring"))
            {
                outcomes[slots * k] = Recurring(model, tests[k]);
            }

            if (settings.Protocols.Contains("new"))
            {
                outcomes[(slots * k) + 1] = New(model, tests[k]);
            }

            for (int r = 0; r < settings.Reveal.Count; r++)
            {
                outcomes[(slots * k) + 2 + r] = Revealed(model, tests[k], settings.Reveal[r]);
            }
        });

        return outcomes;
    }

    /// <summary>The conditioning backtest's diagnostics: how likely the revealed votes were, how much the weights thin the draws.</summary>
    private static void AddConditioningDiagnostics(ScoreBoard board, RollCallOutcome?[] outcomes, int testYear)
    {
        foreach (var group in outcomes.OfType<RollCallOutcome>().Where(o => o.MeanLikelihood is not null).GroupBy(o => o.Protocol))
        {
            board.AddValue(group.Key, "given", "mean_likelihood", group.Average(o => o.MeanLikelihood!.Value), testYear);
            board.AddValue(group.Key, "given", "effective_sample_share", group.Average(o => o.EffectiveShare!.Value), testYear);
        }
    }

    /// <summary>Adds the outcome's forecasts of the <see cref="WeightedModels"/> to <paramref name="forecasts"/>, per protocol and model.</summary>
    private static void CollectWeightedForecasts(Dictionary<(string Protocol, string Model), List<(double No, double Abstain, double Yes, OrdinalVote Actual)>> forecasts, RollCallOutcome outcome)
    {
        foreach (var forecast in outcome.Forecasts.Where(f => WeightedModels.Contains(f.Model)))
        {
            if (!forecasts.TryGetValue((outcome.Protocol, forecast.Model), out var list))
            {
                forecasts[(outcome.Protocol, forecast.Model)] = list = [];
            }

            list.AddRange(forecast.Probabilities.Select((p, i) => (p.No, p.Abstain, p.Yes, forecast.Actual[i])));
        }
    }

    /// <summary>Scores every model's forecast of the outcome's roll call into <paramref name="board"/>, hard classes by <paramref name="weights"/>.</summary>
    private static void Score(ScoreBoard board, RollCallOutcome outcome, IReadOnlyDictionary<(string Protocol, string Model), DecisionWeights> weights, int testYear)
    {
        foreach (var forecast in outcome.Forecasts)
        {
            DecisionWeights? rule = weights.TryGetValue((outcome.Protocol, forecast.Model), out var w) ? w : null;
            for (int i = 0; i < forecast.Probabilities.Length; i++)
            {
                var p = forecast.Probabilities[i];
                board.AddVote(outcome.Protocol, forecast.Model, testYear, p.No, p.Abstain, p.Yes, forecast.Actual[i], rule);
            }

            board.AddRollCall(outcome.Protocol, forecast.Model, testYear, forecast.Covered80, forecast.Covered95, forecast.PAdopted, outcome.Adopted);
        }
    }

    private sealed record ModelForecast(string Model, (double No, double Abstain, double Yes)[] Probabilities, OrdinalVote[] Actual, bool[] Covered80, bool[] Covered95, double PAdopted);

    private sealed record RollCallOutcome(string Protocol, bool Adopted, ModelForecast[] Forecasts)
    {
        public IReadOnlyList<CoverageCase> AnalogDeviations { get; init; } = [];

        public IReadOnlyList<CoverageCase> RepeatDeviations { get; init; } = [];

        /// <summary>Conditioning backtest: the mean over draws of the revealed vote's likelihood (null otherwise).</summary>
        public double? MeanLikelihood { get; init; }

        /// <summary>Conditioning backtest: the weights' effective sample size over the number of draws.</summary>
        public double? EffectiveShare { get; init; }
    }

    /// <summary>Everyone expected at a test roll call with their forecast inputs.</summary>
    private sealed record Member(int Unit, VoteChoice Recorded, double[] State, double Variance, double Absence, int Group, int[] Blocs);

    private Member[] MembersOf(YearModel model, int rollCall) =>
        _votes.Of(rollCall).Select(v =>
        {
            var (state, variance, absence) = model.Forecast(v.Unit);
            string code = data.Units[v.Unit];
            return new Member(v.Unit, v.Choice, state, variance, absence, blocs.GroupOf(code), blocs.Of(code, model.TestYear));
        }).ToArray();

    private ulong Seed(RollCallInfo rc) => settings.Seed ^ Fnv(rc.Id);

    private static int Stream(RollCallInfo rc) => (int)(Fnv(rc.Id) & 0xFFFF);

    /// <summary>FNV-1a 64-bit hash of a string: a stable key per roll call.</summary>
    private static ulong Fnv(string text)
    {
        ulong hash = 14695981039346656037UL;
        foreach (char c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
