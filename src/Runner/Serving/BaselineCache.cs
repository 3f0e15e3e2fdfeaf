using StemSimulator.Engine.Simulation;

namespace StemSimulator.Runner.Serving;

/// <summary>
/// The recorded baselines of the last few scenarios what-ifs were asked of (<see cref="BaselineRecord"/>), by the
/// scenario's text and trials: a page trying one change after another on the same scenario simulates only the
/// change. Bounded by count and by the memory of the per-trial estimates; the least recently used goes first.
/// </summary>
internal sealed class BaselineCache
{
    /// <summary>Baselines kept at most.</summary>
    public const int Capacity = 4;

    /// <summary>
    /// Bytes of per-trial records kept at most: the estimate and the yes, no and absent counts of each vote and trial
    /// (<see cref="BaselineRecord.BytesPerVoteAndTrial"/>: a 100,000-trial vote takes 1.4 MB).
    /// </summary>
    public const long MaxBytes = 64L << 20;

    private readonly object _gate = new();
    private readonly LinkedList<(string Key, BaselineRecord Record)> _entries = new();

    /// <summary>The record kept for <paramref name="key"/>, or null.</summary>
    public BaselineRecord? Find(string key)
    {
        lock (_gate)
        {
            for (var node = _entries.First; node is not null; node = node.Next)
            {
                if (string.Equals(node.Value.Key, key, StringComparison.Ordinal))
                {
                    _entries.Remove(node);
                    _entries.AddFirst(node);
                    return node.Value.Record;
                }
            }

            return null;
        }
    }

    /// <summary>Keeps <paramref name="record"/> for <paramref name="key"/>, dropping the least recently used past the bounds.</summary>
    public void Add(string key, BaselineRecord record)
    {
        lock (_gate)
        {
            for (var node = _entries.First; node is not null; node = node.Next)
            {
                if (string.Equals(node.Value.Key, key, StringComparison.Ordinal))
                {
                    _entries.Remove(node);
                    break;
                }
            }

            _entries.AddFirst((key, record));
            while (_entries.Count > Capacity || (_entries.Count > 1 && _entries.Sum(e => Bytes(e.Record)) > MaxBytes))
            {
                _entries.RemoveLast();
            }
        }
    }

    private static long Bytes(BaselineRecord record) => record.Trials * record.Votes.Count * BaselineRecord.BytesPerVoteAndTrial;
}
