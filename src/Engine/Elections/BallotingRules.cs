namespace StemSimulator.Engine.Elections;

/// <summary>
/// The General Assembly's rules for elections (rules of procedure 83, 86, 92-94; A/RES/60/251 for the Human Rights
/// Council), as pure functions on hand-countable ballots.
/// </summary>
/// <remarks>
/// <para>Majority: for the Security Council two-thirds of the members present and voting, i.e. votes &gt;= ceil(2n/3)
/// where n counts the valid ballots naming at least one candidate (blank and invalid ballots are excluded); for the
/// Human Rights Council floor(N/2) + 1 of all N members of the Assembly (97 of 193).</para>
/// <para>Restriction (rule 93 for one seat, rule 94 for several): the first ballot is unrestricted; the second and
/// third are restricted to the candidates with the most votes in the previous ballot, at most twice the places still
/// open (two for one seat); "after the third inconclusive ballot" votes may go to any eligible member for three
/// ballots (4-6), then three restricted ballots follow (7-9, restricted by the third unrestricted ballot), and so on:
/// blocks of three alternate. With one seat and two-thirds required, rule 93 keeps balloting ("until one candidate
/// secures two thirds"); its drawing of lots applies to an equal division under a simple majority, which neither
/// body uses, so here lots decide only who enters a restricted list when candidates tie at its cut.</para>
/// <para>Several seats (rule 94): the candidates reaching the majority are elected in order of votes up to the places
/// open; when candidates with equal votes straddle the last place, none of those tied is elected in that ballot
/// and the next ballot decides between them.</para>
/// </remarks>
public static class BallotingRules
{
    /// <summary>The ballots of a block before restricted and unrestricted ballots alternate.</summary>
    public const int BlockLength = 3;

    /// <summary>Whether ballot <paramref name="ballot"/> (1-based) is restricted: 1 unrestricted, 2-3 restricted, then blocks of three alternating from 4-6 unrestricted.</summary>
    public static BallotKind KindOf(int ballot)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ballot, 1);
        if (ballot == 1)
        {
            return BallotKind.Unrestricted;
        }

        if (ballot <= BlockLength)
        {
            return BallotKind.Restricted;
        }

        return (ballot - BlockLength - 1) / BlockLength % 2 == 0 ? BallotKind.Unrestricted : BallotKind.Restricted;
    }

    /// <summary>Votes a candidate needs: ceil(2 n / 3) of the members present and voting (at least 1), or floor(N / 2) + 1 of all members.</summary>
    /// <param name="majority">The rule.</param>
    /// <param name="count">How the members took part in the ballot.</param>
    public static int RequiredVotes(ElectionMajority majority, BallotCount count) => majority switch
    {
        ElectionMajority.TwoThirdsOfPresentAndVoting => Math.Max(1, ((2 * count.PresentAndVoting) + 2) / 3),
        _ => (count.Members / 2) + 1,
    };

    /// <summary>Candidates a restricted ballot may name: twice the places still open.</summary>
    public static int RestrictedListSize(int openSeats) => 2 * openSeats;

    /// <summary>
    /// Who is elected in a ballot: the candidates in <paramref name="eligible"/> with at least
    /// <paramref name="required"/> votes (and at least one), most votes first, up to <paramref name="openSeats"/>;
    /// candidates tied across the last place are not elected. Writes their indices into <paramref name="elected"/>
    /// in order of votes (equal votes: lower index first) and returns how many.
    /// </summary>
    public static int Elect(ReadOnlySpan<int> votes, ReadOnlySpan<bool> eligible, int required, int openSeats, Span<int> elected)
    {
        if (votes.Length != eligible.Length)
        {
            throw new ArgumentException("One vote count per candidate.", nameof(eligible));
        }

        Span<int> order = votes.Length <= 64 ? stackalloc int[votes.Length] : new int[votes.Length];
        int reaching = 0;
        int threshold = Math.Max(1, required);
        for (int c = 0; c < votes.Length; c++)
        {
            if (eligible[c] && votes[c] >= threshold)
            {
                order[reaching++] = c;
            }
        }

        SortByVotes(order[..reaching], votes);
        if (reaching <= openSeats)
        {
            order[..reaching].CopyTo(elected);
            return reaching;
        }

        // More candidates reach the majority than there are places: the places go in order of votes, but a tie that
        // straddles the last place cannot be split by the ballot, so the tied candidates wait for the next one.
        int cut = votes[order[openSeats - 1]];
        int count = openSeats;
        if (votes[order[openSeats]] == cut)
        {
            while (count > 0 && votes[order[count - 1]] == cut)
            {
                count--;
            }
        }

        order[..count].CopyTo(elected);
        return count;
    }

    /// <summary>
    /// The list a restricted ballot is limited to: of the candidates in <paramref name="standing"/>, those with the
    /// most votes in the previous ballot, at most <see cref="RestrictedListSize"/>; candidates tied at the cut are
    /// chosen by lot, the lower of <paramref name="lots"/> (independent uniforms, one per candidate) first.
    /// </summary>
    public static void Restrict(ReadOnlySpan<int> previousVotes, ReadOnlySpan<bool> standing, int openSeats, ReadOnlySpan<double> lots, Span<bool> restricted)
    {
        int n = previousVotes.Length;
        Span<int> order = n <= 64 ? stackalloc int[n] : new int[n];
        int count = 0;
        for (int c = 0; c < n; c++)
        {
            restricted[c] = false;
            if (standing[c])
            {
                order[count++] = c;
            }
        }

        // Most votes first; equal votes in lot order.
        var list = order[..count];
        for (int i = 1; i < list.Length; i++)
        {
            int c = list[i];
            int j = i - 1;
            while (j >= 0 && (previousVotes[list[j]] < previousVotes[c] || (previousVotes[list[j]] == previousVotes[c] && lots[list[j]] > lots[c])))
            {
                list[j + 1] = list[j];
                j--;
            }

            list[j + 1] = c;
        }

        int take = Math.Min(count, RestrictedListSize(openSeats));
        for (int i = 0; i < take; i++)
        {
            restricted[list[i]] = true;
        }
    }

    private static void SortByVotes(Span<int> order, ReadOnlySpan<int> votes)
    {
        for (int i = 1; i < order.Length; i++)
        {
            int c = order[i];
            int j = i - 1;
            while (j >= 0 && votes[order[j]] < votes[c])
            {
                order[j + 1] = order[j];
                j--;
            }

            order[j + 1] = c;
        }
    }
}
