using StemSimulator.Engine.Model;

namespace StemSimulator.Engine.Elections;

/// <summary>
/// A block of consecutive trials with the results of every variant's elections. Sinks receive blocks in trial
/// order; the buffers are reused once the sink returns, so a sink copies what it keeps.
/// </summary>
public sealed class ElectionTrialBlock
{
    private readonly ElectionTrialColumns[] _columns;
    private readonly int _elections;

    internal ElectionTrialBlock(int capacity, IReadOnlyList<VariantModel> variants)
    {
        Capacity = capacity;
        _elections = variants[0].Elections.Count;
        _columns = variants.SelectMany(v => v.Elections.Select(e => new ElectionTrialColumns(e, capacity))).ToArray();
    }

    /// <summary>Index of the first trial of the block, over the whole run.</summary>
    public long FirstTrial { get; internal set; }

    /// <summary>Number of trials in the block.</summary>
    public int Count { get; internal set; }

    /// <summary>Maximum number of trials per block.</summary>
    public int Capacity { get; }

    /// <summary>The columns of election <paramref name="election"/> in variant <paramref name="variant"/>.</summary>
    public ElectionTrialColumns this[int variant, int election] => _columns[(variant * _elections) + election];
}
