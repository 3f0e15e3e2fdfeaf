namespace StemSimulator.Engine.Elections;

/// <summary>Where a seat group's ballots are cast: the simulation's members, or hand-built ballots in tests.</summary>
internal interface IBallotBox
{
    /// <summary>
    /// Casts ballot <paramref name="ballot"/> (1-based): every member names at most <paramref name="openSeats"/>
    /// candidates among those marked <paramref name="eligible"/> (indices local to the seat group); writes the votes
    /// per candidate into <paramref name="votes"/> and returns how the members took part.
    /// </summary>
    BallotCount Cast(int ballot, ReadOnlySpan<bool> eligible, int openSeats, Span<int> votes);
}
