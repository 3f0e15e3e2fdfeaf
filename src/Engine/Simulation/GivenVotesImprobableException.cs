namespace StemSimulator.Engine.Simulation;

/// <summary>
/// A trial found no draw of its shared quantities compatible with the announced votes in
/// <see cref="GivenPlan.MaxAttempts"/> attempts: under the model the announcements are nearly impossible (their
/// probability is of the order of 1 / MaxAttempts or less), so the conditioned run cannot be trusted or finished.
/// </summary>
public sealed class GivenVotesImprobableException : Exception
{
    public GivenVotesImprobableException()
    {
    }

    public GivenVotesImprobableException(string message)
        : base(message)
    {
    }

    public GivenVotesImprobableException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>The variant whose announced votes failed.</summary>
    public string Variant { get; init; } = string.Empty;

    /// <summary>The votes with announced votes in that variant.</summary>
    public IReadOnlyList<string> Votes { get; init; } = [];
}
