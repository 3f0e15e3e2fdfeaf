namespace StemSimulator.Engine.Simulation;

/// <summary>
/// A block of consecutive trials with the results of every variant and vote. Sinks receive blocks in trial
/// order; the buffers are reused once the sink returns, so a sink copies what it keeps.
/// </summary>
public sealed class TrialBlock
{
    private readonly VoteTrialColumns[] _columns;
    private readonly int _votes;

    internal TrialBlock(int capacity, int variants, int votes, Func<int, int, int> participants, Func<int, int, int>? choices = null)
    {
        Capacity = capacity;
        _votes = votes;
        _columns = new VoteTrialColumns[variants * votes];
        GivenDraws = new long[variants];
        for (int v = 0; v < variants; v++)
        {
            for (int j = 0; j < votes; j++)
            {
                _columns[(v * votes) + j] = choices is null
                    ? new VoteTrialColumns(capacity, participants(v, j))
                    : new VoteTrialColumns(capacity, participants(v, j), choices(v, j), choices: true);
            }
        }
    }

    /// <summary>Index of the first trial of the block, over the whole run.</summary>
    public long FirstTrial { get; internal set; }

    /// <summary>Number of trials in the block (at most <see cref="Capacity"/>).</summary>
    public int Count { get; internal set; }

    /// <summary>
    /// Per variant conditioned on announced votes: the draws of the trials' shared quantities made to accept this
    /// block's trials (at least <see cref="Count"/>); 0 for a variant without announced votes.
    /// </summary>
    public long[] GivenDraws { get; }

    /// <summary>Maximum number of trials per block.</summary>
    public int Capacity { get; }

    /// <summary>The columns of vote <paramref name="vote"/> in variant <paramref name="variant"/>.</summary>
    public VoteTrialColumns this[int variant, int vote] => _columns[(variant * _votes) + vote];
}
