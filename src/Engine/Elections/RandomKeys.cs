namespace StemSimulator.Engine.Elections;

/// <summary>
/// Packs the coordinates of an election draw into the 32-bit index of <see cref="Randomness.CounterRandom"/>:
/// (ballot &lt;&lt; 16) | (a &lt;&lt; 8) | b with ballot &lt; 65536 and a, b &lt; 256. The election's stream and the
/// draw's purpose complete the key, so every draw is a pure function of (seed, trial, purpose, election, ballot,
/// member, candidate).
/// </summary>
internal static class RandomKeys
{
    public static int Of(int ballot, int a, int b) => (int)(((uint)ballot << 16) | ((uint)(byte)a << 8) | (byte)b);
}
