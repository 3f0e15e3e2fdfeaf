using StemSimulator.Engine.Rules;

namespace StemSimulator.Engine.Calibration;

/// <summary>
/// The General Assembly's recorded votes as one table: roll calls, voting units (states, including historical ones
/// such as the German Democratic Republic), one record per unit and roll call it was expected at (yes, abstain, no or
/// absent), the bridges between roll calls repeating a resolution, and the Bailey-Strezhnev-Voeten ideal points
/// for comparison. Built by <c>UnVotingDataLoader</c> (Runner).
/// </summary>
public sealed class UnVotingData
{
    /// <summary>The table from its columns; the record arrays are parallel (one entry per record).</summary>
    public UnVotingData(
        IReadOnlyList<RollCallInfo> rollCalls,
        IReadOnlyList<string> units,
        int[] recordUnit,
        int[] recordRollCall,
        VoteChoice[] recordChoice,
        IReadOnlyList<(int First, int Second)> matchedPairs,
        IReadOnlyDictionary<(string Unit, int Session), double> bsvIdealPoints,
        DataProblems problems)
    {
        RollCalls = rollCalls;
        Units = units;
        RecordUnit = recordUnit;
        RecordRollCall = recordRollCall;
        RecordChoice = recordChoice;
        MatchedPairs = matchedPairs;
        BsvIdealPoints = bsvIdealPoints;
        Problems = problems;
        UnitIndex = units.Select((u, i) => (u, i)).ToDictionary(x => x.u, x => x.i, StringComparer.Ordinal);
    }

    /// <summary>Every roll call, in data order (the index the records refer to).</summary>
    public IReadOnlyList<RollCallInfo> RollCalls { get; }

    /// <summary>Unit codes: ISO3 for today's members, historical codes (CSK, DDR, YMD, YUG, TWN, ZZB) otherwise.</summary>
    public IReadOnlyList<string> Units { get; }

    /// <summary>Unit code -> index in <see cref="Units"/>.</summary>
    public IReadOnlyDictionary<string, int> UnitIndex { get; }

    /// <summary>Per record: the unit's index in <see cref="Units"/>.</summary>
    public int[] RecordUnit { get; }

    /// <summary>Per record: the roll call's index in <see cref="RollCalls"/>.</summary>
    public int[] RecordRollCall { get; }

    /// <summary>Per record: yes, abstain, no or absent.</summary>
    public VoteChoice[] RecordChoice { get; }

    /// <summary>Voeten's matched pairs of roll calls (Matches.csv), as roll-call indices.</summary>
    public IReadOnlyList<(int First, int Second)> MatchedPairs { get; }

    /// <summary>Bailey-Strezhnev-Voeten ideal point per unit and session (sessions 1-74).</summary>
    public IReadOnlyDictionary<(string Unit, int Session), double> BsvIdealPoints { get; }

    /// <summary>The unusable rows met while reading, with file and line.</summary>
    public DataProblems Problems { get; }

    /// <summary>First and last calibration year (1945 + session) in the data.</summary>
    public (int First, int Last) YearRange => (RollCalls.Min(r => r.Year), RollCalls.Max(r => r.Year));

    /// <summary>
    /// The estimator's input for the roll calls of years <paramref name="firstYear"/> to <paramref name="lastYear"/>:
    /// year index = calendar year - firstYear; bridges are the matched pairs and the title-matched repeats, both
    /// within the window.
    /// </summary>
    public CalibrationInput ToInput(int firstYear, int lastYear, IReadOnlyList<(int First, int Second)> bridges, out int[] rollCallMap)
    {
        rollCallMap = new int[RollCalls.Count];
        var years = new List<int>();
        var issues = new List<byte>();
        for (int r = 0; r < RollCalls.Count; r++)
        {
            var rc = RollCalls[r];
            if (rc.Year >= firstYear && rc.Year <= lastYear)
            {
                rollCallMap[r] = years.Count;
                years.Add(rc.Year - firstYear);
                issues.Add(rc.Issues);
            }
            else
            {
                rollCallMap[r] = -1;
            }
        }

        var map = rollCallMap;
        var keep = Enumerable.Range(0, RecordUnit.Length).Where(k => map[RecordRollCall[k]] >= 0).ToArray();
        var pairs = bridges
            .Where(b => map[b.First] >= 0 && map[b.Second] >= 0)
            .Select(b => (map[b.First], map[b.Second]))
            .Distinct()
            .ToArray();
        return new CalibrationInput(
            Units.Count,
            lastYear - firstYear + 1,
            IssueArea.All.Count,
            years.ToArray(),
            issues.ToArray(),
            keep.Select(k => RecordUnit[k]).ToArray(),
            keep.Select(k => map[RecordRollCall[k]]).ToArray(),
            keep.Select(k => RecordChoice[k]).ToArray(),
            pairs);
    }
}
