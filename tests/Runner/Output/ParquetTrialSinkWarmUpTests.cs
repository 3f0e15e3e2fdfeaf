using StemSimulator.Runner.Output;

namespace StemSimulator.Tests.Runner.Output;

public sealed class ParquetTrialSinkWarmUpTests
{
    /// <summary>
    /// The sink's per-row copies must be compiled fully optimised from their first call and found by the warm-up (bench/README.md,
    /// "Cold start, third round"), and the warm-up must write its small table without failing, or the runner's preloading
    /// stops before the statistics file's serializer.
    /// </summary>
    [Test]
    public void The_row_copies_are_hot_and_the_writer_warms_up()
    {
        var names = ParquetTrialSink.HotMethods.Select(m => m.Name).ToArray();

        Assert.That(names, Is.SupersetOf(new[] { "Write", "Append", "AppendCounts", "AppendVetoes", "AppendExact", "AppendPaths", "AppendDebates", "Widen" }));
        Assert.DoesNotThrowAsync(ParquetTrialSink.WarmUpAsync);
    }
}
