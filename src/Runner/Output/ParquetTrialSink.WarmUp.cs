using System.Reflection;
using System.Runtime.CompilerServices;
using Parquet;

namespace StemSimulator.Runner.Output;

/// <summary>The trial table's writer, compiled before a run needs it.</summary>
internal sealed partial class ParquetTrialSink
{
    /// <summary>Rows of the warm-up row group: enough for every column to hold values and nulls.</summary>
    private const int WarmUpRows = 64;

    /// <summary>The sink's methods marked to be compiled fully optimised at their first call (the vector widening of the counts).</summary>
    internal static IReadOnlyList<MethodInfo> HotMethods { get; } = typeof(ParquetTrialSink)
        .GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
        .Where(m => m.MethodImplementationFlags.HasFlag(MethodImplAttributes.AggressiveOptimization))
        .ToArray();

    /// <summary>
    /// Compiles the sink's <see cref="HotMethods"/>, then writes a small trial table into memory
    /// and discards it, so that a thread with nothing else to do (the runner's
    /// preloading, while the scenario loads) compiles Parquet.Net's writer for this table's column types before the
    /// run's first row group does.
    /// </summary>
    /// <remarks>
    /// The writer's generic code over the table's value types is in no precompiled image, so the first row group of
    /// a run compiled a few hundred methods on the thread that consumes the simulation's blocks, while the workers
    /// filled the last free buffers of their ring and then waited. Nothing is shared with the run's own writer but
    /// the compiled code and Parquet.Net's buffer pools, so the run's file is the same.
    /// </remarks>
    public static async Task WarmUpAsync()
    {
        foreach (var method in HotMethods)
        {
            RuntimeHelpers.PrepareMethod(method.MethodHandle);
        }

        var rows = new TrialRows(WarmUpRows);
        var text = "warm-up".AsMemory();
        rows.Variant.AsSpan().Fill(text);
        rows.VoteId.AsSpan().Fill(text);
        for (int r = 0; r < WarmUpRows; r++)
        {
            // Every other row null, as a run's optional columns are mostly null, or a value.
            if (r % 2 == 0)
            {
                rows.VetoedBy.Set(r, text);
                rows.VetoDecisive.Set(r, true);
                rows.ExactProbability.Set(r, 0.5);
                rows.Path.Set(r, text);
                rows.DebateWorkingDay.Set(r, 1);
                rows.DebateDate.Set(r, new DateOnly(2026, 1, 1));
            }
            else
            {
                rows.VetoedBy.Null(r);
                rows.VetoDecisive.Null(r);
                rows.ExactProbability.Null(r);
                rows.Path.Null(r);
                rows.DebateWorkingDay.Null(r);
                rows.DebateDate.Null(r);
            }

            rows.Trial[r] = r;
            rows.Yes[r] = r;
            rows.Year[r] = 2026;
        }

        rows.Advance(WarmUpRows);
        using var stream = new MemoryStream();
        await using var writer = await ParquetWriter.CreateAsync(Schema, stream, Options, false, CancellationToken.None).ConfigureAwait(false);
        writer.CustomMetadata = new Dictionary<string, string> { ["warm-up"] = "true" };
        await WriteRowGroupAsync(writer, rows, CancellationToken.None).ConfigureAwait(false);
    }
}
