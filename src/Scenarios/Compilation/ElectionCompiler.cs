using StemSimulator.Engine.Elections;
using StemSimulator.Engine.Members;
using StemSimulator.Scenarios.Diagnostics;
using StemSimulator.Scenarios.Document;
using StemSimulator.Scenarios.Reference;

namespace StemSimulator.Scenarios.Compilation;

/// <summary>
/// Checks a scenario's <c>elections</c> (and the variants' changes to them) against the reference data and the
/// rules of the Security Council and Human Rights Council elections, and compiles them into
/// <see cref="ElectionModel"/>s. Every problem is reported with its place in the file; nothing throws.
/// </summary>
internal sealed partial class ElectionCompiler
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
}
