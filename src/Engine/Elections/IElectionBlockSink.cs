namespace StemSimulator.Engine.Elections;

/// <summary>Receives blocks of election trials in trial order (for example the Parquet writer).</summary>
public interface IElectionBlockSink
{
    /// <summary>Handles one block; the block's buffers are reused after the call returns.</summary>
    void Write(ElectionTrialBlock block);
}
