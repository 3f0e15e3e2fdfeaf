namespace StemSimulator.Runner.Infrastructure;

/// <summary>The process exit codes of <c>stemsim</c>.</summary>
internal static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Success = 0;

    /// <summary>A runtime failure (disk full, a bug): not the user's input.</summary>
    public const int RuntimeFailure = 1;

    /// <summary>Invalid input: a scenario error, a bad option, an existing output folder.</summary>
    public const int InvalidInput = 2;

    /// <summary>Interrupted (Ctrl+C or SIGTERM); nothing was written.</summary>
    public const int Interrupted = 130;
}
