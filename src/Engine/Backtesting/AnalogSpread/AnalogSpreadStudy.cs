using StemSimulator.Engine.Rules;
using StemSimulator.Engine.Calibration;
using StemSimulator.Engine.Model;
using StemSimulator.Engine.Randomness;

namespace StemSimulator.Engine.Backtesting;

/// <summary>
/// Simulates the yes count of each whole-text roll call of a test year from an analog of each <see cref="AnalogKind"/>
/// (<see cref="AnalogChooser"/>) the way a scenario's <c>like:</c> does: the analog's (beta, tau_1, tau_2), each
/// member's position forecast for the year from a calibration on earlier years only (with the analog's issue areas and
/// its standard error), the calibrated absence rates, the calibrated global and bloc shocks, plus the analog shift
/// N(0, spread^2), for every spread of a grid with common random numbers. <paramref name="shocks"/>, when given
/// (global, then one per <see cref="ShockBlocs.Names"/>), replaces the calibration's shock sizes for every year (the
/// sizes a scenario's <c>shocks: calibrated</c> takes).
/// </summary>
/// <remarks>
/// The analog shift moves every member's latent support by one draw per trial, like the global shock, so a spread s
/// is simulated as a global shock of sd sqrt(g^2 + s^2). An analog the calibration did not fit (its year lies after
/// the training years when origins are fitted every other year) gets (beta, tau_1, tau_2) from its own recorded votes
/// on the positions forecast for its year (<see cref="RollCallFitter"/>, the calibration's prior). A population
/// simulation picks per trial one text of the analog's population (<see cref="AnalogChooser.Population"/>) with the
/// uniform that picks a mixture's component and adds that text's anchor shift to the trial's common shock.
/// </remarks>
public sealed partial class AnalogSpreadStudy(UnVotingData data, ShockBlocs blocs, VoteIndex votes, AnalogChooser chooser, BacktestSettings settings, IReadOnlyList<double> spreads, double[]? shocks = null, bool keepSamples = false, IReadOnlyCollection<AnalogKind>? kinds = null)
{
    /// <summary>One simulation per case: a spread of the common shift, optionally anchored, with group shifts or with beta's sign flipped.</summary>
    /// <param name="Name">Label.</param>
    /// <param name="Spread">Sd of the common analog shift.</param>
    /// <param name="Anchored">Whether every member's support is shifted so the expected yes count is the analog's (<see cref="AnalogAnchor"/>).</param>
    /// <param name="Groups">Sd of an independent shift of each regional group, added to its bloc shock.</param>
    /// <param name="Flip">Whether beta's sign is flipped.</param>
    /// <param name="Sessions">
    /// 0, or the sessions of the population draw: per trial one text of the analog's population
    /// (<see cref="AnalogChooser.Population"/>) is picked uniformly and every member's support moves by the anchor
    /// shift on that text's recorded yes count, plus the normal shift of sd <paramref name="Spread"/>.
    /// </param>
    /// <param name="Bandwidth">
    /// 0, or (with <paramref name="Sessions"/>) the multiplier h of a jitter that follows the population: sd
    /// h · s_d · n^(−<paramref name="BandwidthExponent"/>), s_d the sample sd of the population's n anchor shifts
    /// (0 for n = 1, the case a <see cref="Candidate.Floor"/> covers), in place of <paramref name="Spread"/>.
    /// </param>
    /// <param name="BandwidthExponent">0.2 (Silverman's rule for a kernel density) or 0.5 (the predictive widening sqrt(1 + h²/n)).</param>
    /// <param name="Drift">
    /// With <paramref name="Sessions"/>: where the drift per session that moves each text's anchor shift is estimated
    /// (<see cref="PopulationDrift"/>, round 8); <see cref="PopulationDrift.Source.None"/> for the plain draw.
    /// </param>
    /// <param name="Shrink">With a drift: the share λ of the estimated drift applied, 0 to 1.</param>
    public sealed record Simulation(string Name, double Spread, bool Anchored, double Groups, bool Flip, int Sessions = 0, double Bandwidth = 0, double BandwidthExponent = 0, PopulationDrift.Source Drift = PopulationDrift.Source.None, double Shrink = 0);

    /// <summary>A scored candidate: per trial the narrow simulation's count, or with <paramref name="Probability"/> the wide one's.</summary>
    /// <param name="Family">normal, mixture, anchored, anchored-mixture (the shapes the vote kernel implements), groups or flip.</param>
    /// <param name="Name">Label.</param>
    /// <param name="Narrow">Index into <see cref="Simulations"/>.</param>
    /// <param name="Wide">Index into <see cref="Simulations"/>.</param>
    /// <param name="Probability">Probability of the wide simulation's count, 0 to 1.</param>
    /// <param name="Population">-1, or the index of a population simulation whose count is taken with probability 1 - <paramref name="ShapeShare"/>.</param>
    /// <param name="ShapeShare">With a population: probability of the narrow/wide shape's count instead, 0 to 1.</param>
    /// <param name="Floor">
    /// -1, or the index of a fixed-jitter population simulation of the same sessions whose count a case takes when its
    /// population is one text (where a bandwidth that follows the population is 0).
    /// </param>
    public sealed record Candidate(string Family, string Name, int Narrow, int Wide, double Probability, int Population = -1, double ShapeShare = 0, int Floor = -1)
    {
        /// <summary>Whether scenarios can take this candidate: a normal or mixed common shift, anchored or not, or a population draw.</summary>
        public bool Implemented => Family is "normal" or "mixture" or "anchored" or "anchored-mixture" or "population";
    }

    private readonly List<Simulation> _simulations = BuildSimulations(spreads);
    private readonly List<Candidate> _candidates = BuildCandidates(BuildSimulations(spreads), spreads);

    /// <summary>The simulations of every case (the spreads first, in order).</summary>
    public IReadOnlyList<Simulation> Simulations => _simulations;

    /// <summary>The scored candidates.</summary>
    public IReadOnlyList<Candidate> Candidates => _candidates;

    /// <summary>Mixture probabilities tried.</summary>
    public static IReadOnlyList<double> MixtureProbabilities { get; } = [0.05, 0.1, 0.15, 0.2, 0.3, 0.4];

    private static readonly double[] GroupSpreads = [0.3, 0.6, 1.0, 2.0];
    private static readonly double[] GroupSizes = [0.5, 1.0];
    private static readonly double[] FlipSpreads = [0.6, 1.0, 2.0, 3.0];
    private static readonly double[] FlipProbabilities = [0.05, 0.1, 0.2, 0.3, 0.5];

    /// <summary>Sessions of the population draws tried.</summary>
    public static IReadOnlyList<int> PopulationSessions { get; } = [2, 3, 5];

    private static readonly double[] PopulationJitters = [0, 0.1, 0.18, 0.3, 0.6, 1.0, 1.3, 1.6, 2.0, 2.5, 3.0];

    /// <summary>Multipliers h of the kernel-density jitter h · s_d · n^(−1/5) (Silverman's rule is h = 1.06).</summary>
    private static readonly double[] KernelBandwidths = [0.5, 1.0, 1.5, 2.0, 3.0];

    /// <summary>Multipliers h of the predictive jitter h · s_d / sqrt(n) (h = 1: the draw's variance s_d²(1 + 1/n)).</summary>
    private static readonly double[] PredictiveBandwidths = [1.0, 2.0, 4.0];

    /// <summary>Sessions of the population draws whose jitter follows the population.</summary>
    private static readonly int[] BandwidthSessions = [2, 3];
    private static readonly double[] PopulationShapeShares = [0.1, 0.2, 0.3, 0.5];

    /// <summary>The repeat's shape before the population draw (anchored, sd 0.18, one trial in 20 sd 2.5), as a population mixture's other part.</summary>
    private static readonly AnalogShiftDistribution EarlierRepeatShape = new(0.18, 2.5, 0.05);

    private static List<Simulation> BuildSimulations(IReadOnlyList<double> spreads)
    {
        var list = spreads.Select(s => new Simulation(FormattableString.Invariant($"spread {s:F2}"), s, false, 0, false)).ToList();
        list.AddRange(spreads.Select(s => new Simulation(FormattableString.Invariant($"anchored {s:F2}"), s, true, 0, false)));
        foreach (double s in GroupSpreads)
        {
            foreach (double g in GroupSizes)
            {
                list.Add(new Simulation(FormattableString.Invariant($"groups {s:F2}+{g:F2}"), s, false, g, false));
            }
        }

        list.AddRange(FlipSpreads.Select(s => new Simulation(FormattableString.Invariant($"flip {s:F2}"), s, false, 0, true)));
        foreach (int k in PopulationSessions)
        {
            list.AddRange(PopulationJitters.Select(s => new Simulation(FormattableString.Invariant($"population {k} sessions {s:F2}"), s, false, 0, false, k)));
        }

        foreach (int k in BandwidthSessions)
        {
            list.AddRange(KernelBandwidths.Select(h => new Simulation(FormattableString.Invariant($"population {k} sessions kde h={h:F2}"), 0, false, 0, false, k, h, 0.2)));
            list.AddRange(PredictiveBandwidths.Select(h => new Simulation(FormattableString.Invariant($"population {k} sessions predictive h={h:F2}"), 0, false, 0, false, k, h, 0.5)));
        }

        // Last, so every earlier simulation and candidate keeps its index.
        list.AddRange(DriftSimulations());
        return list;
    }

    private static List<Candidate> BuildCandidates(List<Simulation> sims, IReadOnlyList<double> spreads)
    {
        var list = new List<Candidate>();
        int m = spreads.Count;
        for (int s = 0; s < m; s++)
        {
            list.Add(new Candidate("normal", FormattableString.Invariant($"normal {spreads[s]:F2}"), s, s, 0));
        }

        foreach (var (family, offset) in new[] { ("mixture", 0), ("anchored-mixture", m) })
        {
            foreach (double p in MixtureProbabilities)
            {
                for (int a = 0; a < m; a++)
                {
                    for (int b = a + 1; b < m; b++)
                    {
                        list.Add(new Candidate(family, FormattableString.Invariant($"{family} p={p:F2} {spreads[a]:F2}/{spreads[b]:F2}"), offset + a, offset + b, p));
                    }
                }
            }
        }

        for (int k = 0; k < sims.Count; k++)
        {
            if (sims[k].Sessions > 0 && sims[k].Drift != PopulationDrift.Source.None)
            {
                list.Add(new Candidate("population", sims[k].Name, k, k, 0, k, 0));
            }
            else if (sims[k].Sessions > 0 && sims[k].Bandwidth > 0)
            {
                list.AddRange(FloorCandidates(sims, k));
            }
            else if (sims[k].Sessions > 0)
            {
                list.Add(new Candidate("population", sims[k].Name, k, k, 0, k, 0));
                list.AddRange(FloorCandidates(sims, k));
                list.AddRange(PopulationMixtures(sims, spreads, k));
            }
            else if (sims[k].Anchored && sims[k].Groups == 0)
            {
                list.Add(new Candidate("anchored", sims[k].Name, k, k, 0));
            }
            else if (sims[k].Groups > 0)
            {
                list.Add(new Candidate("groups", sims[k].Name, k, k, 0));
            }
            else if (sims[k].Flip)
            {
                int plain = sims.FindIndex(x => !x.Anchored && x.Groups == 0 && !x.Flip && x.Spread == sims[k].Spread);
                foreach (double q in FlipProbabilities)
                {
                    list.Add(new Candidate("flip", FormattableString.Invariant($"flip q={q:F2} {sims[k].Spread:F2}"), plain, k, q));
                }
            }
        }

        return list;
    }

    /// <summary>
    /// The mixtures of population simulation <paramref name="population"/> with the earlier measured shapes of
    /// same_subject and same_issue (unanchored) and of repeat (anchored), when both sds lie on the grid: per trial that
    /// shape's count with probability w, else the population's.
    /// </summary>
    private static IEnumerable<Candidate> PopulationMixtures(List<Simulation> sims, IReadOnlyList<double> spreads, int population)
    {
        foreach (var kind in new[] { AnalogKind.SameSubject, AnalogKind.SameIssue, AnalogKind.Repeat })
        {
            // A repeat's earlier shape is anchored (its simulations follow the normal ones); the others' are not.
            var shape = kind == AnalogKind.Repeat ? EarlierRepeatShape : AnalogSpreads.UnanchoredShift(kind);
            int offset = kind == AnalogKind.Repeat ? spreads.Count : 0;
            int narrow = IndexOf(spreads, shape.NarrowSd), wide = IndexOf(spreads, shape.WideSd);
            if (narrow < 0 || wide < 0)
            {
                continue;
            }

            (narrow, wide) = (narrow + offset, wide + offset);

            foreach (double w in PopulationShapeShares)
            {
                yield return new Candidate("population-mixture", FormattableString.Invariant($"w={w:F2} {AnalogSpreads.Name(kind)} shape, else {sims[population].Name}"), narrow, wide, shape.WideProbability, population, w);
            }
        }
    }

    /// <summary>
    /// The candidates of population simulation <paramref name="population"/> with each other fixed jitter of the same
    /// sessions as the floor a population of one text takes (for a bandwidth simulation, whose jitter is 0 there, every
    /// fixed jitter).
    /// </summary>
    private static IEnumerable<Candidate> FloorCandidates(List<Simulation> sims, int population)
    {
        for (int f = 0; f < sims.Count; f++)
        {
            if (f != population && sims[f].Sessions == sims[population].Sessions && sims[f].Bandwidth == 0 && sims[f].Drift == PopulationDrift.Source.None)
            {
                yield return new Candidate("population", FormattableString.Invariant($"{sims[population].Name} floor {sims[f].Spread:F2}"), population, population, 0, population, 0, f);
            }
        }
    }

    private static int IndexOf(IReadOnlyList<double> spreads, double value)
    {
        for (int s = 0; s < spreads.Count; s++)
        {
            if (Math.Abs(spreads[s] - value) < 1e-12)
            {
                return s;
            }
        }

        return -1;
    }

    /// <summary>The central levels whose ranges are kept.</summary>
    public static IReadOnlyList<double> Levels { get; } = [0.5, 0.8, 0.9, 0.95];

    /// <summary>Fewest present votes for a roll call to be forecast or used as an analog.</summary>
    public const int MinimumPresent = 10;

    /// <summary>The candidate spreads.</summary>
    public IReadOnlyList<double> Spreads => spreads;

    /// <summary>
    /// The whole-text roll calls of <paramref name="testYear"/> with enough present votes, each with its analog of every
    /// studied kind (an earlier roll call with enough present votes); throws when <paramref name="model"/> has seen the year.
    /// </summary>
    private (int RollCall, AnalogKind Kind, int Analog)[] Jobs(YearModel model, int testYear)
    {
        if (model.Run.LastYear >= testYear)
        {
            throw new ArgumentException($"The calibration runs to {model.Run.LastYear}; it may not see the test year {testYear}.", nameof(model));
        }

        var studied = Enum.GetValues<AnalogKind>().Where(k => kinds is null || kinds.Contains(k)).ToArray();
        return Enumerable.Range(0, data.RollCalls.Count)
            .Where(r => data.RollCalls[r].Year == testYear && AnalogChooser.IsWholeText(data.RollCalls[r]) && Present(r) >= MinimumPresent)
            .SelectMany(r => studied.Select(k => (RollCall: r, Kind: k, Analog: chooser.Choose(r, k))))
            .Where(j => j.Analog >= 0 && data.RollCalls[j.Analog].Year < testYear && Present(j.Analog) >= MinimumPresent)
            .ToArray();
    }

    /// <summary>Forecasts every whole-text roll call of <paramref name="testYear"/> with analogs of each kind, from <paramref name="model"/>.</summary>
    public IReadOnlyList<AnalogCase> Forecast(YearModel model, int testYear, CancellationToken cancellationToken)
    {
        var jobs = Jobs(model, testYear);
        var results = new AnalogCase?[jobs.Length];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = settings.Threads ?? Environment.ProcessorCount, CancellationToken = cancellationToken };
        Parallel.For(0, jobs.Length, parallel, k => results[k] = Simulate(model, testYear, jobs[k].RollCall, jobs[k].Kind, jobs[k].Analog));
        return results.OfType<AnalogCase>().ToArray();
    }

    private int Present(int rollCall) => votes.Of(rollCall).Count(v => v.Choice != VoteChoice.Absent);

    private AnalogCase Simulate(YearModel model, int testYear, int rollCall, AnalogKind kind, int analogIndex)
    {
        var rc = data.RollCalls[rollCall];
        var analogInfo = data.RollCalls[analogIndex];
        var analog = AnalogParameters(model, analogIndex);
        var expected = votes.Of(rollCall).ToArray();
        int n = expected.Length;
        var members = ForecastMembers(model, testYear, expected, analogInfo, analog);
        ulong key = Fnv(rc.Id);
        int analogYes = votes.Of(analogIndex).Count(v => v.Choice == VoteChoice.Yes);

        // The anchor: one shift of every member's latent support that makes the expected yes count without shocks the analog's own.
        double anchor = AnalogAnchor.Shift(members.Positions.Select(x => analog.Beta * x).ToArray(), members.Sds, Enumerable.Repeat(analog.Tau2, n).ToArray(), members.Absence, 0, analogYes);
        var anchored = members with { Offsets = Enumerable.Repeat(anchor, n).ToArray() };
        var populations = PopulationShifts(members, analog, analogIndex, kind);
        var drifts = Drifts(members, analog, analogIndex, kind, rc.Session);
        var samples = SimulateYesCounts(members, anchored, populations, drifts, analog, shocks ?? model.PlainShocks, key);
        var ranges = new CountInterval[spreads.Count][];
        for (int s = 0; s < spreads.Count; s++)
        {
            ranges[s] = RangesOf(samples[s]);
        }

        int actual = expected.Count(v => v.Choice == VoteChoice.Yes);
        return new AnalogCase(kind, testYear, rc.Id, analogInfo.Id, actual, analogYes, ranges)
        {
            CandidateRanges = CandidateRanges(samples, key, populations),
            Samples = keepSamples ? samples : [],
            PopulationSizes = populations.Select(p => p.Length).ToArray(),
        };
    }

    /// <summary>
    /// Per <see cref="PopulationSessions"/>: the anchor shift on each text of the analog's population (its recorded yes
    /// count as the target), with the analog's parameters on the forecast members.
    /// </summary>
    private double[][] PopulationShifts(RollCallCountSimulator.Members members, RollCallParameters analog, int analogIndex, AnalogKind kind)
    {
        int n = members.Positions.Length;
        var means = members.Positions.Select(x => analog.Beta * x).ToArray();
        var yesFrom = Enumerable.Repeat(analog.Tau2, n).ToArray();
        var shifts = new Dictionary<int, double>();
        return PopulationSessions.Select(k => chooser.Population(analogIndex, kind, k)
            .Where(r => Present(r) >= MinimumPresent)
            .Select(r => shifts.TryGetValue(r, out double d) ? d
                : shifts[r] = AnalogAnchor.Shift(means, members.Sds, yesFrom, members.Absence, 0, votes.Of(r).Count(v => v.Choice == VoteChoice.Yes)))
            .ToArray()).ToArray();
    }

    /// <summary>The expected members' forecasts for the test year with the analog's issue areas and parameters, bloc shocks by membership.</summary>
    private RollCallCountSimulator.Members ForecastMembers(YearModel model, int testYear, (int Unit, VoteChoice Choice)[] expected, RollCallInfo analogInfo, RollCallParameters analog)
    {
        int n = expected.Length;
        var positions = new double[n];
        var sds = new double[n];
        var absence = new double[n];
        var offsets = new int[n + 1];
        var indices = new List<int>();
        for (int i = 0; i < n; i++)
        {
            var (state, variance, absent) = model.ForecastFor(expected[i].Unit, testYear);
            positions[i] = YearModel.PositionOf(state, analogInfo.Issues);
            sds[i] = Math.Sqrt(1 + (analog.Beta * analog.Beta * variance));
            absence[i] = absent;
            indices.AddRange(blocs.Of(data.Units[expected[i].Unit], testYear));
            offsets[i + 1] = indices.Count;
        }

        var none = new int[n + 1];
        return new RollCallCountSimulator.Members(
            positions, new double[n], sds, none, [], absence, Enumerable.Repeat(-1, n).ToArray(), offsets, indices.ToArray(),
            Enumerable.Repeat(-1, n).ToArray(), new double[n]);
    }

    /// <summary>The simulated yes counts of every simulation (spread, groups, flip, anchoring), one per trial.</summary>
    private int[][] SimulateYesCounts(RollCallCountSimulator.Members members, RollCallCountSimulator.Members anchored, double[][] populations, Dictionary<(PopulationDrift.Source, double), double[][]> drifts, RollCallParameters analog, double[] sizes, ulong key)
    {
        var pick = PickUniforms(key);
        double[] parameters = [analog.Beta, analog.Tau1, analog.Tau2];
        double global = sizes[0];
        var blocSds = sizes[1..];
        var samples = new int[_simulations.Count][];
        for (int k = 0; k < _simulations.Count; k++)
        {
            var sim = _simulations[k];
            double jitter = sim.Bandwidth > 0 ? BandwidthJitter(populations[PopulationSessionsIndex(sim.Sessions)], sim.Bandwidth, sim.BandwidthExponent) : sim.Spread;
            double sd = Math.Sqrt((global * global) + (jitter * jitter));
            var groupSds = blocSds.Select((b, g) => g < ShockBlocs.GroupCount ? Math.Sqrt((b * b) + (sim.Groups * sim.Groups)) : b).ToArray();
            double[] p = sim.Flip ? [-analog.Beta, analog.Tau1, analog.Tau2] : parameters;

            // The same seed for every simulation and kind: common random numbers make the scores smooth in the parameters.
            double[]? trialShifts = null;
            if (sim.Sessions > 0)
            {
                // One text of the population per trial, picked by the uniform that picks a mixture's component.
                var population = (sim.Drift == PopulationDrift.Source.None ? populations : drifts[(sim.Drift, sim.Shrink)])[PopulationSessionsIndex(sim.Sessions)];
                trialShifts = pick.Select(u => population[Math.Min((int)(u * population.Length), population.Length - 1)]).ToArray();
            }

            samples[k] = RollCallCountSimulator.Simulate(sim.Anchored ? anchored : members, p, [], sd, groupSds, settings.Trials, settings.Seed ^ key, (int)(key & 0xFFFF), trialShifts).Yes;
        }

        return samples;
    }

    /// <summary>
    /// The jitter sd h · s_d · n^(−<paramref name="exponent"/>) of a population of n anchor shifts (<see cref="PopulationJitter"/>);
    /// 0 for one shift, the case a candidate's floor covers.
    /// </summary>
    private static double BandwidthJitter(IReadOnlyList<double> shifts, double multiplier, double exponent) =>
        PopulationJitter.Bandwidth(multiplier, exponent, 0).JitterFor(shifts);

    private static int PopulationSessionsIndex(int sessions)
    {
        for (int k = 0; k < PopulationSessions.Count; k++)
        {
            if (PopulationSessions[k] == sessions)
            {
                return k;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(sessions), sessions, "Not one of the population sessions tried.");
    }

    /// <summary>The uniform of each trial that picks a mixture's component or a population's text (draw 1 of the analog shift).</summary>
    private double[] PickUniforms(ulong key) => UniformsOf(key, 1);

    private double[] UniformsOf(ulong key, int draw)
    {
        var u = new double[settings.Trials];
        for (int t = 0; t < settings.Trials; t++)
        {
            u[t] = new CounterRandom(settings.Seed ^ key, t).Uniform(RandomPurpose.AnalogShift, (int)(key & 0xFFFF), draw);
        }

        return u;
    }

    /// <summary>
    /// The ranges of each candidate mixture: per trial the wide simulation's count with the candidate's probability, else
    /// the narrow one's; for a population candidate, the population's count unless a third uniform falls below its shape share
    /// (or, with a floor, the floor's count when the population is one text).
    /// </summary>
    private CountInterval[][] CandidateRanges(int[][] samples, ulong key, double[][] populations)
    {
        var choice = PickUniforms(key);
        var flipChoice = UniformsOf(key, 2);
        var shapeChoice = UniformsOf(key, 3);

        var candidateRanges = new CountInterval[_candidates.Count][];
        var mixed = new int[settings.Trials];
        for (int c = 0; c < _candidates.Count; c++)
        {
            var candidate = _candidates[c];
            if (candidate.Floor >= 0 && populations[PopulationSessionsIndex(_simulations[candidate.Floor].Sessions)].Length == 1)
            {
                candidate = candidate with { Population = candidate.Floor };
            }

            var u = candidate.Family == "flip" ? flipChoice : choice;
            var narrow = samples[candidate.Narrow];
            var wide = samples[candidate.Wide];
            for (int t = 0; t < mixed.Length; t++)
            {
                mixed[t] = candidate.Population >= 0 && shapeChoice[t] >= candidate.ShapeShare ? samples[candidate.Population][t]
                    : u[t] < candidate.Probability ? wide[t] : narrow[t];
            }

            candidateRanges[c] = RangesOf(mixed);
        }

        return candidateRanges;
    }

    private static CountInterval[] RangesOf(int[] yes)
    {
        var sorted = (int[])yes.Clone();
        Array.Sort(sorted);
        return Levels.Select(l => CountInterval.Central(sorted, l)).ToArray();
    }

    /// <summary>The analog's calibrated parameters, or a fit on its recorded votes when the calibration ends before its year.</summary>
    private RollCallParameters AnalogParameters(YearModel model, int analog)
    {
        var run = model.Run;
        if (run.RollCallMap[analog] >= 0)
        {
            return run.Result.RollCalls[run.RollCallMap[analog]];
        }

        var info = data.RollCalls[analog];
        var present = votes.Of(analog).Where(v => v.Choice != VoteChoice.Absent).ToArray();
        var x = present.Select(v => YearModel.PositionOf(model.ForecastFor(v.Unit, info.Year).State, info.Issues)).ToArray();
        var y = present.Select(v => VoteIndex.Ordinal(v.Choice)).ToArray();
        var options = run.Options;
        return RollCallFitter.Run(x, y, RollCallPrior.Centred(options.DiscriminationSd, options.CutpointSd), RollCallFitter.Start(y, options.MinimumCutpointGap), options.MinimumCutpointGap).Parameters;
    }

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
