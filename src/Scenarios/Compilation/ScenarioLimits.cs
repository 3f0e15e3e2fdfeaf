namespace StemSimulator.Scenarios.Compilation;

/// <summary>
/// Sizes a scenario may not exceed. They protect the machine, not the model: each is far above any real question
/// (the shipped scenarios have at most 3 votes, 3 variants and 1 election), and each gives a clear message instead
/// of a run that exhausts memory or disk.
/// </summary>
public static class ScenarioLimits
{
    /// <summary>Trials of one run (the scenario's <c>trials:</c> or <c>--trials</c>), at least 1.</summary>
    public const long MaxTrials = 100_000_000;

    /// <summary>Votes in one scenario: every vote is simulated in every trial of every variant.</summary>
    public const int MaxVotes = 500;

    /// <summary>What-if variants besides the baseline: each repeats every vote and election.</summary>
    public const int MaxVariants = 100;

    /// <summary>Elections in one scenario (each may take up to 10,000 ballots per trial).</summary>
    public const int MaxElections = 50;

    /// <summary>
    /// Rows of trials/ (trials x variants x votes): a billion rows is some 10 GB on disk and an hour of work;
    /// beyond it, split the run into shards on several machines or ask fewer trials.
    /// </summary>
    public const long MaxTrialRows = 1_000_000_000;
}
