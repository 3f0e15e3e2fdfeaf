using StemSimulator.Engine.Rules;

namespace StemSimulator.Engine.Calibration;

/// <summary>
/// One calibration of the loaded data on the years <see cref="FirstYear"/> to <see cref="LastYear"/>: the estimator's
/// result with the maps between the data's roll calls and the estimator's indices.
/// </summary>
public sealed class CalibrationRun
{
    private CalibrationRun(UnVotingData data, int firstYear, int lastYear, int[] rollCallMap, CalibrationInput input, CalibrationResult result, CalibrationOptions options)
    {
        Data = data;
        FirstYear = firstYear;
        LastYear = lastYear;
        RollCallMap = rollCallMap;
        Input = input;
        Result = result;
        Options = options;
    }

    /// <summary>The recorded votes fitted.</summary>
    public UnVotingData Data { get; }

    /// <summary>First fitted year (1945 + session).</summary>
    public int FirstYear { get; }

    /// <summary>Last fitted year (1945 + session), at least <see cref="FirstYear"/>.</summary>
    public int LastYear { get; }

    /// <summary>Data roll-call index -> estimator index, or -1 outside the window.</summary>
    public int[] RollCallMap { get; }

    /// <summary>The estimator's input: the window's roll calls, votes and bridges.</summary>
    public CalibrationInput Input { get; }

    /// <summary>The estimator's result: positions per unit and year, roll-call parameters, fit statistics.</summary>
    public CalibrationResult Result { get; }

    /// <summary>The options the fit used.</summary>
    public CalibrationOptions Options { get; }

    /// <summary>
    /// Fits the years <paramref name="firstYear"/> to <paramref name="lastYear"/> of <paramref name="data"/>, bridging
    /// Voeten's matched pairs and the title-matched repeats of <paramref name="previousOccurrence"/>, with the United
    /// States as the polarity member; <paramref name="warm"/>, a fit of the same data on fewer years, is the starting
    /// point when given (rolling-origin backtests).
    /// </summary>
    public static CalibrationRun Fit(UnVotingData data, int firstYear, int lastYear, int[] previousOccurrence, CalibrationOptions options, IProgress<CalibrationProgress>? progress, CancellationToken cancellationToken, CalibrationRun? warm = null)
    {
        var bridges = data.MatchedPairs.Concat(RecurringMatcher.Pairs(previousOccurrence)).Distinct().ToArray();
        var input = data.ToInput(firstYear, lastYear, bridges, out var map);
        var withPolarity = options with { PolarityMember = data.UnitIndex.GetValueOrDefault("USA", -1) };
        CalibrationStart? start = null;
        if (warm is not null && warm.FirstYear == firstYear)
        {
            var dataIndex = new int[input.RollCallCount];
            for (int r = 0; r < map.Length; r++)
            {
                if (map[r] >= 0)
                {
                    dataIndex[map[r]] = r;
                }
            }

            start = new CalibrationStart(
                (member, year) => warm.Result.Has(member, year) ? warm.Result.Estimate(member, year) is var e ? [e.Theta, .. e.Offsets] : null : null,
                local => warm.RollCallMap[dataIndex[local]] is var old && old >= 0 ? warm.Result.RollCalls[old] : null);
        }

        var result = IdealPointEstimator.Fit(input, withPolarity, progress, start, null, cancellationToken);
        return new CalibrationRun(data, firstYear, lastYear, map, input, result, withPolarity);
    }

    /// <summary>
    /// Fits the years <paramref name="firstYear"/> to <paramref name="lastYear"/> of <paramref name="data"/> with the
    /// states of <paramref name="earlier"/> in the year before <paramref name="firstYear"/> held fixed (an incremental
    /// update: <see cref="MemberAnchor"/>, <see cref="CalibrationAnchors"/>), its position step, and its states and
    /// roll-call parameters as the starting point. Bridges to roll calls before <paramref name="firstYear"/> pull
    /// towards their parameters in <paramref name="earlier"/>. The result covers only the fitted years; the caller
    /// keeps <paramref name="earlier"/>'s years before <paramref name="firstYear"/>.
    /// </summary>
    /// <param name="data">The recorded votes, including those <paramref name="earlier"/> was fitted on.</param>
    /// <param name="earlier">The earlier calibration; it must cover the year before <paramref name="firstYear"/>.</param>
    /// <param name="firstYear">First refitted year, after <paramref name="earlier"/>'s first year and at most one year after its last.</param>
    /// <param name="lastYear">Last fitted year, at least <paramref name="firstYear"/>.</param>
    /// <param name="previousOccurrence">Each roll call's earlier occurrence (<see cref="RecurringMatcher.PreviousOccurrence"/>), -1 for none.</param>
    /// <param name="options">Priors and stopping rules; the position step is <paramref name="earlier"/>'s and is not re-estimated.</param>
    /// <param name="progress">Told after each outer iteration; may be null.</param>
    /// <param name="cancellationToken">Stops between iterations.</param>
    public static CalibrationRun Update(UnVotingData data, EarlierCalibration earlier, int firstYear, int lastYear, int[] previousOccurrence, CalibrationOptions options, IProgress<CalibrationProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(earlier);
        if (firstYear <= earlier.FirstYear || firstYear > earlier.LastYear + 1 || lastYear < firstYear)
        {
            throw new ArgumentOutOfRangeException(nameof(firstYear), firstYear, $"The refitted years must start after {earlier.FirstYear} and at most one year after {earlier.LastYear}, and end at or after their start.");
        }

        var bridges = data.MatchedPairs.Concat(RecurringMatcher.Pairs(previousOccurrence)).Distinct().ToArray();
        var input = data.ToInput(firstYear, lastYear, bridges, out var map);
        var fixedOptions = options with
        {
            PolarityMember = data.UnitIndex.GetValueOrDefault("USA", -1),
            EstimatePositionStep = false,
            PositionStepSd = earlier.PositionStepSd,
        };

        var members = MemberAnchors(data, earlier, firstYear);
        var partners = BridgePartners(data, earlier, firstYear, bridges, map, input.RollCallCount);
        var dataIndex = new int[input.RollCallCount];
        for (int r = 0; r < map.Length; r++)
        {
            if (map[r] >= 0)
            {
                dataIndex[map[r]] = r;
            }
        }

        var start = new CalibrationStart(
            (member, year) => earlier.States.TryGetValue((data.Units[member], firstYear + year), out var s) ? [.. s.State] : null,
            local => earlier.RollCalls.TryGetValue(data.RollCalls[dataIndex[local]].Id, out var p) ? p : null);
        // The overlap years keep the mean and spread they had in the earlier calibration (CalibrationAnchors).
        var overlap = earlier.States.Where(e => e.Key.Year >= firstYear && e.Key.Year <= earlier.LastYear && e.Value.Votes > 0).Select(e => e.Value.State[0]).ToArray();
        double overlapMean = overlap.Length > 1 ? overlap.Average() : 0;
        double overlapSd = overlap.Length > 1 ? Math.Sqrt(Math.Max(1e-12, overlap.Average(x => x * x) - (overlapMean * overlapMean))) : 1;
        var anchors = new CalibrationAnchors(members, partners, overlap.Length > 1 ? earlier.LastYear - firstYear + 1 : 0, overlapMean, overlapSd);
        var result = IdealPointEstimator.Fit(input, fixedOptions, progress, start, anchors, cancellationToken);

        // A full fit has mean 0 and standard deviation 1 over all its member-years with votes; the new years move
        // both, so the update re-scales to that convention over the kept and the refitted years together.
        var (mean, sd) = KeptAndRefittedMoments(data, earlier, firstYear, result);
        result.Rescale(mean, sd);
        return new CalibrationRun(data, firstYear, lastYear, map, input, result, fixedOptions) { Rescaling = (mean, sd) };
    }

    /// <summary>Each unit's anchor: its latest state in <paramref name="earlier"/> before the refitted years, or null.</summary>
    private static MemberAnchor?[] MemberAnchors(UnVotingData data, EarlierCalibration earlier, int firstYear)
    {
        var members = new MemberAnchor?[data.Units.Count];
        for (int u = 0; u < members.Length; u++)
        {
            for (int year = firstYear - 1; year >= earlier.FirstYear; year--)
            {
                if (earlier.States.TryGetValue((data.Units[u], year), out var s))
                {
                    members[u] = new MemberAnchor(year - firstYear, s.State, s.AbsenceRate, s.ThetaSe * s.ThetaSe);
                    break;
                }
            }
        }

        return members;
    }

    /// <summary>
    /// For each refitted roll call, the parameters in <paramref name="earlier"/> of the roll calls before
    /// <paramref name="firstYear"/> it is bridged to.
    /// </summary>
    private static List<RollCallParameters>[] BridgePartners(UnVotingData data, EarlierCalibration earlier, int firstYear, (int First, int Second)[] bridges, int[] map, int rollCallCount)
    {
        var partners = new List<RollCallParameters>[rollCallCount];
        for (int r = 0; r < partners.Length; r++)
        {
            partners[r] = [];
        }

        foreach (var (a, b) in bridges)
        {
            foreach (var (inside, outside) in new[] { (a, b), (b, a) })
            {
                if (map[inside] >= 0 && map[outside] < 0 && data.RollCalls[outside].Year < firstYear
                    && earlier.RollCalls.TryGetValue(data.RollCalls[outside].Id, out var fixedParameters)
                    && !partners[map[inside]].Contains(fixedParameters))
                {
                    partners[map[inside]].Add(fixedParameters);
                }
            }
        }

        return partners;
    }

    /// <summary>The mean and standard deviation of theta over the kept member-years with votes and the refitted ones.</summary>
    private static (double Mean, double Sd) KeptAndRefittedMoments(UnVotingData data, EarlierCalibration earlier, int firstYear, CalibrationResult result)
    {
        double sum = 0, sumSquares = 0;
        long n = 0;
        void Add(double x)
        {
            sum += x;
            sumSquares += x * x;
            n++;
        }

        foreach (var ((_, year), s) in earlier.States)
        {
            if (year < firstYear && s.Votes > 0)
            {
                Add(s.State[0]);
            }
        }

        for (int u = 0; u < data.Units.Count; u++)
        {
            var (first, count) = result.YearsOf(u);
            for (int t = first; t < first + count; t++)
            {
                if (result.VoteCounts[result.ChainOffset[u] + t - first] > 0)
                {
                    Add(result.ThetaValues[result.ChainOffset[u] + t - first]);
                }
            }
        }

        double mean = sum / n;
        double sd = Math.Sqrt(Math.Max(1e-12, (sumSquares / n) - (mean * mean)));
        return (mean, sd);
    }

    /// <summary>
    /// The affine map an update applied to reach the full fit's scale, x' = (x - Mean) / Sd (theta), offsets and
    /// standard errors divided by Sd, beta' = beta * Sd, tau' = tau - beta * Mean; the kept years of the earlier
    /// table take the same map. (0, 1) for a full fit.
    /// </summary>
    public (double Mean, double Sd) Rescaling { get; private init; } = (0, 1);

    /// <summary>
    /// The forecast of a unit's state in <paramref name="year"/> from the last fitted year: the random walk keeps
    /// the position and widens its variance by one step per year ahead. Null when the unit has no estimate.
    /// </summary>
    public MemberYearEstimate? LatestEstimate(int unit, out int yearsAhead, int year)
    {
        yearsAhead = 0;
        var (first, count) = Result.YearsOf(unit);
        if (count == 0)
        {
            return null;
        }

        int last = first + count - 1;
        yearsAhead = Math.Max(0, year - YearOf(last));
        return Result.Estimate(unit, last);
    }

    /// <summary>The calendar year of an estimator year index.</summary>
    public int YearOf(int yearIndex) => FirstYear + yearIndex;

    /// <summary>Counts of yes, abstain, no and absent per estimator roll call.</summary>
    public (int Yes, int Abstain, int No, int Absent)[] Counts()
    {
        var counts = new (int Yes, int Abstain, int No, int Absent)[Input.RollCallCount];
        var rollCalls = Input.RecordRollCall;
        var choices = Input.RecordChoice;
        for (int k = 0; k < rollCalls.Count; k++)
        {
            ref var c = ref counts[rollCalls[k]];
            switch (choices[k])
            {
                case VoteChoice.Yes: c.Yes++; break;
                case VoteChoice.Abstain: c.Abstain++; break;
                case VoteChoice.No: c.No++; break;
                default: c.Absent++; break;
            }
        }

        return counts;
    }

    /// <summary>
    /// Pearson correlation between this calibration's theta and the Bailey-Strezhnev-Voeten ideal point, per year
    /// (session) over the units that have both and voted that year.
    /// </summary>
    public IReadOnlyList<(int Year, int Units, double Correlation)> BsvCorrelations()
    {
        var rows = new List<(int, int, double)>();
        for (int year = FirstYear; year <= LastYear; year++)
        {
            int session = year - 1945;
            var pairs = new List<(double, double)>();
            for (int u = 0; u < Data.Units.Count; u++)
            {
                int t = year - FirstYear;
                if (Result.Has(u, t) && Data.BsvIdealPoints.TryGetValue((Data.Units[u], session), out double bsv))
                {
                    var e = Result.Estimate(u, t);
                    if (e.Votes > 0)
                    {
                        pairs.Add((e.Theta, bsv));
                    }
                }
            }

            if (pairs.Count >= 3)
            {
                rows.Add((year, pairs.Count, Correlation(pairs)));
            }
        }

        return rows;
    }

    private static double Correlation(List<(double A, double B)> pairs)
    {
        double ma = pairs.Average(p => p.A), mb = pairs.Average(p => p.B);
        double sab = 0, saa = 0, sbb = 0;
        foreach (var (a, b) in pairs)
        {
            sab += (a - ma) * (b - mb);
            saa += (a - ma) * (a - ma);
            sbb += (b - mb) * (b - mb);
        }

        return sab / Math.Sqrt(saa * sbb);
    }
}
