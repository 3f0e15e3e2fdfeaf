namespace StemSimulator.Runner.Infrastructure;

/// <summary>
/// An output stemsim refuses to replace, found only at the last moment (a file added to the target folder while the
/// command ran): reported as invalid input (exit 2), the target left as it was.
/// </summary>
internal sealed class OutputRefusedException : Exception
{
    public OutputRefusedException()
    {
    }

    public OutputRefusedException(string message)
        : base(message)
    {
    }

    public OutputRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
