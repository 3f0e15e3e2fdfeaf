using StemSimulator.Engine.Rules;

namespace StemSimulator.Engine.Drift;

/// <summary>
/// How blocs hold together in the simulated Assembly votes of each year, and how often each member votes with the
/// reference bloc's majority (the EU), as integer counts over votes and trials (so workers and shards add up exactly).
/// </summary>
/// <remarks>
/// <para>Per vote and trial, a bloc's majority is the choice (yes, abstain or no) most of its present members make;
/// with a tie, or no member present, the bloc has no majority and is not counted. Absent members (and members without
/// a vote under Art. 19) are left out throughout.</para>
/// <para>Cohesion of bloc b in year y: C_by = sum W / sum P over the year's Assembly votes and the trials, W the
/// members voting with the majority and P the members present, where the bloc has a majority.</para>
/// <para>Agreement of member i with the reference majority in year y: A_iy = sum 1{choice_i = majority} / sum 1 over
/// the votes and trials in which i is present and the reference bloc has a majority (the reference's own members
/// included).</para>
/// </remarks>
public sealed class CohesionStatistics
{
    /// <summary>Creates empty counts.</summary>
    /// <param name="years">Years of the drift path.</param>
    /// <param name="blocs">Blocs counted.</param>
    /// <param name="members">Roster members.</param>
    public CohesionStatistics(int years, int blocs, int members)
    {
        Years = years;
        Blocs = blocs;
        Members = members;
        WithMajority = new long[years * blocs];
        Present = new long[years * blocs];
        Counted = new long[years * blocs];
        Agreements = new long[years * members];
        Comparisons = new long[years * members];
    }

    /// <summary>Years of the path.</summary>
    public int Years { get; }

    /// <summary>Blocs counted.</summary>
    public int Blocs { get; }

    /// <summary>Roster members.</summary>
    public int Members { get; }

    /// <summary>Members voting with their bloc's majority, index year * Blocs + bloc.</summary>
    public long[] WithMajority { get; }

    /// <summary>Members present where their bloc had a majority, index year * Blocs + bloc.</summary>
    public long[] Present { get; }

    /// <summary>Votes and trials in which the bloc had a majority, index year * Blocs + bloc.</summary>
    public long[] Counted { get; }

    /// <summary>Votes of a member matching the reference majority, index year * Members + member.</summary>
    public long[] Agreements { get; }

    /// <summary>Votes of a member present when the reference bloc had a majority, index year * Members + member.</summary>
    public long[] Comparisons { get; }

    /// <summary>C_by, the cohesion of bloc <paramref name="bloc"/> in year index <paramref name="year"/>; NaN when never counted.</summary>
    public double Cohesion(int year, int bloc)
    {
        long present = Present[(year * Blocs) + bloc];
        return present == 0 ? double.NaN : WithMajority[(year * Blocs) + bloc] / (double)present;
    }

    /// <summary>A_iy, member <paramref name="member"/>'s agreement with the reference majority in year index <paramref name="year"/>; NaN when never compared.</summary>
    public double Agreement(int year, int member)
    {
        long compared = Comparisons[(year * Members) + member];
        return compared == 0 ? double.NaN : Agreements[(year * Members) + member] / (double)compared;
    }

    /// <summary>
    /// Counts one vote of one trial in year index <paramref name="year"/>.
    /// </summary>
    /// <param name="year">Year index in the drift path.</param>
    /// <param name="choices">Per participant, the code of its <see cref="VoteChoice"/>.</param>
    /// <param name="roster">Per participant, its roster index.</param>
    /// <param name="blocParticipants">Per bloc, the participants (indices into <paramref name="choices"/>) that are its members this year.</param>
    /// <param name="reference">The reference bloc's index, or -1.</param>
    public void Count(int year, ReadOnlySpan<long> choices, ReadOnlySpan<int> roster, IReadOnlyList<int[]> blocParticipants, int reference)
    {
        var referenceMajority = VoteChoice.Absent;
        for (int b = 0; b < Blocs; b++)
        {
            var majority = Majority(choices, blocParticipants[b], out int present, out int with);
            if (majority == VoteChoice.Absent)
            {
                continue;
            }

            int at = (year * Blocs) + b;
            WithMajority[at] += with;
            Present[at] += present;
            Counted[at]++;
            if (b == reference)
            {
                referenceMajority = majority;
            }
        }

        if (referenceMajority == VoteChoice.Absent)
        {
            return;
        }

        for (int i = 0; i < roster.Length; i++)
        {
            if (choices[i] != (long)VoteChoice.Absent)
            {
                int at = (year * Members) + roster[i];
                Comparisons[at]++;
                if (choices[i] == (long)referenceMajority)
                {
                    Agreements[at]++;
                }
            }
        }
    }

    /// <summary>Adds another worker's or shard's counts.</summary>
    public void Add(CohesionStatistics other)
    {
        ArgumentNullException.ThrowIfNull(other);
        AddTo(WithMajority, other.WithMajority);
        AddTo(Present, other.Present);
        AddTo(Counted, other.Counted);
        AddTo(Agreements, other.Agreements);
        AddTo(Comparisons, other.Comparisons);
    }

    /// <summary>
    /// The majority choice of <paramref name="participants"/>: the one most of those present make, or
    /// <see cref="VoteChoice.Absent"/> for a tie or nobody present; <paramref name="present"/> and
    /// <paramref name="with"/> receive the members present and those making the majority choice.
    /// </summary>
    public static VoteChoice Majority(ReadOnlySpan<long> choices, ReadOnlySpan<int> participants, out int present, out int with)
    {
        Span<int> counts = stackalloc int[3];
        foreach (int p in participants)
        {
            long c = choices[p];
            if (c < 3)
            {
                counts[(int)c]++;
            }
        }

        present = counts[0] + counts[1] + counts[2];
        with = Math.Max(counts[0], Math.Max(counts[1], counts[2]));
        int tops = (counts[0] == with ? 1 : 0) + (counts[1] == with ? 1 : 0) + (counts[2] == with ? 1 : 0);
        if (present == 0 || tops > 1)
        {
            with = 0;
            return VoteChoice.Absent;
        }

        return counts[0] == with ? VoteChoice.Yes : counts[1] == with ? VoteChoice.Abstain : VoteChoice.No;
    }

    private static void AddTo(long[] target, long[] source)
    {
        for (int k = 0; k < target.Length; k++)
        {
            target[k] += source[k];
        }
    }
}
