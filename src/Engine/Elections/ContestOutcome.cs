namespace StemSimulator.Engine.Elections;

/// <summary>What happened in one seat group in one trial (scratch owned by a <see cref="SeatGroupContest"/>).</summary>
internal sealed class ContestOutcome(int capacity)
{
    /// <summary>Ballots held.</summary>
    public int Rounds { get; set; }

    /// <summary>Whether the round cap stopped the balloting with seats still open.</summary>
    public bool Capped { get; set; }

    /// <summary>Seats left open (by the cap, or because no candidate was left).</summary>
    public int Unfilled { get; set; }

    /// <summary>Elected candidates (indices local to the seat group) in the order they were elected; the first <see cref="ElectedCount"/> are set.</summary>
    public int[] Elected { get; } = new int[capacity];

    /// <summary>Number of elected candidates.</summary>
    public int ElectedCount { get; set; }

    /// <summary>The ballot that elected each candidate (local index), 0 when not elected.</summary>
    public int[] ElectedBallot { get; } = new int[capacity];

    /// <summary>Whether each candidate (local index) withdrew.</summary>
    public bool[] Withdrawn { get; } = new bool[capacity];
}
