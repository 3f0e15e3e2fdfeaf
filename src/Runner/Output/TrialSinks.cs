using StemSimulator.Engine.Simulation;

namespace StemSimulator.Runner.Output;

/// <summary>Hands every block to two sinks in turn, e.g. the trials and the members' votes of one run.</summary>
/// <param name="first">Takes each block first.</param>
/// <param name="second">Takes it next, before the block's buffers are reused.</param>
internal sealed class TrialSinks(ITrialBlockSink first, ITrialBlockSink second) : ITrialBlockSink
{
    /// <inheritdoc/>
    public void Write(TrialBlock block)
    {
        first.Write(block);
        second.Write(block);
    }
}
