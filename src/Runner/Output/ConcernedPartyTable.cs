using StemSimulator.Engine.Model;
using StemSimulator.Engine.Randomness;
using StemSimulator.Engine.Rules;
using StemSimulator.Runner.Infrastructure;

namespace StemSimulator.Runner.Output;

/// <summary>
/// Writes <c>concerned_party.parquet</c> for runs with a vote that names <c>concerns</c>: one row per variant, such
/// vote and member, with what the concerned-party effect did to the member (docs/concerned-party.md,
/// docs/council-model.md): its probabilities before shocks with and without the effect, and the kind of change.
/// Not written when no vote names a concerned state.
/// </summary>
internal static class ConcernedPartyTable
{
    /// <summary>The table, described once.</summary>
    public static TableDescription Description { get; } = new("concerned_party.parquet",
    [
        new("variant", ColumnType.String, false, "`baseline` or the what-if's name"),
        new("vote_id", ColumnType.String, false, "the vote's `id` (only votes that name `concerns` in this variant)"),
        new("body", ColumnType.String, false, "`GA` or `SC`"),
        new("concerns", ColumnType.String, false, "the states the text concerns, as written, e.g. `ISR` or `RUS+UKR`", "ISO3 codes"),
        new("member", ColumnType.String, false, "ISO3 code (every member taking part; join `member_probabilities.parquet` on `variant`, `vote_id`, `member` for the simulated probabilities)"),
        new("concerned", ColumnType.Bool, false, "whether the member is one of the states the text concerns"),
        new("effect", ColumnType.String, false, "what the effect did: `own_vote` (Assembly: a concerned state votes with the record's own-vote probabilities), `closeness_shift` (Assembly: latent support shifted by the position distance to the first concerned state), `council_record` (Council: a permanent member's P(no) is its P(veto) from the Council record model), `none` (unchanged: an elected Council member, `council_model: assembly`, a member whose vote or probabilities the scenario sets, a fixed vote)"),
        new("shift", ColumnType.Double, true, "`closeness_shift` rows: the shift of latent support, gamma0 + gamma1 × distance (positive: towards yes); null otherwise", "latent support"),
        new("p_yes_without", ColumnType.Double, false, "P(yes) before shocks and analog spread if the vote named no concerned state", "probability"),
        new("p_abstain_without", ColumnType.Double, false, "P(abstain), the same", "probability"),
        new("p_no_without", ColumnType.Double, false, "P(no), the same (a permanent member's no on a substantive draft is its veto)", "probability"),
        new("p_yes_with", ColumnType.Double, false, "P(yes) before shocks and analog spread with the effect (what the run simulates, before its shocks)", "probability"),
        new("p_abstain_with", ColumnType.Double, false, "P(abstain), the same", "probability"),
        new("p_no_with", ColumnType.Double, false, "P(no), the same", "probability"),
    ]);

    /// <summary>The file's name in a run folder.</summary>
    public static string FileName => Description.FileName;

    /// <summary>Whether a run of <paramref name="model"/> writes the table: some vote of some variant names a concerned state.</summary>
    public static bool Applies(SimulationModel model) => model.Variants.Any(v => v.Votes.Any(vote => vote.ConcernedStates.Length > 0));

    /// <summary>Writes the rows of every variant's votes that name concerned states (they depend on the scenario alone, not on the trials).</summary>
    public static async Task WriteAsync(SimulationModel model, Stream stream, Provenance provenance, CancellationToken cancellationToken)
    {
        var rows = new List<ConcernedRow>();
        foreach (var variant in model.Variants)
        {
            foreach (var vote in variant.Votes.Where(vote => vote.ConcernedStates.Length > 0))
            {
                for (int i = 0; i < vote.Count; i++)
                {
                    rows.Add(Row(variant.Name, vote, i));
                }
            }
        }

        var data = Description.NewData();
        data.Add("variant", rows, r => r.Variant);
        data.Add("vote_id", rows, r => r.VoteId);
        data.Add("body", rows, r => r.Body);
        data.Add("concerns", rows, r => r.Concerns);
        data.Add("member", rows, r => r.Member);
        data.Add("concerned", rows, r => r.Concerned);
        data.Add("effect", rows, r => r.Effect);
        data.Add("shift", rows, r => r.Shift);
        data.Add("p_yes_without", rows, r => r.Without.Yes);
        data.Add("p_abstain_without", rows, r => r.Without.Abstain);
        data.Add("p_no_without", rows, r => r.Without.No);
        data.Add("p_yes_with", rows, r => r.With.Yes);
        data.Add("p_abstain_with", rows, r => r.With.Abstain);
        data.Add("p_no_with", rows, r => r.With.No);
        await TableWriter.WriteAsync(data, stream, provenance.ToTable(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One row of the table (a class, not a tuple: see <see cref="TableData.Add{TRow, T}(string, IReadOnlyList{TRow}, Func{TRow, T})"/>).</summary>
    private sealed record ConcernedRow(string Variant, string VoteId, string Body, string Concerns, string Member, bool Concerned, string Effect, double? Shift,
        (double Yes, double Abstain, double No) Without, (double Yes, double Abstain, double No) With);

    private static ConcernedRow Row(string variant, VoteModel vote, int i)
    {
        string code = vote.Codes[i];
        bool concerned = vote.ConcernedStates.Contains(code);
        var lean = vote.Lean(i);
        var without = vote.LeanWithoutConcerns(i);
        string effect = without is null ? "none"
            : vote.Body == Body.SecurityCouncil ? "council_record"
            : concerned ? "own_vote"
            : "closeness_shift";
        double? shift = effect == "closeness_shift" ? lean.Mean - without!.Value.Mean : null;
        return new ConcernedRow(variant, vote.Id, vote.Body.Code(), string.Join('+', vote.ConcernedStates), code, concerned, effect, shift,
            Probabilities(without ?? lean), Probabilities(lean));
    }

    /// <summary>
    /// P(yes), P(abstain), P(no) of a lean before shocks: present with 1 - absence, then P(no) = Phi((tau1 - mean) / sqrt(1 +
    /// loading^2)) and P(no or abstain) = Phi((tau2 - mean) / sqrt(1 + loading^2)) (docs/design.md, the vote model).
    /// </summary>
    internal static (double Yes, double Abstain, double No) Probabilities(MemberLean lean)
    {
        if (lean.Fixed is { } choice)
        {
            return choice switch
            {
                VoteChoice.Yes => (1, 0, 0),
                VoteChoice.Abstain => (0, 1, 0),
                VoteChoice.No => (0, 0, 1),
                VoteChoice.Absent => (0, 0, 0),
                _ => throw new InvalidOperationException($"Unknown vote choice {choice}."),
            };
        }

        double present = 1 - lean.AbsenceProbability;
        double scale = Math.Sqrt(1 + (lean.PositionLoading * lean.PositionLoading));
        double no = StandardNormal.Cdf((lean.NoBelow - lean.Mean) / scale);
        double noOrAbstain = StandardNormal.Cdf((lean.YesFrom - lean.Mean) / scale);
        return (present * (1 - noOrAbstain), present * (noOrAbstain - no), present * no);
    }
}
