using System.Globalization;
using StemSimulator.Engine.Elections;
using StemSimulator.Engine.Members;
using StemSimulator.Scenarios.Diagnostics;
using StemSimulator.Scenarios.Document;
using StemSimulator.Scenarios.Reference;

namespace StemSimulator.Scenarios.Compilation;

// The checks of one election: seat groups, vote trades, sitting members, candidates, campaigns, pledges, affinity,
// shocks and withdrawal.
internal sealed partial class ElectionCompiler
{
    private void CheckElection(ElectionDocument election, DateOnly asOf)
    {
        if (!CompilationContext.IsName(election.Id))
        {
            _context.Error(election, "id", $"'{election.Id}' is not a valid election id: use 1-64 lower-case letters, digits and hyphens (for example 'hrc-weog-2026')");
        }

        var date = election.Date ?? asOf;
        if (election.Date is { } late && (late > CompilationContext.LastDate || late < CompilationContext.FirstDate))
        {
            _context.Error(election, "date", $"{late:yyyy-MM-dd} is outside the range the tool covers ({CompilationContext.FirstDate:yyyy-MM-dd} to {CompilationContext.LastDate:yyyy-MM-dd})");
        }
        else if (election.Date is { } d && d < asOf)
        {
            _context.Error(election, "date", $"the election's date {d:yyyy-MM-dd} is before as_of {asOf:yyyy-MM-dd}; elections come on or after it");
        }

        CheckSeatGroups(election, date);
        var candidates = CandidatesOf(election);
        CheckCampaign(election.Campaign, candidates);
        CheckPledges(election.Pledges, candidates, date);
        CheckVoteTrading(election, candidates, date);
        CheckAffinity(election.Affinity);
        CheckShocks(election.Shocks);
        foreach (var (key, value) in new[] { ("absence", election.Absence), ("abstention", election.Abstention), ("invalid", election.Invalid) })
        {
            if (value is { } p && !(p is >= 0 and <= 1))
            {
                _context.Error(election, key, $"{key} is a probability between 0 and 1, not {p}");
            }
        }

        if ((election.Absence ?? 0.005) + (election.Abstention ?? 0) + (election.Invalid ?? 0.002) > 1)
        {
            _context.Error(election, "absence", "absence + abstention + invalid must add up to at most 1");
        }

        if (election.MaxRounds is { } cap && (cap < 1 || cap > ElectionModel.MaxRoundCap))
        {
            _context.Error(election, "max_rounds", $"max_rounds must be between 1 and {ElectionModel.MaxRoundCap:N0}, not {cap}");
        }

        CheckWithdrawal(election.Withdrawal, election);
    }

    /// <summary>Checks the seat groups of an election: one per region, seats within the body's share, eligible candidates.</summary>
    private void CheckSeatGroups(ElectionDocument election, DateOnly date)
    {
        bool council = ClosedSets.ElectionBody(election.Body) == ElectionBody.SecurityCouncil;
        var bodySeats = council ? CouncilSeats : HumanRightsCouncilSeats;
        string bodyName = council ? "the Security Council" : "the Human Rights Council";
        var sitting = CheckSitting(election, date, council);
        if (election.SeatGroups.Length == 0)
        {
            _context.Error(election, "seat_groups", "an election needs at least one seat group (region, seats, candidates)");
        }

        var regions = new HashSet<RegionName>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int total = 0;
        foreach (var group in election.SeatGroups)
        {
            if (!regions.Add(group.Region))
            {
                _context.Error(group, "region", $"a second seat group for {NameOf(GroupOf(group.Region))}; put all its seats and candidates in one group");
            }

            var region = GroupOf(group.Region);
            int maxSeats = bodySeats[region];
            if (group.Seats < 1 || group.Seats > maxSeats)
            {
                _context.Error(group, "seats", $"{bodyName} has {maxSeats} seat(s) for {NameOf(GroupOf(group.Region))}; seats must be between 1 and {maxSeats}, not {group.Seats}");
            }

            if (group.Candidates.Length < group.Seats)
            {
                _context.Error(group, "candidates", $"{group.Seats} seats but {group.Candidates.Length} candidate(s); a seat group needs at least as many declared candidates as seats");
            }

            CheckCandidates(group.Candidates, group, region, date, council, sitting, seen);
            if (group.Compromise is not null)
            {
                CheckCandidates(group.Compromise, group, region, date, council, sitting, seen);
            }

            total += group.Candidates.Length + (group.Compromise?.Length ?? 0);
        }

        if (total > ElectionModel.MaxCandidates)
        {
            _context.Error(election, "seat_groups", $"{total} candidates; an election may have at most {ElectionModel.MaxCandidates}");
        }
    }

    /// <summary>Checks the vote trades: pairs of members, at least one of them a candidate.</summary>
    private void CheckVoteTrading(ElectionDocument election, Dictionary<string, bool> candidates, DateOnly date)
    {
        for (int p = 0; p < (election.VoteTrading?.Length ?? 0); p++)
        {
            var pair = election.VoteTrading![p];
            string at = p.ToString(CultureInfo.InvariantCulture);
            if (pair is null || pair.Length != 2)
            {
                _context.Error(election.VoteTrading, at, "a vote trade is a pair of members, e.g. [NLD, CRI]");
                continue;
            }

            if (_context.CheckCodes(pair, date, CompilationContext.NoElections) is not null && !candidates.ContainsKey(pair[0]) && !candidates.ContainsKey(pair[1]))
            {
                _context.Error(election.VoteTrading, at, $"neither {pair[0]} nor {pair[1]} is a candidate in this election; a vote trade needs at least one");
            }
        }
    }

    private Dictionary<string, int> CheckSitting(ElectionDocument election, DateOnly date, bool council)
    {
        var sitting = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (code, terms) in election.SittingMembers ?? [])
        {
            if (_context.CheckCode(code, election.SittingMembers!, code, date, CompilationContext.NoElections) is null)
            {
                continue;
            }

            if (terms is < 1 or > 2)
            {
                _context.Error(election.SittingMembers!, code, $"{code}: give the consecutive terms it will have served when its term ends, 1 or 2, not {terms}");
                continue;
            }

            if (council && terms != 1)
            {
                _context.Error(election.SittingMembers!, code, $"{code}: Council members cannot serve consecutive terms (no immediate re-election), so a sitting member serves its first; write 1");
                continue;
            }

            sitting[code] = terms;
        }

        if (council && Catalog.CouncilYears.Contains(date.Year))
        {
            foreach (var code in Catalog.ElectedCouncilMembers(date.Year))
            {
                sitting.TryAdd(code, 1);
            }
        }

        return sitting;
    }

    private void CheckCandidates(string[] codes, SeatGroupDocument group, RegionalGroup region, DateOnly date, bool council, Dictionary<string, int> sitting, HashSet<string> seen)
    {
        for (int i = 0; i < codes.Length; i++)
        {
            string code = codes[i];
            string at = i.ToString(CultureInfo.InvariantCulture);
            if (code is null)
            {
                continue;
            }

            var state = _context.CheckCode(code, codes, at, date, CompilationContext.NoElections);
            if (state is null)
            {
                continue;
            }

            if (!seen.Add(code))
            {
                _context.Error(codes, at, $"{code} stands twice in this election; a member is a candidate for one seat group, once");
                continue;
            }

            if (state.Group != region)
            {
                _context.Error(codes, at, $"{code} ({state.Name}) belongs to the {NameOf(state.Group)} group, not {NameOf(region)}; list it under a seat group with region: {NameOf(state.Group)}");
            }

            if (council && ReferenceCatalog.PermanentMembers.Contains(code))
            {
                _context.Error(codes, at, $"{code} is a permanent member of the Security Council and is not elected");
            }
            else if (council && sitting.ContainsKey(code))
            {
                _context.Error(codes, at, $"{code} ({state.Name}) sits on the Council in {date.Year}; a retiring member is not eligible for immediate re-election (Art. 23(2))");
            }
            else if (!council && sitting.GetValueOrDefault(code) == 2)
            {
                _context.Error(codes, at, $"{code} ({state.Name}) ends its second consecutive term; after two consecutive terms a member may not stand at once (A/RES/60/251, para. 7)");
            }
        }
    }

    private void CheckCampaign(Dictionary<string, double>? campaign, Dictionary<string, bool> candidates)
    {
        foreach (var (code, strength) in campaign ?? [])
        {
            if (!candidates.ContainsKey(code))
            {
                _context.Error(campaign!, code, $"'{code}' is not a candidate in this election{Suggestions.DidYouMean(code, candidates.Keys)}");
            }
            else if (!(strength is >= -MaxWeight and <= MaxWeight))
            {
                _context.Error(campaign!, code, $"a campaign strength must be between {-MaxWeight} and {MaxWeight}, not {strength}");
            }
        }
    }

    private void CheckPledges(Dictionary<string, string[]>? pledges, Dictionary<string, bool> candidates, DateOnly date)
    {
        foreach (var (code, members) in pledges ?? [])
        {
            if (!candidates.ContainsKey(code))
            {
                _context.Error(pledges!, code, $"'{code}' is not a candidate in this election{Suggestions.DidYouMean(code, candidates.Keys)}");
                continue;
            }

            _context.CheckCodes(members, date, CompilationContext.NoElections);
        }
    }

    private void CheckAffinity(AffinityDocument? affinity)
    {
        if (affinity is null)
        {
            return;
        }

        foreach (var (key, value, min) in new[]
        {
            ("acceptance", affinity.Acceptance, -MaxWeight), ("distance", affinity.Distance, 0), ("region", affinity.Region, -MaxWeight),
            ("reciprocity", affinity.Reciprocity, -MaxWeight), ("preference_sd", affinity.PreferenceSd, 0), ("round_sd", affinity.RoundSd, 0),
        })
        {
            if (value is { } v && !(v >= min && v <= MaxWeight))
            {
                _context.Error(affinity, key, $"{key} must be between {min} and {MaxWeight}, not {v}");
            }
        }
    }

    private void CheckShocks(ElectionShocksDocument? shocks)
    {
        if (shocks is null)
        {
            return;
        }

        if (shocks.CandidateSd is { } sd && !(sd is >= 0 and <= CompilationContext.MaxShockSd))
        {
            _context.Error(shocks, "candidate_sd", $"a shock's standard deviation must be between 0 and {CompilationContext.MaxShockSd}, not {sd}");
        }

        if (shocks.Blocs?.Count > 64)
        {
            _context.Error(shocks, "blocs", "at most 64 shocked blocs");
        }

        foreach (var (name, blocSd) in shocks.Blocs ?? [])
        {
            if (!Catalog.Blocs.ContainsKey(name))
            {
                _context.Error(shocks.Blocs!, name, $"unknown bloc '{name}'{Suggestions.DidYouMean(name, Catalog.Blocs.Keys)} (blocs: {string.Join(", ", Catalog.Blocs.Keys.Order(StringComparer.Ordinal))})");
            }
            else if (!(blocSd is >= 0 and <= CompilationContext.MaxShockSd))
            {
                _context.Error(shocks.Blocs!, name, $"the shock of bloc {name} must have a standard deviation between 0 and {CompilationContext.MaxShockSd}, not {blocSd}");
            }
        }
    }

    private void CheckWithdrawal(WithdrawalDocument? withdrawal, ElectionDocument election)
    {
        if (withdrawal is null)
        {
            return;
        }

        if (withdrawal.AfterRounds is < 1 or > 10_000)
        {
            _context.Error(withdrawal, "after_rounds", $"after_rounds must be between 1 and 10,000, not {withdrawal.AfterRounds}");
        }

        if (!(withdrawal.Probability is >= 0 and <= 1))
        {
            _context.Error(withdrawal, "probability", $"probability must be between 0 and 1, not {withdrawal.Probability}");
        }

        if (withdrawal.Who == WithdrawalWho.All && election.SeatGroups.All(g => (g.Compromise?.Length ?? 0) == 0))
        {
            _context.Error(withdrawal, "who", "'who: all' withdraws every declared candidate in favour of compromise candidates; add 'compromise: [..]' to a seat group, or use 'who: trailing'");
        }
    }
}
