using System.Runtime.InteropServices;
using StemSimulator.Runner.Output;

namespace StemSimulator.Runner.Infrastructure;

/// <summary>
/// Ctrl+C (SIGINT) and SIGTERM: cancel the running command, and if it has not unwound within
/// <see cref="Grace"/>, remove its temporary outputs and end the process, so that an interrupted run always stops
/// within a second, leaves nothing half-written and exits with 130.
/// </summary>
/// <remarks>
/// System.CommandLine's own handler exits with 130 for SIGINT but 143 for SIGTERM and leaves temporary folders when
/// the command is slow to unwind (a Parquet writer flushing a row group), so the tool handles the signals itself.
/// </remarks>
internal sealed class Interruption : IDisposable
{
    /// <summary>How long the command may take to unwind on its own before the process is ended.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMilliseconds(700);

    private readonly CancellationTokenSource _cancellation = new();
    private readonly PosixSignalRegistration[] _registrations;
    private readonly TextWriter _error;
    private int _signalled;

    public Interruption(TextWriter error)
    {
        _error = error;
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
        ];
    }

    /// <summary>Cancelled at the first signal.</summary>
    public CancellationToken Token => _cancellation.Token;

    /// <summary>Whether a signal arrived.</summary>
    public bool Signalled => Volatile.Read(ref _signalled) != 0;

    private void OnSignal(PosixSignalContext context)
    {
        // Keep the process alive: the command unwinds, or the watchdog below ends it.
        context.Cancel = true;
        if (Interlocked.Exchange(ref _signalled, 1) != 0)
        {
            return;
        }

        _cancellation.Cancel();
        var watchdog = new Thread(() =>
        {
            Thread.Sleep(Grace);
            TemporaryOutputs.RemoveAll();
            _error.WriteLine("Interrupted; nothing was written.");
            _error.Flush();
            Environment.Exit(ExitCodes.Interrupted);
        })
        {
            IsBackground = true,
            Name = "stemsim interruption watchdog",
        };
        watchdog.Start();
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _cancellation.Dispose();
    }
}
