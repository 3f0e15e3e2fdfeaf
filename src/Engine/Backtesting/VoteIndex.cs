using StemSimulator.Engine.Calibration;
using StemSimulator.Engine.Rules;

namespace StemSimulator.Engine.Backtesting;

/// <summary>The records of the loaded data grouped by roll call: for each roll call, (unit, choice) in unit order.</summary>
public sealed class VoteIndex
{
    private readonly int[] _start;
    private readonly int[] _units;
    private readonly VoteChoice[] _choices;

    /// <summary>Indexes every record of <paramref name="data"/> by its roll call.</summary>
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

        if (InOrder(data))
        {
            // The loader's records are already by roll call and unit: the sort would be the identity.
            _units = [.. data.RecordUnit];
            _choices = [.. data.RecordChoice];
            return;
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

    /// <summary>Whether the records are ordered by roll call, then unit, with no pair twice.</summary>
    private static bool InOrder(UnVotingData data)
    {
        for (int k = 1; k < data.RecordRollCall.Length; k++)
        {
            int byRollCall = data.RecordRollCall[k].CompareTo(data.RecordRollCall[k - 1]);
            if (byRollCall < 0 || (byRollCall == 0 && data.RecordUnit[k] <= data.RecordUnit[k - 1]))
            {
                return false;
            }
        }

        return true;
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
