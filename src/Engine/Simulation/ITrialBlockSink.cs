namespace StemSimulator.Engine.Simulation;

/// <summary>Receives blocks of trial results in trial order, on one thread at a time.</summary>
public interface ITrialBlockSink
{
    /// <summary>Takes one block. The block's buffers are reused after the call returns.</summary>
    void Write(TrialBlock block);
}
