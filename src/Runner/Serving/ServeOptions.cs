using System.Globalization;

namespace StemSimulator.Runner.Serving;

/// <summary>
/// How <c>stemsim serve</c> listens and what it accepts. The defaults are the documented limits (docs/serve.md);
/// tests narrow them to reach each refusal quickly.
/// </summary>
internal sealed record ServeOptions
{
    /// <summary>The address to listen on: an IP address or <c>localhost</c>. Only a loopback address unless <see cref="AllowRemote"/>.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>The TCP port, 0 to 65,535 (0: any free port, the one taken is printed).</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>Whether a non-loopback <see cref="Host"/> was explicitly allowed.</summary>
    public bool AllowRemote { get; init; }

    /// <summary>Largest request body accepted, in bytes; a larger one is refused with 413.</summary>
    public long MaxBodyBytes { get; init; } = 2L << 20;

    /// <summary>Most trials a scenario run by the server may ask for (1 to <see cref="Scenarios.Compilation.ScenarioLimits.MaxTrials"/>).</summary>
    public long MaxTrials { get; init; } = 1_000_000;

    /// <summary>Most trials x variants x votes one request may simulate.</summary>
    public long MaxWork { get; init; } = 4_000_000;

    /// <summary>
    /// Most trials x variants x elections one request may simulate: an election trial holds ballot after ballot of
    /// every member, far more work than a vote's trial.
    /// </summary>
    public long MaxElectionWork { get; init; } = 200_000;

    /// <summary>Simulations running at once (at least 1); the rest wait in a queue of <see cref="QueuedRuns"/>.</summary>
    public int ConcurrentRuns { get; init; } = 2;

    /// <summary>Simulations waiting for a turn (0 or more); one more is refused with 429.</summary>
    public int QueuedRuns { get; init; } = 2;

    /// <summary>Longest a request may take; a slower one is stopped (its simulation cancelled) and answered with 408.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Worker threads per simulation (at least 1); the results do not depend on it.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>The port used when none is given.</summary>
    public const int DefaultPort = 5170;

    /// <summary>The limits in one line, as the README and the start-up message give them.</summary>
    public string DescribeLimits() => string.Create(CultureInfo.InvariantCulture,
        $"bodies up to {MaxBodyBytes / 1024:N0} KiB, at most {MaxTrials:N0} trials and {MaxWork:N0} trials x variants x votes ({MaxElectionWork:N0} x elections) a request, {ConcurrentRuns} simulations at once with {QueuedRuns} waiting, {Timeout.TotalSeconds:0} s a request");
}
