namespace StemSimulator.Engine.Elections;

/// <summary>
/// The per-trial results of one election in one variant for a block of trials, one row per trial and seat group
/// (row index = trial row * groups + group).
/// </summary>
public sealed class ElectionTrialColumns
{
    internal ElectionTrialColumns(ElectionModel election, int capacity)
    {
        Election = election;
        Groups = election.SeatGroups.Count;
        MaxSeats = election.SeatGroups.Max(g => g.Seats);
        int rows = capacity * Groups;
        Rounds = new int[rows];
        Capped = new bool[rows];
        Unfilled = new int[rows];
        Elected = new int[rows * MaxSeats];
        Withdrawn = new ulong[rows];
        Tally = new ElectionTally(election);
    }

    /// <summary>The election.</summary>
    public ElectionModel Election { get; }

    /// <summary>Seat groups per trial.</summary>
    public int Groups { get; }

    /// <summary>Largest number of seats of a seat group: the stride of <see cref="Elected"/>.</summary>
    public int MaxSeats { get; }

    /// <summary>Ballots held per row.</summary>
    public int[] Rounds { get; }

    /// <summary>Whether the round cap stopped the row's balloting.</summary>
    public bool[] Capped { get; }

    /// <summary>Seats left open per row.</summary>
    public int[] Unfilled { get; }

    /// <summary>Elected candidates (indices in <see cref="ElectionModel.Candidates"/>) per row in order of election, at [row * MaxSeats + k]; -1 past the last.</summary>
    public int[] Elected { get; }

    /// <summary>Bit c set when candidate c withdrew, per row.</summary>
    public ulong[] Withdrawn { get; }

    /// <summary>The block's counts.</summary>
    public ElectionTally Tally { get; }
}
