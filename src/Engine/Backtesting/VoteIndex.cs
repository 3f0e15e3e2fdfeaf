using StemSimulator.Engine.Calibration;
using StemSimulator.Engine.Rules;

namespace StemSimulator.Engine.Backtesting;

/// <summary>The records of the loaded data grouped by roll call: for each roll call, (unit, choice) in unit order.</summary>
internal sealed class VoteIndex
{
    private readonly int[] _start;
    private readonly int[] _units;
    private readonly VoteChoice[] _choices;

    public VoteIndex(UnVotingData data)
    {
        int n = data.RollCalls.Count;
        _start = new int[n + 1];
        foreach (int r in data.RecordRollCall)
        {
            _start[r + 1]++;
        }

        for (int r = 0; r < n; r++)
        {
            _start[r + 1] += _start[r];
        }

        var order = Enumerable.Range(0, data.RecordRollCall.Length)
            .OrderBy(k => data.RecordRollCall[k])
            .ThenBy(k => data.RecordUnit[k])
            .ToArray();
        _units = order.Select(k => data.RecordUnit[k]).ToArray();
        _choices = order.Select(k => data.RecordChoice[k]).ToArray();
    }

    /// <summary>The records of roll call <paramref name="rollCall"/>.</summary>
    public IEnumerable<(int Unit, VoteChoice Choice)> Of(int rollCall)
    {
        for (int k = _start[rollCall]; k < _start[rollCall + 1]; k++)
        {
            yield return (_units[k], _choices[k]);
        }
    }

    /// <summary>A present vote as an ordered category.</summary>
    public static OrdinalVote Ordinal(VoteChoice choice) => choice switch
    {
        VoteChoice.Yes => OrdinalVote.Yes,
        VoteChoice.Abstain => OrdinalVote.Abstain,
        VoteChoice.No => OrdinalVote.No,
        _ => throw new ArgumentOutOfRangeException(nameof(choice), choice, "An absence is not an ordered vote."),
    };
}
