using StemSimulator.Engine.Calibration;
using StemSimulator.Engine.Rules;

namespace StemSimulator.Runner.Calibration;

/// <summary>
/// The voting units and votes read so far by <see cref="UnVotingDataLoader"/>: units numbered in the order their first
/// usable row is read (a row passed over by an update still numbers its unit, so the numbering is a full load's), and
/// each roll call's votes and absences keyed by (roll call &lt;&lt; 20 | unit).
/// </summary>
internal sealed class LoadedVotes
{
    private readonly List<string> _units = [];
    private readonly Dictionary<string, int> _unitIndex = new(StringComparer.Ordinal);

    /// <summary>(roll call &lt;&lt; 20 | unit) to choice; votes first, absences after.</summary>
    public Dictionary<long, VoteChoice> Choices { get; } = [];

    /// <summary>Keys of the votes read from rows an update passed over, so a second vote on one is still reported.</summary>
    public PairSet PassedOver { get; } = new();

    /// <summary>The index of unit <paramref name="code"/>, numbering it when new.</summary>
    public int Unit(string code)
    {
        if (!_unitIndex.TryGetValue(code, out int index))
        {
            index = _units.Count;
            _units.Add(code);
            _unitIndex[code] = index;
        }

        return index;
    }

    /// <summary>The key of unit <paramref name="unit"/>'s vote on roll call <paramref name="rollCall"/>.</summary>
    public static long Key(int rollCall, int unit) => ((long)rollCall << 20) | (uint)unit;

    /// <summary>Adds a vote read in full; false when the unit already voted on that roll call.</summary>
    public bool TryAdd(int rollCall, int unit, VoteChoice choice)
    {
        return !PassedOver.Contains(rollCall, unit) && Choices.TryAdd(Key(rollCall, unit), choice);
    }

    /// <summary>
    /// The data: every vote whose roll call <paramref name="keep"/> accepts, in order of roll call and unit.
    /// </summary>
    public UnVotingData ToData(List<RollCallInfo> rollCalls, Func<int, bool> keep, List<(int, int)> matched, Dictionary<(string, int), double> bsv, DataProblems problems)
    {
        var keys = Choices.Keys.Where(k => keep((int)(k >> 20))).Order().ToArray();
        var recordUnit = new int[keys.Length];
        var recordRollCall = new int[keys.Length];
        var recordChoice = new VoteChoice[keys.Length];
        for (int k = 0; k < keys.Length; k++)
        {
            recordRollCall[k] = (int)(keys[k] >> 20);
            recordUnit[k] = (int)(keys[k] & 0xFFFFF);
            recordChoice[k] = Choices[keys[k]];
        }

        return new UnVotingData(rollCalls, _units, recordUnit, recordRollCall, recordChoice, matched, bsv, problems);
    }
}
