namespace StemSimulator.Tests.Support;

/// <summary>A clock the test moves by hand: fixed UTC time and a timestamp that advances only on <see cref="Advance"/>.</summary>
internal sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    private long _ticks;

    public override DateTimeOffset GetUtcNow() => now + TimeSpan.FromTicks(_ticks);

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => _ticks;

    public void Advance(TimeSpan by) => _ticks += by.Ticks;
}
