using StemSimulator.Engine.Simulation;
using StemSimulator.Runner.Output;
using StemSimulator.Scenarios.Reference;

namespace StemSimulator.Runner.Running;

/// <summary>
/// Work that a command is certain to need whatever its arguments, started on the thread pool as the process starts:
/// the second core parses the embedded reference data (and, for <c>run</c>, compiles the simulation kernel and the trial
/// table's writer) while the first starts the host, parses the command line and loads the scenario,
/// instead of both waiting their turn on one core.
/// </summary>
/// <remarks>
/// Nothing here changes a result: the reference catalog, the kernel's code and the writer's are built once, thread-safely,
/// by whichever thread asks first, and the command's own first use waits for the same object (or sees the same
/// exception, which its usual error handling reports). A command not listed starts nothing.
/// </remarks>
internal static class Preloading
{
    /// <summary>Starts the preloading for the command named by the first argument, if it needs any.</summary>
    /// <param name="args">The process's arguments, as given.</param>
    public static void Start(IReadOnlyList<string> args)
    {
        switch (args.Count > 0 ? args[0] : null)
        {
            case "run":
                _ = Task.Run(static () =>
                {
                    _ = ReferenceCatalog.Embedded;
                    // The kernel first: it is needed as soon as the scenario is loaded.
                    KernelWarmUp.Compile();
                    // Then the trial table's writer, whose first row group comes a fraction of a second into the simulation.
                    ParquetTrialSink.WarmUpAsync().GetAwaiter().GetResult();
                });
                break;
            case "validate" or "members" or "analogs" or "lobby":
                _ = Task.Run(static () => ReferenceCatalog.Embedded);
                break;
        }
    }
}
