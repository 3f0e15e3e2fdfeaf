namespace StemSimulator.Scenarios.Document;

/// <summary>How P(adopted) is estimated, as written in a scenario.</summary>
public enum EstimatorName
{
    /// <summary>Share of trials whose sampled votes adopt.</summary>
    Sampled,

    /// <summary>Mean of the exact conditional probability per trial (the Council always uses it).</summary>
    Exact,

    /// <summary>The one with the smaller error for the same computing time, chosen by a pilot run (the default).</summary>
    Auto,
}
