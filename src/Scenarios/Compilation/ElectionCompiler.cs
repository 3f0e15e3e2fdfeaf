using System.Globalization;
using StemSimulator.Engine.Elections;
using StemSimulator.Engine.Members;
using StemSimulator.Scenarios.Diagnostics;
using StemSimulator.Scenarios.Document;
using StemSimulator.Scenarios.Reference;
using StemSimulator.Scenarios.Yaml;

namespace StemSimulator.Scenarios.Compilation;

/// <summary>
/// Checks a scenario's <c>elections</c> (and the variants' changes to them) against the reference data and the
/// rules of the Security Council and Human Rights Council elections, and compiles them into
/// <see cref="ElectionModel"/>s. Every problem is reported with its place in the file; nothing throws.
/// </summary>
internal sealed class ElectionCompiler
{
    /// <summary>Ballots per seat group when the scenario does not cap them.</summary>
    public const int DefaultMaxRounds = 200;

    private const double MaxWeight = 20;

    /// <summary>The default withdrawal model: after 20 inconclusive ballots the trailing candidate withdraws with probability 0.1 per ballot.</summary>
    private static readonly WithdrawalModel DefaultWithdrawal = new(20, 0.1, WithdrawalMode.Trailing);

    /// <summary>Non-permanent Council seats per regional group (A/RES/1991 A (XVIII)): 3 African, 2 Asia-Pacific, 1 Eastern European, 2 GRULAC, 2 WEOG.</summary>
    private static readonly Dictionary<RegionalGroup, int> CouncilSeats = new()
    {
        [RegionalGroup.African] = 3,
        [RegionalGroup.AsiaPacific] = 2,
        [RegionalGroup.EasternEuropean] = 1,
        [RegionalGroup.LatinAmericanAndCaribbean] = 2,
        [RegionalGroup.WesternEuropeanAndOthers] = 2,
    };

    /// <summary>Human Rights Council seats per regional group (A/RES/60/251, para. 7): 13, 13, 6, 8, 7 of 47.</summary>
    private static readonly Dictionary<RegionalGroup, int> HumanRightsCouncilSeats = new()
    {
        [RegionalGroup.African] = 13,
        [RegionalGroup.AsiaPacific] = 13,
        [RegionalGroup.EasternEuropean] = 6,
        [RegionalGroup.LatinAmericanAndCaribbean] = 8,
        [RegionalGroup.WesternEuropeanAndOthers] = 7,
    };

    private readonly CompilationContext _context;

    public ElectionCompiler(CompilationContext context) => _context = context;

    private ReferenceCatalog Catalog => _context.Catalog;

    /// <summary>The regional group a region name stands for.</summary>
    public static RegionalGroup GroupOf(RegionName region) => ClosedSets.Group(region);

    /// <summary>The canonical name of a regional group (WEOG, GRULAC, AFRICAN_GROUP, ...).</summary>
    public static string NameOf(RegionalGroup group) => MemberGroups.NameOf(group);

    /// <summary>Checks every election and the variants' changes to them; <paramref name="voteIds"/> are taken.</summary>
    public void Check(ScenarioDocument document, IReadOnlySet<string> voteIds)
    {
        var elections = document.Elections ?? [];
        if (elections.Length > ScenarioLimits.MaxElections)
        {
            _context.Error(document, "elections", $"{elections.Length:N0} elections; a scenario may have at most {ScenarioLimits.MaxElections:N0}");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var election in elections)
        {
            CheckElection(election, document.AsOf);
            if (voteIds.Contains(election.Id))
            {
                _context.Error(election, "id", $"'{election.Id}' is already a vote's id; votes and elections need different ids");
            }
            else if (!ids.Add(election.Id))
            {
                _context.Error(election, "id", $"duplicate election id '{election.Id}'; each election needs its own id");
            }
        }

        foreach (var variant in document.Variants ?? [])
        {
            foreach (var (id, change) in variant.Elections ?? [])
            {
                var target = elections.FirstOrDefault(e => e.Id == id);
                if (target is null)
                {
                    _context.Error(variant.Elections!, id, $"unknown election '{id}'{Suggestions.DidYouMean(id, elections.Select(e => e.Id))}"
                        + (elections.Length == 0 ? " (the scenario has no elections)" : string.Empty));
                    continue;
                }

                var date = target.Date ?? document.AsOf;
                var candidates = CandidatesOf(target);
                CheckCampaign(change.Campaign, candidates);
                CheckPledges(change.Pledges, candidates, date);
                CheckAffinity(change.Affinity);
                CheckWithdrawal(change.Withdrawal, target);
            }
        }
    }

    /// <summary>Compiles the elections of <paramref name="variant"/> (the baseline when null); call only when <see cref="Check"/> found nothing.</summary>
    public IReadOnlyList<ElectionModel> Compile(ScenarioDocument document, VariantDocument? variant, IReadOnlyCollection<string> article19)
    {
        var elections = document.Elections ?? [];
        var calibration = Catalog.Calibration;
        int year = CalibrationChoice.YearOf(document.Calibration) is { } y && y >= calibration.FirstYear && y <= calibration.LatestYear ? y : calibration.LatestYear;
        var result = new ElectionModel[elections.Length];
        for (int e = 0; e < elections.Length; e++)
        {
            var election = elections[e];
            VariantElectionDocument? change = null;
            variant?.Elections?.TryGetValue(election.Id, out change);
            result[e] = Compile(election, e, document.AsOf, year, change, article19);
        }

        return result;
    }

    private ElectionModel Compile(ElectionDocument election, int stream, DateOnly asOf, int calibrationYear, VariantElectionDocument? change, IReadOnlyCollection<string> article19)
    {
        var date = election.Date ?? asOf;
        var shocks = CompileShocks(election.Shocks);
        var members = Catalog.VotingMembersOn(date);
        var voterIndex = members.Select((m, i) => (m.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        var voters = Voters(election, members, shocks, date, calibrationYear, article19);

        var campaign = new Dictionary<string, double>(election.Campaign ?? [], StringComparer.Ordinal);
        foreach (var (code, strength) in change?.Campaign ?? [])
        {
            campaign[code] = strength;
        }

        var candidates = new List<ElectionCandidate>();
        var groups = new List<SeatGroupModel>();
        foreach (var group in election.SeatGroups)
        {
            var indices = new List<int>();
            foreach (var (code, compromise) in group.Candidates.Select(c => (c, false)).Concat((group.Compromise ?? []).Select(c => (c, true))))
            {
                indices.Add(candidates.Count);
                candidates.Add(new ElectionCandidate(code, groups.Count, voterIndex[code], GroupOf(group.Region), campaign.GetValueOrDefault(code), compromise));
            }

            groups.Add(new SeatGroupModel(GroupOf(group.Region), group.Seats, indices));
        }

        var candidateIndex = candidates.Select((c, i) => (c.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        var pledges = new Dictionary<string, string[]>(election.Pledges ?? [], StringComparer.Ordinal);
        foreach (var (code, list) in change?.Pledges ?? [])
        {
            pledges[code] = list;
        }

        var reciprocal = Reciprocal(election, voterIndex, candidateIndex, pledges);
        var withdrawalDocument = change?.Withdrawal ?? election.Withdrawal;
        var withdrawal = withdrawalDocument is null
            ? DefaultWithdrawal
            : new WithdrawalModel(withdrawalDocument.AfterRounds, withdrawalDocument.Probability, ClosedSets.Withdrawal(withdrawalDocument.Who ?? WithdrawalWho.Trailing));
        return new ElectionModel
        {
            Id = election.Id,
            Stream = stream,
            Body = ClosedSets.ElectionBody(election.Body),
            Date = date,
            Voters = voters,
            Candidates = candidates,
            SeatGroups = groups,
            Weights = Weights(election.Affinity, change?.Affinity),
            Shocks = shocks,
            Reciprocal = reciprocal,
            Abstention = election.Abstention ?? 0,
            Invalid = election.Invalid ?? 0.002,
            Withdrawal = withdrawal,
            MaxRounds = election.MaxRounds ?? DefaultMaxRounds,
        };
    }

    /// <summary>
    /// The voters of an election: every voting member with its position of the scenario's calibration year (as for its
    /// votes; an election years later sees it drifted by a random walk, so its uncertainty grows by the calibration's
    /// yearly step), its shocked blocs and whether Art. 19 leaves it without a vote.
    /// </summary>
    private ElectionVoter[] Voters(ElectionDocument election, IReadOnlyList<MemberState> members, ElectionShocks shocks, DateOnly date, int calibrationYear, IReadOnlyCollection<string> article19)
    {
        var blocs = shocks.BlocNames.Select(name => Catalog.Blocs[name]).ToArray();
        double absence = election.Absence ?? 0.005;
        return members.Select(m =>
        {
            var position = Catalog.Calibration.Find(m.Code, calibrationYear) ?? Catalog.Positions[m.Code];
            double se = _context.DriftedStandardError(position, date);
            ulong mask = 0;
            for (int b = 0; b < blocs.Length; b++)
            {
                mask |= blocs[b].Contains(m.Code, date) ? 1UL << b : 0;
            }

            return new ElectionVoter(m.Code, _context.RosterIndex[m.Code], position.Theta, se, m.Group, absence, !article19.Contains(m.Code), mask);
        }).ToArray();
    }

    /// <summary>The (voter, candidate) pairs that vote for each other: pledges and both directions of each vote trade.</summary>
    private static (int Voter, int Candidate)[] Reciprocal(ElectionDocument election, Dictionary<string, int> voterIndex, Dictionary<string, int> candidateIndex, Dictionary<string, string[]> pledges)
    {
        var reciprocal = new HashSet<(int Voter, int Candidate)>();
        foreach (var (candidate, pledgers) in pledges)
        {
            foreach (var pledger in pledgers)
            {
                reciprocal.Add((voterIndex[pledger], candidateIndex[candidate]));
            }
        }

        foreach (var pair in election.VoteTrading ?? [])
        {
            for (int k = 0; k < 2; k++)
            {
                if (candidateIndex.TryGetValue(pair[1 - k], out int candidate))
                {
                    reciprocal.Add((voterIndex[pair[k]], candidate));
                }
            }
        }

        return reciprocal.OrderBy(p => p.Voter).ThenBy(p => p.Candidate).ToArray();
    }

    private static AffinityWeights Weights(AffinityDocument? election, AffinityDocument? variant)
    {
        var d = AffinityWeights.Default;
        return new AffinityWeights(
            variant?.Acceptance ?? election?.Acceptance ?? d.Acceptance,
            variant?.Distance ?? election?.Distance ?? d.Distance,
            variant?.Region ?? election?.Region ?? d.Region,
            variant?.Reciprocity ?? election?.Reciprocity ?? d.Reciprocity,
            variant?.PreferenceSd ?? election?.PreferenceSd ?? d.PreferenceSd,
            variant?.RoundSd ?? election?.RoundSd ?? d.RoundSd);
    }

    private static ElectionShocks CompileShocks(ElectionShocksDocument? shocks) => shocks is null
        ? ElectionShocks.None
        : new ElectionShocks(shocks.CandidateSd ?? 0, (shocks.Blocs ?? []).Keys.ToArray(), (shocks.Blocs ?? []).Values.ToArray());

    private static Dictionary<string, bool> CandidatesOf(ElectionDocument election) =>
        election.SeatGroups
            .SelectMany(g => g.Candidates.Select(c => (c, false)).Concat((g.Compromise ?? []).Select(c => (c, true))))
            .Where(x => x.c is not null)
            .GroupBy(x => x.c, StringComparer.Ordinal)
            .ToDictionary(x => x.Key, x => x.First().Item2, StringComparer.Ordinal);

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
