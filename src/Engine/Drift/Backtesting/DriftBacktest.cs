using StemSimulator.Engine.Members;

namespace StemSimulator.Engine.Drift.Backtesting;

/// <summary>
/// The backtest of the drift model (docs/drift.md): start from the positions a calibration up to <c>From</c> gives
/// for <c>From</c>, simulate the members' positions to <c>To</c> and compare with the positions a calibration of all
/// years (the embedded table) gives for those years. The first calibration is put on the scale of the second by a
/// linear map fitted on the member-years both cover from <c>AlignFrom</c> to <c>From</c> (training years only,
/// <see cref="ScaleAlignment"/>). Volatilities are calibrated exactly as scenarios do (<see cref="DriftVolatility"/>),
/// on the first calibration's changes from <c>VolatilityFrom</c> to <c>From</c>. Scores take the realized positions'
/// standard errors into account (<see cref="PositionForecast"/>).
/// </summary>
public sealed class DriftBacktest
{
    /// <summary>
    /// The attractions tried: BRICS and EU cohesion, the Non-Aligned hedging towards the Assembly centre, China's pull
    /// on the NAM, and as a control every member pulled towards the Assembly centre (plain mean reversion, which would
    /// also absorb noise in the starting positions).
    /// </summary>
    public static readonly IReadOnlyList<AttractionComponent> Components =
    [
        new("brics_cohesion", "BRICS", "BRICS"),
        new("eu_cohesion", "EU", "EU"),
        new("nam_hedging", "NAM", ScenarioAssembly),
        new("china_pull_nam", "NAM", "CHN"),
        new("assembly_reversion", ScenarioAssembly, ScenarioAssembly),
    ];

    /// <summary>The strengths of the shipped BRICS+ scenario's baseline (scenarios/drift-brics-2026-2035.yaml before the backtest).</summary>
    public static readonly IReadOnlyList<double> ScenarioBaseline = [0.03, 0.03, 0, 0.02, 0];

    private const string ScenarioAssembly = "ASSEMBLY";

    private readonly IMembershipRecord _catalog;
    private readonly PositionLookup _realized;
    private readonly string[] _states;
    private readonly Dictionary<string, int> _stateIndex;

    /// <param name="catalog">Members, blocs and their dated memberships.</param>
    /// <param name="calibrated">The calibration up to <c>From</c> on its own scale.</param>
    /// <param name="calibratedStepSd">That calibration's random-walk step, on its own scale.</param>
    /// <param name="realized">The full calibration whose later years are the realized positions.</param>
    /// <param name="alignmentCodes">Units whose years up to <c>From</c> align the scales.</param>
    /// <param name="settings">Years, trials, seed.</param>
    public DriftBacktest(IMembershipRecord catalog, PositionLookup calibrated, double calibratedStepSd, PositionLookup realized, IEnumerable<string> alignmentCodes, DriftBacktestSettings settings)
    {
        _catalog = catalog;
        _realized = realized;
        Settings = settings;
        var pairs = new List<(double, double)>();
        foreach (var code in alignmentCodes)
        {
            for (int year = settings.AlignFrom; year <= settings.From; year++)
            {
                if (calibrated(code, year) is { } x && realized(code, year) is { } y)
                {
                    pairs.Add((x.Theta, y.Theta));
                }
            }
        }

        Alignment = ScaleAlignment.Fit(pairs);
        var map = Alignment;
        Calibrated = (code, year) => calibrated(code, year) is { } p ? (map.Map(p.Theta), map.MapSd(p.Se)) : null;
        StepSd = map.MapSd(calibratedStepSd);
        _states = catalog.States.Where(s => !s.IsObserver).Select(s => s.Code).ToArray();
        _stateIndex = _states.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
        Volatility = DriftVolatility.Calibrate(_states.Length, (i, year) => Calibrated(_states[i], year)?.Theta, settings.VolatilityFrom, settings.From, DriftVolatility.DefaultShrinkageYears);
        StepScale = Volatility.PooledRawChange > 0 ? StepSd / Volatility.PooledRawChange : double.NaN;
    }

    /// <summary>The periods, trials and seed of the backtest.</summary>
    public DriftBacktestSettings Settings { get; }

    /// <summary>The map from the calibration up to <c>From</c> to the full calibration's scale.</summary>
    public ScaleAlignment Alignment { get; }

    /// <summary>The calibration up to <c>From</c>, mapped onto the full calibration's scale.</summary>
    public PositionLookup Calibrated { get; }

    /// <summary>The random-walk step of the calibration up to <c>From</c>, on the full calibration's scale.</summary>
    public double StepSd { get; }

    /// <summary>Calibrated volatilities per UN member, in <see cref="StateCodes"/> order: the shrunk changes as they are (volatility scale 1).</summary>
    public DriftVolatility Volatility { get; }

    /// <summary>
    /// The volatility scale that raises the pooled change to the calibration's random-walk step, StepSd / p (the rule
    /// scenarios used before the backtest).
    /// </summary>
    public double StepScale { get; }

    /// <summary>UN members (observers excluded), sorted.</summary>
    public IReadOnlyList<string> StateCodes => _states;

    /// <summary>Simulates from FitFrom to From and scores against the calibration up to From (in sample).</summary>
    public Evaluation InSample(string model, IReadOnlyList<double> strengths, double volatilityScale, CancellationToken cancellationToken = default) =>
        Evaluate(model, Settings.FitFrom, Settings.From, strengths, volatilityScale, Calibrated, cancellationToken);

    /// <summary>Simulates from From to To and scores against the full calibration (out of sample).</summary>
    public Evaluation OutOfSample(string model, IReadOnlyList<double> strengths, double volatilityScale, CancellationToken cancellationToken = default) =>
        Evaluate(model, Settings.From, Settings.To, strengths, volatilityScale, _realized, cancellationToken);

    /// <summary>
    /// The attraction strengths (one per component, each 0 or one of <see cref="DriftBacktestSettings.Strengths"/>) with
    /// the best mean log score in sample (FitFrom to From), by coordinate ascent from no attraction: each sweep sets
    /// every component in turn to its best value given the others, until a sweep changes nothing (at most
    /// <paramref name="sweeps"/> sweeps). Ties go to the weaker attraction.
    /// </summary>
    public (double[] Strengths, double LogScore) FitStrengths(int sweeps = 4, CancellationToken cancellationToken = default)
    {
        double[] grid = [0, .. Settings.Strengths.Order()];
        var best = new double[Components.Count];
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        double Score(double[] strengths)
        {
            string key = string.Join(',', strengths.Select(x => x.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
            if (!scores.TryGetValue(key, out double score))
            {
                score = InSample("fit", strengths, 1.0, cancellationToken).Overall.LogScore;
                scores[key] = score;
            }

            return score;
        }

        double bestScore = Score(best);
        for (int sweep = 0; sweep < sweeps; sweep++)
        {
            bool changed = false;
            for (int c = 0; c < Components.Count; c++)
            {
                foreach (double value in grid)
                {
                    var candidate = best.ToArray();
                    candidate[c] = value;
                    double score = Score(candidate);
                    if (score > bestScore + 1e-12 || (Math.Abs(score - bestScore) <= 1e-12 && value < best[c]))
                    {
                        changed |= value != best[c];
                        bestScore = score;
                        best = candidate;
                    }
                }
            }

            if (!changed)
            {
                break;
            }
        }

        return (best, bestScore);
    }

    /// <summary>
    /// The volatility scale s (multiplying every sigma_i, not the starting uncertainty) at which <paramref name="measure"/>
    /// of the model <paramref name="evaluate"/> runs at a scale reaches <paramref name="target"/>, by bisection on [lo, hi]
    /// (the measure must increase with s, as coverage does); NaN when the target lies outside.
    /// </summary>
    public double ScaleFor(Func<DriftBacktest, double, Evaluation> evaluate, Func<Evaluation, double> measure, double target, double lo = 0.05, double hi = 5, int steps = 10)
    {
        if (measure(evaluate(this, lo)) > target || measure(evaluate(this, hi)) < target)
        {
            return double.NaN;
        }

        for (int i = 0; i < steps; i++)
        {
            double mid = 0.5 * (lo + hi);
            if (measure(evaluate(this, mid)) < target)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return 0.5 * (lo + hi);
    }

    /// <summary>The volatility scale maximising the mean log score, by golden-section search on [lo, hi].</summary>
    public double BestLogScoreScale(Func<DriftBacktest, double, Evaluation> evaluate, double lo = 0.05, double hi = 5, int steps = 14)
    {
        double ratio = (Math.Sqrt(5) - 1) / 2;
        double a = lo, b = hi;
        double c = b - (ratio * (b - a)), d = a + (ratio * (b - a));
        double fc = evaluate(this, c).Overall.LogScore, fd = evaluate(this, d).Overall.LogScore;
        for (int i = 0; i < steps; i++)
        {
            if (fc >= fd)
            {
                b = d;
                d = c;
                fd = fc;
                c = b - (ratio * (b - a));
                fc = evaluate(this, c).Overall.LogScore;
            }
            else
            {
                a = c;
                c = d;
                fc = fd;
                d = a + (ratio * (b - a));
                fd = evaluate(this, d).Overall.LogScore;
            }
        }

        return 0.5 * (a + b);
    }

    /// <summary>
    /// The drift model from <paramref name="start"/> to <paramref name="end"/> over the members with a calibrated
    /// position in <paramref name="start"/>: theta(start) ~ N(mean, se^2) from the calibration up to From (mapped),
    /// volatility scale * sigma_i, and the components' attractions with memberships as of each step's first year (as
    /// scenarios do). A bloc not yet founded in a year (BRICS before June 2009) counts its founding members.
    /// </summary>
    public (DriftModel Model, int[] Roster) Build(int start, int end, IReadOnlyList<double> strengths, double volatilityScale)
    {
        var roster = Enumerable.Range(0, _states.Length).Where(i => Calibrated(_states[i], start) is not null).ToArray();
        var local = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int r = 0; r < roster.Length; r++)
        {
            local[_states[roster[r]]] = r;
        }

        var mean = new double[roster.Length];
        var sd = new double[roster.Length];
        var volatility = new double[roster.Length];
        for (int r = 0; r < roster.Length; r++)
        {
            var (theta, se) = Calibrated(_states[roster[r]], start)!.Value;
            mean[r] = theta;
            sd[r] = se;
            volatility[r] = volatilityScale * Volatility.PerMember[roster[r]];
        }

        var years = new List<DriftYear>();
        for (int year = start; year < end; year++)
        {
            var pulls = new List<Attraction>();
            for (int c = 0; c < Components.Count; c++)
            {
                if (strengths[c] <= 0)
                {
                    continue;
                }

                var on = Members(Components[c].On, year, local);
                var centre = Members(Components[c].Toward, year, local);
                if (on.Length > 0 && centre.Length > 0)
                {
                    pulls.Add(new Attraction(strengths[c], on, centre));
                }
            }

            years.Add(new DriftYear(pulls, [], 0));
        }

        return (new DriftModel(start, mean, sd, volatility, years), roster);
    }

    private Evaluation Evaluate(string name, int start, int end, IReadOnlyList<double> strengths, double volatilityScale, PositionLookup realized, CancellationToken cancellationToken)
    {
        var (model, roster) = Build(start, end, strengths, volatilityScale);
        var ensemble = DriftEnsemble.Simulate(model, Settings.Seed, Settings.Trials, Settings.Threads, cancellationToken);
        var rows = new List<ScoredYear>();
        var scratch = new double[Settings.Trials];
        for (int year = start + 1; year <= end; year++)
        {
            for (int r = 0; r < roster.Length; r++)
            {
                if (realized(_states[roster[r]], year) is { } actual)
                {
                    rows.Add(new ScoredYear(roster[r], year - start, PositionForecast.Score(ensemble.Samples(year, r), actual.Theta, actual.Se, scratch)));
                }
            }
        }

        return new Evaluation(name, strengths.ToArray(), volatilityScale, rows, end - start);
    }

    /// <summary>Roster indices of a bloc, a member or ASSEMBLY on 1 July of <paramref name="year"/> (<see cref="MembersOf"/>).</summary>
    private int[] Members(string name, int year, Dictionary<string, int> local) =>
        MembersOf(_catalog, name, year).Where(local.ContainsKey).Select(c => local[c]).Order().ToArray();

    /// <summary>
    /// The members of a bloc on 1 July of <paramref name="year"/> (a bloc not yet founded counts its founding members,
    /// as BRICS before June 2009), all voting members for ASSEMBLY, or the member itself.
    /// </summary>
    public static IEnumerable<string> MembersOf(IMembershipRecord catalog, string name, int year)
    {
        var date = new DateOnly(year, 7, 1);
        if (name == ScenarioAssembly)
        {
            return catalog.VotingMembersOn(date).Select(s => s.Code);
        }

        if (catalog.Blocs.TryGetValue(name, out var bloc))
        {
            var members = bloc.MembersOn(date);
            if (members.Count == 0 && bloc.Memberships.Count > 0 && date < bloc.Memberships.Min(m => m.From))
            {
                members = bloc.MembersOn(bloc.Memberships.Min(m => m.From));
            }

            return members;
        }

        return [name];
    }

    /// <summary>Index of a UN member in <see cref="StateCodes"/>, or -1.</summary>
    public int IndexOf(string code) => _stateIndex.GetValueOrDefault(code, -1);
}
