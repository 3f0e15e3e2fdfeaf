using StemSimulator.Engine.Elections;
using StemSimulator.Engine.Model;
using StemSimulator.Runner.Infrastructure;

namespace StemSimulator.Runner.Elections;

/// <summary>
/// Writes the election summaries from a run's counts: <c>election_summary.parquet</c> (per candidate),
/// <c>election_rounds.parquet</c> (per ballot and candidate) and <c>election_ballots.parquet</c> (per member's
/// first-ballot choice).
/// </summary>
internal static class ElectionTables
{
    /// <summary>The run's provenance plus the elections' round caps (<c>stemsim.election_round_caps</c>: "id/region=cap; ...").</summary>
    public static TableProvenance WithRoundCaps(SimulationModel model, Provenance provenance) =>
        provenance.ToTable().With("election_round_caps", ElectionNames.RoundCaps(model.Variants.SelectMany(v => v.Elections)));

    /// <summary>One row per variant, election and candidate: P(elected) and its seat group's ballot statistics.</summary>
    public static async Task WriteSummaryAsync(SimulationModel model, ElectionRunResult result, IReadOnlyDictionary<string, string> names, Stream stream, Provenance provenance, CancellationToken cancellationToken)
    {
        var rows = result.Elections
            .SelectMany(s => s.Election.Candidates.Select((c, index) => (Stats: s, Candidate: c, Index: index)))
            .ToArray();
        double Share(ElectionStatistics s, long count) => s.Tally.Trials == 0 ? double.NaN : (double)count / s.Tally.Trials;
        var data = ElectionTableDescriptions.ElectionSummary.NewData();
        data.Add("variant", rows.Select(r => r.Stats.Variant).ToArray());
        data.Add("election_id", rows.Select(r => r.Stats.Election.Id).ToArray());
        data.Add("body", rows.Select(r => ElectionNames.Body(r.Stats.Election)).ToArray());
        data.Add("date", rows.Select(r => r.Stats.Election.Date).ToArray());
        data.Add("seat_group", rows.Select(r => ElectionNames.Region(r.Stats.Election.SeatGroups[r.Candidate.SeatGroup].Region)).ToArray());
        data.Add("seats", rows.Select(r => r.Stats.Election.SeatGroups[r.Candidate.SeatGroup].Seats).ToArray());
        data.Add("candidate", rows.Select(r => r.Candidate.Code).ToArray());
        data.Add("name", rows.Select(r => names.GetValueOrDefault(r.Candidate.Code, r.Candidate.Code)).ToArray());
        data.Add("compromise", rows.Select(r => r.Candidate.IsCompromise).ToArray());
        data.Add("trials", rows.Select(r => r.Stats.Tally.Trials).ToArray());
        data.Add("p_elected", rows.Select(r => r.Stats.PElected(r.Index)).ToArray());
        data.Add("p_elected_se", rows.Select(r => r.Stats.PElectedStandardError(r.Index)).ToArray());
        data.Add("p_elected_first_ballot", rows.Select(r => Share(r.Stats, r.Stats.Tally.ElectedFirstBallot[r.Index])).ToArray());
        data.Add("mean_ballot_elected", rows.Select(r => r.Stats.Tally.Elected[r.Index] == 0 ? (double?)null : (double)r.Stats.Tally.ElectedBallotSum[r.Index] / r.Stats.Tally.Elected[r.Index]).ToArray());
        data.Add("p_withdrew", rows.Select(r => Share(r.Stats, r.Stats.Tally.Withdrew[r.Index])).ToArray());
        data.Add("votes_first_ballot_mean", rows.Select(r => MeanVotes(r.Stats.Tally, r.Candidate.SeatGroup, r.Index, 1)).ToArray());
        data.Add("share_first_ballot", rows.Select(r => VoteShare(r.Stats.Tally, r.Candidate.SeatGroup, r.Index, 1)).ToArray());
        data.Add("rounds_mean", rows.Select(r => MeanRounds(r.Stats, r.Candidate.SeatGroup)).ToArray());
        data.Add("rounds_p50", rows.Select(r => r.Stats.RoundsQuantile(r.Candidate.SeatGroup, 0.50)).ToArray());
        data.Add("rounds_p90", rows.Select(r => r.Stats.RoundsQuantile(r.Candidate.SeatGroup, 0.90)).ToArray());
        data.Add("rounds_p99", rows.Select(r => r.Stats.RoundsQuantile(r.Candidate.SeatGroup, 0.99)).ToArray());
        data.Add("max_rounds", rows.Select(r => r.Stats.Election.MaxRounds).ToArray());
        data.Add("p_capped", rows.Select(r => Share(r.Stats, r.Stats.Tally.Capped[r.Candidate.SeatGroup])).ToArray());
        data.Add("unfilled_seats_mean", rows.Select(r => Share(r.Stats, r.Stats.Tally.UnfilledSeats[r.Candidate.SeatGroup])).ToArray());
        await TableWriter.WriteAsync(data, stream, WithRoundCaps(model, provenance), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// One row per variant, election, seat group, ballot and candidate, for every ballot held in some trial: the
    /// ballot's kind, P(held), P(the group's last ballot) (the distribution of the number of rounds), mean counts of
    /// the trials that held it, and each candidate's mean votes and pooled vote share.
    /// </summary>
    public static async Task WriteRoundsAsync(SimulationModel model, ElectionRunResult result, Stream stream, Provenance provenance, CancellationToken cancellationToken)
    {
        var rows = new List<(ElectionStatistics Stats, int Group, int Ballot, int Candidate)>();
        foreach (var s in result.Elections)
        {
            for (int g = 0; g < s.Election.SeatGroups.Count; g++)
            {
                for (int b = 1; b <= s.Election.MaxRounds && s.Tally.BallotsHeld[s.Tally.At(g, b)] > 0; b++)
                {
                    rows.AddRange(s.Election.SeatGroups[g].Candidates.Select(c => (s, g, b, c)));
                }
            }
        }

        double PerTrial(ElectionStatistics s, long count) => (double)count / s.Tally.Trials;
        double PerHeld(ElectionStatistics s, int g, int b, long[] sums) => (double)sums[s.Tally.At(g, b)] / s.Tally.BallotsHeld[s.Tally.At(g, b)];
        var data = ElectionTableDescriptions.ElectionRounds.NewData();
        data.Add("variant", rows.Select(r => r.Stats.Variant).ToArray());
        data.Add("election_id", rows.Select(r => r.Stats.Election.Id).ToArray());
        data.Add("seat_group", rows.Select(r => ElectionNames.Region(r.Stats.Election.SeatGroups[r.Group].Region)).ToArray());
        data.Add("ballot", rows.Select(r => r.Ballot).ToArray());
        data.Add("kind", rows.Select(r => ElectionNames.Kind(BallotingRules.KindOf(r.Ballot))).ToArray());
        data.Add("p_held", rows.Select(r => PerTrial(r.Stats, r.Stats.Tally.BallotsHeld[r.Stats.Tally.At(r.Group, r.Ballot)])).ToArray());
        data.Add("p_last", rows.Select(r => PerTrial(r.Stats, r.Stats.Tally.RoundsHistogram[r.Stats.Tally.At(r.Group, r.Ballot)])).ToArray());
        data.Add("present_and_voting_mean", rows.Select(r => PerHeld(r.Stats, r.Group, r.Ballot, r.Stats.Tally.PresentAndVoting)).ToArray());
        data.Add("abstentions_mean", rows.Select(r => PerHeld(r.Stats, r.Group, r.Ballot, r.Stats.Tally.Abstentions)).ToArray());
        data.Add("invalid_mean", rows.Select(r => PerHeld(r.Stats, r.Group, r.Ballot, r.Stats.Tally.InvalidBallots)).ToArray());
        data.Add("absent_mean", rows.Select(r => PerHeld(r.Stats, r.Group, r.Ballot, r.Stats.Tally.Absent)).ToArray());
        data.Add("candidate", rows.Select(r => r.Stats.Election.Candidates[r.Candidate].Code).ToArray());
        data.Add("p_on_ballot", rows.Select(r => (double)r.Stats.Tally.OnBallot[r.Stats.Tally.At(r.Candidate, r.Ballot)] / r.Stats.Tally.BallotsHeld[r.Stats.Tally.At(r.Group, r.Ballot)]).ToArray());
        data.Add("votes_mean", rows.Select(r => MeanVotes(r.Stats.Tally, r.Group, r.Candidate, r.Ballot)).ToArray());
        data.Add("vote_share", rows.Select(r => VoteShare(r.Stats.Tally, r.Group, r.Candidate, r.Ballot)).ToArray());
        await TableWriter.WriteAsync(data, stream, WithRoundCaps(model, provenance), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Each member's likely first ballot: one row per variant, election, seat group, member and choice, where the
    /// choice is a candidate (p: P(the member names it)), or abstain, invalid, absent. With several seats a member may
    /// name several candidates, so the candidates' p add up to more than the share of valid ballots.
    /// </summary>
    public static async Task WriteBallotsAsync(SimulationModel model, ElectionRunResult result, IReadOnlyDictionary<string, string> names, Stream stream, Provenance provenance, CancellationToken cancellationToken)
    {
        var rows = new List<(ElectionStatistics Stats, int Group, int Voter, string Choice, long Count)>();
        foreach (var s in result.Elections)
        {
            var e = s.Election;
            int groups = e.SeatGroups.Count;
            for (int g = 0; g < groups; g++)
            {
                for (int i = 0; i < e.Voters.Count; i++)
                {
                    foreach (int c in e.SeatGroups[g].Candidates)
                    {
                        rows.Add((s, g, i, e.Candidates[c].Code, s.Tally.FirstBallotVotes[(i * e.Candidates.Count) + c]));
                    }

                    rows.Add((s, g, i, "abstain", s.Tally.FirstBallotBlank[(i * groups) + g]));
                    rows.Add((s, g, i, "invalid", s.Tally.FirstBallotInvalid[(i * groups) + g]));
                    rows.Add((s, g, i, "absent", s.Tally.FirstBallotAbsent[(i * groups) + g]));
                }
            }
        }

        var data = ElectionTableDescriptions.ElectionBallots.NewData();
        data.Add("variant", rows.Select(r => r.Stats.Variant).ToArray());
        data.Add("election_id", rows.Select(r => r.Stats.Election.Id).ToArray());
        data.Add("seat_group", rows.Select(r => ElectionNames.Region(r.Stats.Election.SeatGroups[r.Group].Region)).ToArray());
        data.Add("member", rows.Select(r => r.Stats.Election.Voters[r.Voter].Code).ToArray());
        data.Add("name", rows.Select(r => names.GetValueOrDefault(r.Stats.Election.Voters[r.Voter].Code, r.Stats.Election.Voters[r.Voter].Code)).ToArray());
        data.Add("choice", rows.Select(r => r.Choice).ToArray());
        data.Add("p", rows.Select(r => (double)r.Count / r.Stats.Tally.Trials).ToArray());
        await TableWriter.WriteAsync(data, stream, WithRoundCaps(model, provenance), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Mean votes of candidate <paramref name="candidate"/> over the trials that held ballot <paramref name="ballot"/> of its group.</summary>
    public static double MeanVotes(ElectionTally tally, int group, int candidate, int ballot)
    {
        long held = tally.BallotsHeld[tally.At(group, ballot)];
        return held == 0 ? double.NaN : (double)tally.Votes[tally.At(candidate, ballot)] / held;
    }

    /// <summary>Pooled vote share: the candidate's votes over the members present and voting, summed over the trials that held the ballot.</summary>
    public static double VoteShare(ElectionTally tally, int group, int candidate, int ballot)
    {
        long voting = tally.PresentAndVoting[tally.At(group, ballot)];
        return voting == 0 ? double.NaN : (double)tally.Votes[tally.At(candidate, ballot)] / voting;
    }

    /// <summary>Mean number of ballots of a seat group.</summary>
    public static double MeanRounds(ElectionStatistics s, int group)
    {
        long weighted = 0;
        for (int r = 1; r <= s.Election.MaxRounds; r++)
        {
            weighted += r * s.Tally.RoundsHistogram[s.Tally.At(group, r)];
        }

        return s.Tally.Trials == 0 ? double.NaN : (double)weighted / s.Tally.Trials;
    }
}
