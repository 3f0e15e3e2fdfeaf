using StemSimulator.Engine.Backtesting;
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
public sealed class RollingBacktest(UnVotingData data, ShockBlocs blocs, BacktestSettings settings)
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

        if (board is not null)
        {
            // The conditioning backtest's diagnostics: how likely the revealed votes were, how much the weights thin the draws.
            foreach (var group in outcomes.OfType<RollCallOutcome>().Where(o => o.MeanLikelihood is not null).GroupBy(o => o.Protocol))
            {
                board.AddValue(group.Key, "given", "mean_likelihood", group.Average(o => o.MeanLikelihood!.Value), model.TestYear);
                board.AddValue(group.Key, "given", "effective_sample_share", group.Average(o => o.EffectiveShare!.Value), model.TestYear);
            }
        }

        var analogDeviations = new List<CoverageCase>();
        var repeatDeviations = new List<CoverageCase>();
        var forecasts = new Dictionary<(string Protocol, string Model), List<(double No, double Abstain, double Yes, OrdinalVote Actual)>>();
        foreach (var outcome in outcomes.OfType<RollCallOutcome>())
        {
            analogDeviations.AddRange(outcome.AnalogDeviations);
            repeatDeviations.AddRange(outcome.RepeatDeviations);
            foreach (var forecast in outcome.Forecasts.Where(f => WeightedModels.Contains(f.Model)))
            {
                if (!forecasts.TryGetValue((outcome.Protocol, forecast.Model), out var list))
                {
                    forecasts[(outcome.Protocol, forecast.Model)] = list = [];
                }

                list.AddRange(forecast.Probabilities.Select((p, i) => (p.No, p.Abstain, p.Yes, forecast.Actual[i])));
            }

            if (board is null)
            {
                continue;
            }

            foreach (var forecast in outcome.Forecasts)
            {
                DecisionWeights? rule = weights.TryGetValue((outcome.Protocol, forecast.Model), out var w) ? w : null;
                for (int i = 0; i < forecast.Probabilities.Length; i++)
                {
                    var p = forecast.Probabilities[i];
                    board.AddVote(outcome.Protocol, forecast.Model, model.TestYear, p.No, p.Abstain, p.Yes, forecast.Actual[i], rule);
                }

                board.AddRollCall(outcome.Protocol, forecast.Model, model.TestYear, forecast.Covered80, forecast.Covered95, forecast.PAdopted, outcome.Adopted);
            }
        }

        return (analogDeviations, repeatDeviations, forecasts);
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

    private RollCallOutcome? Recurring(YearModel model, int rollCall)
    {
        int p = _previous[rollCall];
        var run = model.Run;
        if (p < 0 || run.RollCallMap[p] < 0)
        {
            return null;
        }

        var rc = data.RollCalls[rollCall];
        var analog = run.Result.RollCalls[run.RollCallMap[p]];
        var members = MembersOf(model, rollCall);
        var shocks = model.RecurringShocks;
        var f = RecurringForecasts(model, rc, analog, members, _votes.Of(p).ToDictionary(v => v.Unit, v => v.Choice));
        var repeatMembers = Simulation(members, f.Positions, f.Sds, null, repeat: (f.RepeatVote, f.RepeatProbability));
        var analogMembers = Simulation(members, f.Positions, f.Sds, null);
        double[] parameters = [analog.Beta, analog.Tau1, analog.Tau2];
        var simulated = RollCallCountSimulator.Simulate(repeatMembers, parameters, [], shocks[0], shocks[1..], settings.Trials, Seed(rc), Stream(rc));
        var analogSimulated = RollCallCountSimulator.Simulate(analogMembers, parameters, [], model.PlainShocks[0], model.PlainShocks[1..], settings.Trials, Seed(rc) ^ 0xA5A5UL, Stream(rc));
        int yes = members.Count(m => m.Recorded == VoteChoice.Yes), no = members.Count(m => m.Recorded == VoteChoice.No), abstain = members.Count(m => m.Recorded == VoteChoice.Abstain);
        var always = members.Select(_ => (model.BaseRates[0], model.BaseRates[1], model.BaseRates[2])).ToArray();
        return Outcome("recurring", rollCall, members, null,
            ("stemsim", f.Mixed, simulated),
            ("stemsim_analog", f.AnalogOnly, analogSimulated),
            ("always_yes", always, null),
            ("persistence", f.Persistence, null)) with
        {
            AnalogDeviations = [new CoverageCase(analogMembers, parameters, model.BlocSds, yes, no, abstain, Seed(rc) ^ 0x5A5AUL, Stream(rc))],
            RepeatDeviations = [new CoverageCase(repeatMembers, parameters, model.BlocSds, yes, no, abstain, Seed(rc) ^ 0x3C3CUL, Stream(rc))],
        };
    }

    /// <summary>The recurring protocol's per-member forecasts from the analog and the member's earlier vote.</summary>
    private sealed record RecurringMembers(double[] Positions, double[] Sds, int[] RepeatVote, double[] RepeatProbability, (double, double, double)[] Mixed, (double, double, double)[] AnalogOnly, (double, double, double)[] Persistence);

    /// <summary>
    /// stemsim: analog + position forecast + shocks, mixed with the member's earlier vote (<see cref="RepeatMixture"/>);
    /// the analog alone with the plain shocks; and persistence (the earlier vote's transition row, or the base rates).
    /// </summary>
    private static RecurringMembers RecurringForecasts(YearModel model, RollCallInfo rc, RollCallParameters analog, Member[] members, Dictionary<int, VoteChoice> previousVotes)
    {
        int n = members.Length;
        var shocks = model.RecurringShocks;
        var f = new RecurringMembers(new double[n], new double[n], new int[n], new double[n], new (double, double, double)[n], new (double, double, double)[n], new (double, double, double)[n]);
        for (int i = 0; i < n; i++)
        {
            var m = members[i];
            f.Positions[i] = YearModel.PositionOf(m.State, rc.Issues);
            f.Sds[i] = Math.Sqrt(1 + (analog.Beta * analog.Beta * m.Variance));
            double total = Math.Sqrt((f.Sds[i] * f.Sds[i]) + YearModel.ShockVariance(shocks, m.Blocs));
            var plain = Ordered(analog.Beta * f.Positions[i], analog.Tau1, analog.Tau2, total, total);
            double totalPlain = Math.Sqrt((f.Sds[i] * f.Sds[i]) + YearModel.ShockVariance(model.PlainShocks, m.Blocs));
            f.AnalogOnly[i] = Ordered(analog.Beta * f.Positions[i], analog.Tau1, analog.Tau2, totalPlain, totalPlain);
            f.RepeatVote[i] = -1;
            if (previousVotes.TryGetValue(m.Unit, out var before) && before != VoteChoice.Absent)
            {
                var previousOrdinal = VoteIndex.Ordinal(before);
                f.RepeatVote[i] = (int)previousOrdinal;
                f.RepeatProbability[i] = model.RepeatProbability[(int)previousOrdinal];
                f.Mixed[i] = RepeatMixture.Mix(f.RepeatProbability[i], previousOrdinal, plain.No, plain.Abstain, plain.Yes);
                f.Persistence[i] = Row(model.Transitions, (int)previousOrdinal);
            }
            else
            {
                f.Mixed[i] = plain;
                f.Persistence[i] = (model.BaseRates[0], model.BaseRates[1], model.BaseRates[2]);
            }
        }

        return f;
    }

    private RollCallOutcome? New(YearModel model, int rollCall)
    {
        var rc = data.RollCalls[rollCall];
        var members = MembersOf(model, rollCall);
        var present = Enumerable.Range(0, members.Length).Where(i => members[i].Recorded != VoteChoice.Absent).ToArray();
        if (present.Length < 10)
        {
            return null;
        }

        var revealed = Reveal(rc, members, present);
        var revealedList = revealed.Order().ToArray();
        var x = members.Select(m => YearModel.PositionOf(m.State, rc.Issues)).ToArray();
        var (probabilities, simulated) = NewStemsim(model, rc, members, x, revealed, revealedList);
        var always = members.Select(_ => (model.BaseRates[0], model.BaseRates[1], model.BaseRates[2])).ToArray();
        return Outcome("new", rollCall, members, revealed,
            ("stemsim", probabilities, simulated),
            ("always_yes", always, null),
            ("bloc_majority", BlocMajority(model, members, revealedList), null),
            ("bsv_1d", Bsv1d(model, members, revealedList), null));
    }

    /// <summary>
    /// The conditioning backtest (<see cref="RevealedVoteForecast"/>): on a test roll call of the <c>new</c> protocol at
    /// which <paramref name="code"/> voted and is not among the revealed 20%, its recorded vote is revealed as well and the
    /// other predicted members are forecast with it given (conditioning), fixed (intervention) and unknown, from the same
    /// draws of the fit's posterior (the model-averaged components, each a Laplace normal). Null for other roll calls.
    /// </summary>
    private RollCallOutcome? Revealed(YearModel model, int rollCall, string code)
    {
        var rc = data.RollCalls[rollCall];
        var members = MembersOf(model, rollCall);
        var present = Enumerable.Range(0, members.Length).Where(i => members[i].Recorded != VoteChoice.Absent).ToArray();
        int target = Array.FindIndex(members, m => data.Units[m.Unit] == code);
        if (present.Length < 10 || target < 0 || members[target].Recorded == VoteChoice.Absent)
        {
            return null;
        }

        var revealed = Reveal(rc, members, present);
        if (revealed.Contains(target))
        {
            return null;
        }

        var revealedList = revealed.Order().ToArray();
        var x = members.Select(m => YearModel.PositionOf(m.State, rc.Issues)).ToArray();
        var (fits, posterior) = FitComponents(model, members, x, revealedList);
        int d = 3 + ShockBlocs.Names.Count;
        var components = fits.Select(f =>
        {
            var mean = new double[d];
            mean[0] = f.Fit.Parameters.Beta;
            mean[1] = f.Fit.Parameters.Tau1;
            mean[2] = f.Fit.Parameters.Tau2;
            Array.Copy(f.Fit.GroupEffects, 0, mean, 3, f.Fit.GroupEffects.Length);
            return (Mean: mean, Factor: f.Fit.Covariance.All(double.IsFinite) ? CholeskyFactor(f.Fit.Covariance, d) : []);
        }).ToArray();
        double norm = posterior.Sum();
        ulong seed = Seed(rc) ^ 0x6A09E667F3BCC908UL;
        var draws = new double[settings.Trials][];
        for (int j = 0; j < draws.Length; j++)
        {
            var random = new Engine.Randomness.CounterRandom(seed, j);
            double u = random.Uniform(Engine.Randomness.RandomPurpose.Position, 9, 0) * norm;
            int k = 0;
            while (k < posterior.Length - 1 && u >= posterior[k])
            {
                u -= posterior[k];
                k++;
            }

            var (mean, factor) = components[k];
            var theta = (double[])mean.Clone();
            if (factor.Length > 0)
            {
                var z = Enumerable.Range(0, d).Select(c => random.Normal(Engine.Randomness.RandomPurpose.Position, 9, 1 + c)).ToArray();
                for (int a = 0; a < d; a++)
                {
                    for (int b = 0; b <= a; b++)
                    {
                        theta[a] += factor[(a * d) + b] * z[b];
                    }
                }
            }

            draws[j] = theta;
        }

        var inputs = new RevealedVoteForecast.Inputs(
            x,
            members.Select(m => m.Variance).ToArray(),
            members.Select(m => m.Blocs).ToArray(),
            members.Select(m => m.Absence).ToArray(),
            Fixed(members, revealed),
            members.Select(m => m.Recorded == VoteChoice.Absent ? -1 : (int)VoteIndex.Ordinal(m.Recorded)).ToArray(),
            target);
        var result = RevealedVoteForecast.Forecast(inputs, draws, seed, Stream(rc));
        var scored = present.Where(i => !revealed.Contains(i) && i != target).ToArray();
        var actual = scored.Select(i => VoteIndex.Ordinal(members[i].Recorded)).ToArray();
        ModelForecast Scored(string name, RevealedVoteForecast.Way way) =>
            new(name, scored.Select(i => way.Probabilities[i]).ToArray(), actual, way.Covered80, way.Covered95, way.PAdopted);
        bool adopted = members.Count(m => m.Recorded == VoteChoice.Yes) > members.Count(m => m.Recorded == VoteChoice.No);
        return new RollCallOutcome($"reveal_{code.ToLowerInvariant()}", adopted, [Scored("given", result.Given), Scored("fixed", result.Fixed), Scored("unknown", result.Unknown)])
        {
            MeanLikelihood = result.MeanLikelihood,
            EffectiveShare = result.EffectiveShare,
        };
    }

    /// <summary>Reveals a random 20%: the members with the smallest keys, each key a pure function of (seed, roll call, unit).</summary>
    private HashSet<int> Reveal(RollCallInfo rc, Member[] members, int[] present)
    {
        var random = new Engine.Randomness.CounterRandom(settings.Seed, (long)(Fnv(rc.Id) & 0x7FFFFFFFFFFFFFFF));
        int reveal = Math.Max(1, (int)Math.Round(RevealedShare * present.Length));
        return present.OrderBy(i => random.Uniform(Engine.Randomness.RandomPurpose.Position, 7, members[i].Unit)).Take(reveal).ToHashSet();
    }

    /// <summary>
    /// stemsim in the new protocol: every shock group (regional groups, EU, OIC, NAM) gets an effect learned from its
    /// revealed members, the forecasts averaged over the prior's components (<see cref="FitComponents"/>), and the counts
    /// simulated from the most probable component's Laplace posterior.
    /// </summary>
    private ((double, double, double)[] Probabilities, RollCallCountSimulator.Result Simulated) NewStemsim(YearModel model, RollCallInfo rc, Member[] members, double[] x, HashSet<int> revealed, int[] revealedList)
    {
        int groups = ShockBlocs.Names.Count;
        int d = 3 + groups;
        var (fits, posterior) = FitComponents(model, members, x, revealedList);
        double norm = posterior.Sum();
        var fit = fits[Array.IndexOf(posterior, posterior.Max())].Fit;
        var probabilities = new (double, double, double)[members.Length];
        var sds = new double[members.Length];
        for (int i = 0; i < members.Length; i++)
        {
            var m = members[i];
            double no = 0, abstain = 0, yes = 0;
            for (int k = 0; k < fits.Count; k++)
            {
                var f = fits[k].Fit;
                bool fine = f.Covariance.All(double.IsFinite);
                double beta = f.Parameters.Beta;
                double latent = (beta * x[i]) + m.Blocs.Sum(b => f.GroupEffects[b]);
                double own = 1 + (beta * beta * m.Variance);
                double v1 = fine ? Quadratic(f.Covariance, d, x[i], -1, 0, m.Blocs) : 0;
                double v2 = fine ? Quadratic(f.Covariance, d, x[i], 0, -1, m.Blocs) : 0;
                var p = Ordered(latent, f.Parameters.Tau1, f.Parameters.Tau2, Math.Sqrt(own + v1), Math.Sqrt(own + v2));
                double w = posterior[k] / norm;
                no += w * p.No;
                abstain += w * p.Abstain;
                yes += w * p.Yes;
            }

            probabilities[i] = (no, abstain, yes);
            sds[i] = Math.Sqrt(1 + (fit.Parameters.Beta * fit.Parameters.Beta * m.Variance));
        }

        // The count simulation draws from the most probable component's Laplace posterior.
        var covariance = fit.Covariance;
        bool usable = covariance.All(double.IsFinite);
        var mean = new double[d];
        mean[0] = fit.Parameters.Beta;
        mean[1] = fit.Parameters.Tau1;
        mean[2] = fit.Parameters.Tau2;
        Array.Copy(fit.GroupEffects, 0, mean, 3, groups);
        var factor = usable ? CholeskyFactor(covariance, d) : [];
        var simulated = RollCallCountSimulator.Simulate(
            Simulation(members, x, sds, revealed, blocsAsEffects: true),
            mean, factor, 0, [], settings.Trials, Seed(rc), Stream(rc));
        return (probabilities, simulated);
    }

    /// <summary>
    /// The prior is a mixture (texts the United States' side supports or opposes): fit under each component, and weigh
    /// the fits by their unnormalised posterior weights (Bayesian model averaging; each evidence by the Laplace
    /// approximation log p(y | k) = log posterior at the MAP + log|Sigma| / 2 + the prior's normalisation), scaled so
    /// that the largest is 1.
    /// </summary>
    private static (List<(GroupedRollCallFitter.Fit Fit, double Evidence)> Fits, double[] Posterior) FitComponents(YearModel model, Member[] members, double[] x, int[] revealedList)
    {
        var groupSds = model.BlocSds.Select(sd => Math.Max(0.05, sd)).ToArray();
        int d = 3 + ShockBlocs.Names.Count;
        var fits = new List<(GroupedRollCallFitter.Fit Fit, double Evidence)>();
        foreach (var (prior, weight) in model.Prior)
        {
            var candidate = GroupedRollCallFitter.Run(
                revealedList.Select(i => x[i]).ToArray(),
                revealedList.Select(i => members[i].Blocs).ToArray(),
                revealedList.Select(i => VoteIndex.Ordinal(members[i].Recorded)).ToArray(),
                groupSds,
                prior,
                model.Run.Options.MinimumCutpointGap);
            var candidateFactor = candidate.Covariance.All(double.IsFinite) ? CholeskyFactor(candidate.Covariance, d) : [];
            double logDet = candidateFactor.Length == 0 ? 0 : 2 * Enumerable.Range(0, d).Sum(k => Math.Log(candidateFactor[(k * d) + k]));
            double evidence = candidate.LogPosterior + Math.Log(weight) + (0.5 * logDet)
                + (0.5 * Math.Log(Math.Max(1e-300, prior.Precision.Beta * prior.Precision.Tau1 * prior.Precision.Tau2)));
            fits.Add((candidate, evidence));
        }

        double top = fits.Max(f => f.Evidence);
        return (fits, fits.Select(f => Math.Exp(f.Evidence - top)).ToArray());
    }

    /// <summary>bloc_majority: the group's majority among the revealed votes.</summary>
    private static (double, double, double)[] BlocMajority(YearModel model, Member[] members, int[] revealedList)
    {
        var blocMajority = new (double, double, double)[members.Length];
        for (int i = 0; i < members.Length; i++)
        {
            var counts = new double[3];
            var same = revealedList.Where(k => members[k].Group == members[i].Group && members[i].Group >= 0).ToArray();
            foreach (int k in same.Length > 0 ? same : revealedList)
            {
                counts[(int)VoteIndex.Ordinal(members[k].Recorded)]++;
            }

            double n = counts.Sum();
            int winner = counts[2] >= counts[0] && counts[2] >= counts[1] ? 2 : counts[0] >= counts[1] ? 0 : 1;

            // Add-one smoothing towards the base rates keeps the majority class the most probable one.
            var smoothed = new double[3];
            for (int c = 0; c < 3; c++)
            {
                smoothed[c] = (counts[c] + model.BaseRates[c]) / (n + 1);
            }

            if (ForecastMetrics.Predict(smoothed[0], smoothed[1], smoothed[2]) != winner)
            {
                smoothed[winner] += 1e-9;
            }

            blocMajority[i] = (smoothed[0], smoothed[1], smoothed[2]);
        }

        return blocMajority;
    }

    /// <summary>bsv_1d: one-dimensional ordered probit on the previous session's BSV ideal points.</summary>
    private (double, double, double)[] Bsv1d(YearModel model, Member[] members, int[] revealedList)
    {
        int session = Math.Min(model.TestYear - 1946, 74);
        var bsvX = members.Select(m => BsvPoint(data.Units[m.Unit], session)).ToArray();
        var bsvFit = RollCallFitter.Run(
            revealedList.Select(i => bsvX[i]).ToArray(),
            revealedList.Select(i => VoteIndex.Ordinal(members[i].Recorded)).ToArray(),
            RollCallPrior.Centred(model.Run.Options.DiscriminationSd, model.Run.Options.CutpointSd),
            RollCallFitter.Start(revealedList.Select(i => VoteIndex.Ordinal(members[i].Recorded)).ToArray(), model.Run.Options.MinimumCutpointGap),
            model.Run.Options.MinimumCutpointGap,
            withCovariance: true);
        var bsv = new (double, double, double)[members.Length];
        bool bsvUsable = bsvFit.Covariance.All(double.IsFinite);
        for (int i = 0; i < members.Length; i++)
        {
            var q = bsvFit.Parameters;
            double v1 = bsvUsable ? Quadratic(bsvFit.Covariance, 3, bsvX[i], -1, 0, []) : 0;
            double v2 = bsvUsable ? Quadratic(bsvFit.Covariance, 3, bsvX[i], 0, -1, []) : 0;
            bsv[i] = Ordered(q.Beta * bsvX[i], q.Tau1, q.Tau2, Math.Sqrt(1 + v1), Math.Sqrt(1 + v2));
        }

        return bsv;
    }

    private double BsvPoint(string unit, int session)
    {
        for (int s = session; s >= session - 3; s--)
        {
            if (data.BsvIdealPoints.TryGetValue((unit, s), out double point))
            {
                return point;
            }
        }

        return 0;
    }

    private RollCallOutcome Outcome(string protocol, int rollCall, Member[] members, HashSet<int>? revealed, params (string Model, (double No, double Abstain, double Yes)[] Probabilities, RollCallCountSimulator.Result? Simulated)[] models)
    {
        var rc = data.RollCalls[rollCall];
        int yes = members.Count(m => m.Recorded == VoteChoice.Yes);
        int no = members.Count(m => m.Recorded == VoteChoice.No);
        int abstain = members.Count(m => m.Recorded == VoteChoice.Abstain);
        var scored = Enumerable.Range(0, members.Length).Where(i => members[i].Recorded != VoteChoice.Absent && (revealed is null || !revealed.Contains(i))).ToArray();
        var forecasts = new List<ModelForecast>();
        foreach (var (name, probabilities, simulatedOrNull) in models)
        {
            var simulated = simulatedOrNull ?? SimulateIndependent(members, probabilities, revealed, rc);
            int[] recorded = [yes, no, abstain];
            int[][] samples = [simulated.Yes, simulated.No, simulated.Abstain];
            var covered80 = new bool[3];
            var covered95 = new bool[3];
            for (int c = 0; c < 3; c++)
            {
                covered80[c] = RollCallCountSimulator.Covers(samples[c], recorded[c], 0.80);
                covered95[c] = RollCallCountSimulator.Covers(samples[c], recorded[c], 0.95);
            }

            forecasts.Add(new ModelForecast(
                name,
                scored.Select(i => probabilities[i]).ToArray(),
                scored.Select(i => VoteIndex.Ordinal(members[i].Recorded)).ToArray(),
                covered80,
                covered95,
                simulated.PAdopted));
        }

        return new RollCallOutcome(protocol, yes > no, forecasts.ToArray());
    }

    /// <summary>Independent members: each votes from its own probabilities (no shared shocks).</summary>
    private RollCallCountSimulator.Result SimulateIndependent(Member[] members, (double No, double Abstain, double Yes)[] probabilities, HashSet<int>? revealed, RollCallInfo rc)
    {
        int n = members.Length;
        var tau1 = new double[n];
        var tau2 = new double[n];
        for (int i = 0; i < n; i++)
        {
            var (no, abstain, _) = probabilities[i];
            tau1[i] = Engine.Randomness.StandardNormal.InverseCdf(Math.Clamp(no, 1e-12, 1 - 1e-12));
            tau2[i] = Engine.Randomness.StandardNormal.InverseCdf(Math.Clamp(no + abstain, 1e-12, 1 - 1e-12));
        }

        return RollCallCountSimulator.SimulateIndependent(tau1, tau2, members.Select(m => m.Absence).ToArray(), Fixed(members, revealed), settings.Trials, Seed(rc) ^ 0x5DEECE66DUL, Stream(rc));
    }

    /// <summary>
    /// The simulator's members: with <paramref name="blocsAsEffects"/> the members' shock groups are effects in the
    /// parameter vector (drawn from the fit's posterior), otherwise independent bloc shocks.
    /// </summary>
    private static RollCallCountSimulator.Members Simulation(Member[] members, double[] positions, double[] sds, HashSet<int>? revealed, bool blocsAsEffects = false, (int[] Vote, double[] Probability)? repeat = null)
    {
        int n = members.Length;
        var offsets = new int[n + 1];
        var indices = new List<int>();
        for (int i = 0; i < n; i++)
        {
            indices.AddRange(members[i].Blocs);
            offsets[i + 1] = indices.Count;
        }

        var none = new int[n + 1];
        return new RollCallCountSimulator.Members(
            positions, new double[n], sds,
            blocsAsEffects ? offsets : none, blocsAsEffects ? indices.ToArray() : [],
            members.Select(m => m.Absence).ToArray(), Fixed(members, revealed),
            blocsAsEffects ? none : offsets, blocsAsEffects ? [] : indices.ToArray(),
            repeat?.Vote ?? Enumerable.Repeat(-1, n).ToArray(), repeat?.Probability ?? new double[n]);
    }

    private static int[] Fixed(Member[] members, HashSet<int>? revealed) =>
        members.Select((m, i) => revealed is not null && revealed.Contains(i) ? (int)VoteIndex.Ordinal(m.Recorded) : -1).ToArray();

    private static (double, double, double) Row(double[,] matrix, int row) => (matrix[row, 0], matrix[row, 1], matrix[row, 2]);

    /// <summary>Ordered-probit probabilities with a separate latent standard deviation for each cut-point comparison.</summary>
    private static (double No, double Abstain, double Yes) Ordered(double latent, double tau1, double tau2, double sd1, double sd2)
    {
        double no = NormalTail.Cdf((tau1 - latent) / sd1);
        double yes = NormalTail.UpperTail((tau2 - latent) / sd2);
        double abstain = 1 - no - yes;
        if (abstain < 1e-9)
        {
            double scale = (1 - 1e-9) / (no + yes);
            no *= scale;
            yes *= scale;
            abstain = 1e-9;
        }

        return (no, abstain, yes);
    }

    /// <summary>Var(beta x + sum of the member's group effects - tau_k) for coefficients (x, c1, c2, groups) over a row-major covariance of size d.</summary>
    private static double Quadratic(double[] covariance, int d, double x, double c1, double c2, int[] groups)
    {
        Span<double> a = stackalloc double[d];
        a.Clear();
        a[0] = x;
        a[1] = c1;
        a[2] = c2;
        foreach (int g in groups)
        {
            if (3 + g < d)
            {
                a[3 + g] = 1;
            }
        }

        double v = 0;
        for (int i = 0; i < d; i++)
        {
            for (int j = 0; j < d; j++)
            {
                v += a[i] * covariance[(i * d) + j] * a[j];
            }
        }

        return Math.Max(0, v);
    }

    private static double[] CholeskyFactor(double[] covariance, int d)
    {
        var factor = (double[])covariance.Clone();
        for (int j = 0; j < d; j++)
        {
            double diagonal = factor[(j * d) + j];
            for (int k = 0; k < j; k++)
            {
                diagonal -= factor[(j * d) + k] * factor[(j * d) + k];
            }

            if (!(diagonal > 0))
            {
                return [];
            }

            double root = Math.Sqrt(diagonal);
            factor[(j * d) + j] = root;
            for (int i = j + 1; i < d; i++)
            {
                double sum = factor[(i * d) + j];
                for (int k = 0; k < j; k++)
                {
                    sum -= factor[(i * d) + k] * factor[(j * d) + k];
                }

                factor[(i * d) + j] = sum / root;
            }

            for (int i = 0; i < j; i++)
            {
                factor[(i * d) + j] = 0;
            }
        }

        return factor;
    }

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
