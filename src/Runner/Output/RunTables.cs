using StemSimulator.Runner.Infrastructure;

namespace StemSimulator.Runner.Output;

/// <summary>The tables <c>stemsim run</c> writes for a scenario's votes (and its timeline), described once.</summary>
internal static class RunTables
{
    /// <summary>
    /// <c>trials/</c>: one row per trial, variant and vote, as parts <c>trials/shard=K/part-0.parquet</c> in every run
    /// (a whole run is shard 0 of 1), so that <c>read_parquet('RUN/trials/**/*.parquet')</c> reads a single, a
    /// sharded and a merged run alike.
    /// </summary>
    public static TableDescription Trials { get; } = new("trials.parquet",
    [
        new("variant", ColumnType.String, false, "`baseline` or the what-if's name"),
        new("vote_id", ColumnType.String, false, "the vote's `id` in the scenario"),
        new("trial", ColumnType.Int64, false, "trial index, 0-based over the whole run (the same trial in every variant: common random numbers)"),
        new("yes", ColumnType.Int32, false, "members voting yes", "members"),
        new("no", ColumnType.Int32, false, "members voting no", "members"),
        new("abstain", ColumnType.Int32, false, "members abstaining", "members"),
        new("absent", ColumnType.Int32, false, "members absent, including those without a vote under Art. 19; yes + no + abstain + absent = the body's membership", "members"),
        new("adopted", ColumnType.Bool, false, "adopted under the vote's rule by the sampled votes"),
        new("vetoed_by", ColumnType.String, true, "permanent members whose no vetoed a substantive Council draft, e.g. `RUS` or `CHN+RUS`", "ISO3 codes"),
        new("veto_decisive", ColumnType.Bool, true, "Council: vetoed and the draft had the affirmative votes it needed (nine); null for the Assembly and when not held"),
        new("p_adopted_exact", ColumnType.Double, true, "exact P(adopted) given the trial's shocks and position draws, where the exact estimator runs", "probability"),
        new("year", ColumnType.Int32, false, "year of the vote", "year"),
        new("held", ColumnType.Bool, false, "whether the vote was held in this trial (false when it waits for an outcome that did not happen or was not tabled; its counts are then 0)"),
        new("path", ColumnType.String, true, "the condition through which the vote was held, e.g. `sc-draft:vetoed`"),
        new("debate_working_day", ColumnType.Int32, true, "Council drafts: after a veto, the working day (1-10) on which the Assembly meets under A/RES/76/262", "UN working days"),
        new("debate_date", ColumnType.Date, true, "the date of that meeting (UN Headquarters calendar, 2014-2030)"),
    ], partitioned: true);

    /// <summary>
    /// <c>member_votes/</c> (opt-in, <c>stemsim run --member-votes</c>): one row per trial, variant, vote held in that
    /// trial and member of the body, in parts laid out like <see cref="Trials"/>; for questions about several members
    /// at once.
    /// </summary>
    public static TableDescription MemberVotes { get; } = new("member_votes.parquet",
    [
        new("trial", ColumnType.Int64, false, "trial index, as in `trials/`"),
        new("variant", ColumnType.String, false, "`baseline` or the what-if's name"),
        new("vote_id", ColumnType.String, false, "the vote's `id`; only votes held in the trial have rows"),
        new("member", ColumnType.String, false, "ISO3 code of a member of the body (every member, once per trial and vote)"),
        new("vote", ColumnType.String, false, "what it did in that trial: `yes`, `no`, `abstain` or `absent` (absent includes no vote under Art. 19); per trial and vote the rows of each kind add up to the counts in `trials/`"),
    ], partitioned: true);

    /// <summary><c>summary.parquet</c>.</summary>
    public static TableDescription Summary { get; } = new("summary.parquet",
    [
        new("variant", ColumnType.String, false, "`baseline` or the what-if's name"),
        new("vote_id", ColumnType.String, false, "the vote's `id`"),
        new("body", ColumnType.String, false, "`GA` or `SC`"),
        new("rule", ColumnType.String, false, "`simple`, `two_thirds` (Assembly), `substantive`, `procedural` (Council)"),
        new("date", ColumnType.Date, false, "date of the vote"),
        new("year", ColumnType.Int32, false, "year of the vote", "year"),
        new("estimator", ColumnType.String, false, "`sampled` (share of trials) or `exact_conditional` (mean of the exact conditional probabilities)"),
        new("members", ColumnType.Int32, false, "members of the body who take part", "members"),
        new("trials", ColumnType.Int64, false, "trials counted", "trials"),
        new("p_adopted", ColumnType.Double, false, "P(adopted), by the vote's estimator", "probability"),
        new("p_adopted_se", ColumnType.Double, false, "Monte Carlo standard error of `p_adopted`", "probability"),
        new("p_adopted_lo95", ColumnType.Double, true, "lower end of the 95% interval of `p_adopted` (Wilson for the sampled share, normal for the exact estimator); null for a run of a single trial, which has no interval", "probability"),
        new("p_adopted_hi95", ColumnType.Double, true, "upper end of that interval (null like `p_adopted_lo95`)", "probability"),
        new("p_adopted_sampled", ColumnType.Double, false, "the share of trials adopted by the sampled votes, whatever the estimator", "probability"),
        new("diff_vs_baseline", ColumnType.Double, true, "what-ifs: `p_adopted` minus the baseline's, over the same trials", "probability"),
        new("diff_se_paired", ColumnType.Double, true, "its standard error using the pairing (common random numbers)", "probability"),
        new("diff_se_unpaired", ColumnType.Double, true, "what the standard error would be without the pairing: sqrt(se² + se_baseline²)", "probability"),
        new("p_held", ColumnType.Double, false, "share of trials in which the vote was held (1 for a vote that waits for nothing)", "probability"),
        new("p_adopted_given_held", ColumnType.Double, true, "P(adopted | held); null if never held", "probability"),
        new("p_adopted_given_trigger", ColumnType.Double, true, "for a vote with one condition: P(adopted | its trigger happened), e.g. P(follow-up adopted | veto); null without a condition or with several (their union's probability is not kept)", "probability"),
        new("yes_mean", ColumnType.Double, true, "mean yes count; null for a vote never held", "members"),
        new("yes_p05", ColumnType.Int32, true, "5th, 50th and 95th percentiles of the yes count (the 90% range is p05-p95); null for a vote never held (no counts, not counts of 0; also in `--json`)", "members"),
        new("yes_p50", ColumnType.Int32, true, "5th, 50th and 95th percentiles of the yes count (the 90% range is p05-p95); null for a vote never held (no counts, not counts of 0; also in `--json`)", "members"),
        new("yes_p95", ColumnType.Int32, true, "5th, 50th and 95th percentiles of the yes count (the 90% range is p05-p95); null for a vote never held (no counts, not counts of 0; also in `--json`)", "members"),
        new("no_p05", ColumnType.Int32, true, "the same for no", "members"),
        new("no_p50", ColumnType.Int32, true, "the same for no", "members"),
        new("no_p95", ColumnType.Int32, true, "the same for no", "members"),
        new("abstain_p05", ColumnType.Int32, true, "the same for abstentions", "members"),
        new("abstain_p50", ColumnType.Int32, true, "the same for abstentions", "members"),
        new("abstain_p95", ColumnType.Int32, true, "the same for abstentions", "members"),
        new("absent_p50", ColumnType.Int32, true, "median number absent; null for a vote never held", "members"),
        new("p_veto", ColumnType.Double, true, "Council substantive drafts: P(at least one permanent member votes no); null for the Assembly", "probability"),
        new("p_veto_decisive", ColumnType.Double, true, "P(vetoed and the draft had the nine affirmative votes)", "probability"),
        new("p_debate", ColumnType.Double, true, "P(a veto convenes the Assembly's debate under A/RES/76/262)", "probability"),
        new("p_veto_chn", ColumnType.Double, true, "P(this permanent member vetoes)", "probability"),
        new("p_veto_fra", ColumnType.Double, true, "P(this permanent member vetoes)", "probability"),
        new("p_veto_gbr", ColumnType.Double, true, "P(this permanent member vetoes)", "probability"),
        new("p_veto_rus", ColumnType.Double, true, "P(this permanent member vetoes)", "probability"),
        new("p_veto_usa", ColumnType.Double, true, "P(this permanent member vetoes)", "probability"),
    ]);

    /// <summary><c>member_probabilities.parquet</c>.</summary>
    public static TableDescription MemberProbabilities { get; } = new("member_probabilities.parquet",
    [
        new("variant", ColumnType.String, false, "`baseline` or the what-if's name"),
        new("vote_id", ColumnType.String, false, "the vote's `id`"),
        new("member", ColumnType.String, false, "ISO3 code"),
        new("name", ColumnType.String, false, "the state's name"),
        new("regional_group", ColumnType.String, false, "its regional group: `AFRICAN_GROUP`, `ASIA_PACIFIC_GROUP`, `EASTERN_EUROPEAN_GROUP`, `GRULAC` or `WEOG` (the names scenarios and `stemsim members` use)"),
        new("blocs", ColumnType.String, false, "the blocs it belongs to on the vote's date, space-separated (e.g. `EU NATO`); empty for none"),
        new("p_yes", ColumnType.Double, false, "P(the member votes yes)", "probability"),
        new("p_abstain", ColumnType.Double, false, "P(it abstains)", "probability"),
        new("p_no", ColumnType.Double, false, "P(it votes no)", "probability"),
        new("p_absent", ColumnType.Double, false, "P(it is absent, or has no vote under Art. 19)", "probability"),
        new("swing", ColumnType.Double, false, "P(adopted | it votes yes) − P(adopted | it votes no), everyone else as simulated: how often its vote decides the outcome", "probability"),
    ]);

    /// <summary><c>drift.parquet</c>.</summary>
    public static TableDescription Drift { get; } = new("drift.parquet",
    [
        new("variant", ColumnType.String, false, "the variant, `baseline` first"),
        new("year", ColumnType.Int32, false, "the calendar year of the timeline, the start included (positions as they stand at that year's votes)", "year"),
        new("kind", ColumnType.String, false, "`member`, `centre` or `bloc`"),
        new("name", ColumnType.String, false, "ISO3 code of the member, the centre, or the bloc"),
        new("position_p05", ColumnType.Double, true, "5th percentile of the position over trials (bins of 0.05); null for `bloc` rows", "calibration scale"),
        new("position_p10", ColumnType.Double, true, "10th percentile", "calibration scale"),
        new("position_p50", ColumnType.Double, true, "median", "calibration scale"),
        new("position_p90", ColumnType.Double, true, "90th percentile", "calibration scale"),
        new("position_p95", ColumnType.Double, true, "95th percentile", "calibration scale"),
        new("cohesion", ColumnType.Double, true, "`bloc` rows: share of the bloc's members present that voted with the bloc's majority (yes, abstain or no; ties not counted), pooled over that year's votes and trials", "share"),
        new("agreement_eu", ColumnType.Double, true, "`member` rows: share of the member's votes (present) that matched the EU majority in that year's votes; null without an Assembly vote that year", "share"),
        new("vote_trials", ColumnType.Int64, true, "`bloc` rows: votes × trials in which the bloc had a majority; `member` rows: votes × trials compared with the EU majority", "count"),
    ]);

    /// <summary><c>drift_adoption.parquet</c>.</summary>
    public static TableDescription DriftAdoption { get; } = new("drift_adoption.parquet",
    [
        new("variant", ColumnType.String, false, "the variant"),
        new("vote_id", ColumnType.String, false, "the vote"),
        new("year", ColumnType.Int32, false, "the year of the vote", "year"),
        new("date", ColumnType.Date, false, "date of the vote"),
        new("p_adopted", ColumnType.Double, false, "P(adopted), as in `summary.parquet`", "probability"),
        new("p_adopted_lo95", ColumnType.Double, false, "lower end of its 95% Monte Carlo interval", "probability"),
        new("p_adopted_hi95", ColumnType.Double, false, "upper end", "probability"),
        new("trials_held", ColumnType.Int64, false, "trials in which the vote was held", "count"),
        new("p_conditional_p05", ColumnType.Double, false, "5th percentile over trials of P(adopted | the trial's positions and shocks)", "probability"),
        new("p_conditional_p10", ColumnType.Double, false, "10th percentile", "probability"),
        new("p_conditional_p25", ColumnType.Double, false, "25th percentile", "probability"),
        new("p_conditional_p50", ColumnType.Double, false, "median", "probability"),
        new("p_conditional_p75", ColumnType.Double, false, "75th percentile", "probability"),
        new("p_conditional_p90", ColumnType.Double, false, "90th percentile", "probability"),
        new("p_conditional_p95", ColumnType.Double, false, "95th percentile", "probability"),
    ]);
}
