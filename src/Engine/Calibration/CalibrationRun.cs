using StemSimulator.Engine.Calibration;
using StemSimulator.Engine.Rules;

namespace StemSimulator.Engine.Calibration;

/// <summary>
/// One calibration of the loaded data on the years <see cref="FirstYear"/> to <see cref="LastYear"/>: the estimator's
/// result with the maps between the data's roll calls and the estimator's indices.
/// </summary>
internal sealed class CalibrationRun
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

    public UnVotingData Data { get; }

    public int FirstYear { get; }

    public int LastYear { get; }

    /// <summary>Data roll-call index -> estimator index, or -1 outside the window.</summary>
    public int[] RollCallMap { get; }

    public CalibrationInput Input { get; }

    public CalibrationResult Result { get; }

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

        var result = IdealPointEstimator.Fit(input, withPolarity, progress, start, cancellationToken);
        return new CalibrationRun(data, firstYear, lastYear, map, input, result, withPolarity);
    }

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
