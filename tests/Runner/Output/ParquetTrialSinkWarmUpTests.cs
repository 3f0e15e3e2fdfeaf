using StemSimulator.Runner.Output;

namespace StemSimulator.Tests.Runner.Output;

public sealed class ParquetTrialSinkWarmUpTests
{
    /// <summary>
    /// The sink's vector widening must be compiled fully optimised from its first call and found by the warm-up; its
    /// plain per-row copies must not be, so that the Release build's ReadyToRun image holds them (a method marked for
    /// full optimisation is never precompiled; bench/README.md, "Cold start, eighth round"). The warm-up must write its
    /// small table without failing, or the runner's preloading stops there.
    /// </summary>
    [Test]
    public void Only_the_vector_widening_is_compiled_at_first_call_and_the_writer_warms_up()
    {
        var names = ParquetTrialSink.HotMethods.Select(m => m.Name).ToArray();

        Assert.That(names, Is.EqualTo(new[] { "Widen" }));
        Assert.DoesNotThrowAsync(ParquetTrialSink.WarmUpAsync);
    }
}
