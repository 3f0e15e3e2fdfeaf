using StemSimulator.Runner.Infrastructure;

namespace StemSimulator.Runner.Elections;

/// <summary>The tables <c>stemsim run</c> writes for a scenario's elections, described once.</summary>
internal static class ElectionTableDescriptions
{
    /// <summary>
    /// <c>elections/</c>: one row per variant, election, seat group and trial, a folder of parts in every run like
    /// <c>trials/</c> (<c>elections/shard=K/part-0.parquet</c>; a whole run is shard 0 of 1).
    /// </summary>
    public static TableDescription Elections { get; } = new("elections.parquet",
    [
        new("variant", ColumnType.String, false, "`baseline` or the what-if's name"),
        new("election_id", ColumnType.String, false, "the election's `id`"),
        new("body", ColumnType.String, false, "`SC` (Security Council) or `HRC` (Human Rights Council)"),
        new("seat_group", ColumnType.String, false, "the regional group whose seats are filled (`AFRICAN_GROUP`, `ASIA_PACIFIC_GROUP`, `EASTERN_EUROPEAN_GROUP`, `GRULAC`, `WEOG`)"),
        new("trial", ColumnType.Int64, false, "trial index"),
        new("elected", ColumnType.String, true, "the elected candidates in order of election, e.g. `NLD+PRT`; null if none", "ISO3 codes"),
        new("rounds", ColumnType.Int32, false, "ballots held", "ballots"),
        new("capped", ColumnType.Bool, false, "the round cap ended the contest with seats open"),
        new("unfilled_seats", ColumnType.Int32, false, "seats left open", "seats"),
        new("withdrawn", ColumnType.String, true, "candidates who withdrew, e.g. `GTM+VEN`", "ISO3 codes"),
        new("year", ColumnType.Int32, false, "year of the election", "year"),
    ], partitioned: true);

    /// <summary><c>election_summary.parquet</c>.</summary>
    public static TableDescription ElectionSummary { get; } = new("election_summary.parquet",
    [
        new("variant", ColumnType.String, false, "`baseline` or the what-if's name"),
        new("election_id", ColumnType.String, false, "the election's `id`"),
        new("body", ColumnType.String, false, "`SC` or `HRC`"),
        new("date", ColumnType.Date, false, "date of the election"),
        new("seat_group", ColumnType.String, false, "the candidate's regional group (canonical name, as in `seat_group` of `elections`)"),
        new("seats", ColumnType.Int32, false, "seats of the group to fill", "seats"),
        new("candidate", ColumnType.String, false, "ISO3 code"),
        new("name", ColumnType.String, false, "the state's name"),
        new("compromise", ColumnType.Bool, false, "a compromise candidate, who enters only after a withdrawal"),
        new("trials", ColumnType.Int64, false, "trials counted", "trials"),
        new("p_elected", ColumnType.Double, false, "P(elected)", "probability"),
        new("p_elected_se", ColumnType.Double, false, "its Monte Carlo standard error", "probability"),
        new("p_elected_first_ballot", ColumnType.Double, false, "P(elected on the first ballot)", "probability"),
        new("mean_ballot_elected", ColumnType.Double, true, "mean ballot on which it was elected, over the trials it was", "ballots"),
        new("p_withdrew", ColumnType.Double, false, "P(it withdrew)", "probability"),
        new("votes_first_ballot_mean", ColumnType.Double, false, "mean votes on the first ballot", "votes"),
        new("share_first_ballot", ColumnType.Double, false, "first-ballot votes ÷ members present and voting, pooled over trials", "share"),
        new("rounds_mean", ColumnType.Double, false, "mean number of ballots of the seat group", "ballots"),
        new("rounds_p50", ColumnType.Int32, false, "percentiles of the number of ballots", "ballots"),
        new("rounds_p90", ColumnType.Int32, false, "percentiles of the number of ballots", "ballots"),
        new("rounds_p99", ColumnType.Int32, false, "percentiles of the number of ballots", "ballots"),
        new("max_rounds", ColumnType.Int32, false, "the round cap", "ballots"),
        new("p_capped", ColumnType.Double, false, "P(the cap ended the contest)", "probability"),
        new("unfilled_seats_mean", ColumnType.Double, false, "mean seats left open", "seats"),
    ]);

    /// <summary><c>election_rounds.parquet</c>.</summary>
    public static TableDescription ElectionRounds { get; } = new("election_rounds.parquet",
    [
        new("variant", ColumnType.String, false, "`baseline` or the what-if's name"),
        new("election_id", ColumnType.String, false, "the election's `id`"),
        new("seat_group", ColumnType.String, false, "the regional group (canonical name, as in `seat_group` of `elections`)"),
        new("ballot", ColumnType.Int32, false, "ballot number, from 1"),
        new("kind", ColumnType.String, false, "`restricted` or `unrestricted` (rules 93-94)"),
        new("p_held", ColumnType.Double, false, "P(this ballot was held)", "probability"),
        new("p_last", ColumnType.Double, false, "P(it was the group's last ballot): the distribution of the number of ballots", "probability"),
        new("present_and_voting_mean", ColumnType.Double, false, "mean members present and voting (valid ballots naming someone), over trials that held it", "members"),
        new("abstentions_mean", ColumnType.Double, false, "mean blank ballots", "members"),
        new("invalid_mean", ColumnType.Double, false, "mean invalid ballots", "members"),
        new("absent_mean", ColumnType.Double, false, "mean absences", "members"),
        new("candidate", ColumnType.String, false, "ISO3 code"),
        new("p_on_ballot", ColumnType.Double, false, "P(the candidate was on this ballot | the ballot was held)", "probability"),
        new("votes_mean", ColumnType.Double, false, "its mean votes over the trials that held the ballot", "votes"),
        new("vote_share", ColumnType.Double, false, "its votes ÷ members present and voting, pooled", "share"),
    ]);

    /// <summary><c>election_ballots.parquet</c>.</summary>
    public static TableDescription ElectionBallots { get; } = new("election_ballots.parquet",
    [
        new("variant", ColumnType.String, false, "`baseline` or the what-if's name"),
        new("election_id", ColumnType.String, false, "the election's `id`"),
        new("seat_group", ColumnType.String, false, "the regional group (canonical name, as in `seat_group` of `elections`)"),
        new("member", ColumnType.String, false, "the voting member's ISO3 code"),
        new("name", ColumnType.String, false, "its name"),
        new("choice", ColumnType.String, false, "a candidate's ISO3 code, or `abstain`, `invalid`, `absent`"),
        new("p", ColumnType.Double, false, "P(the member makes this choice on the first ballot); with several seats a member names several candidates, so the candidates' p add up to more than the share of valid ballots", "probability"),
    ]);
}
