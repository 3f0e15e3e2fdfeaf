using StemSimulator.Engine.Model;
using StemSimulator.Scenarios.Document;

namespace StemSimulator.Scenarios.Compilation;

/// <summary>
/// The members' part of a scenario: the layers of member settings (fixed votes, probabilities, shifts, absence) and
/// each member's lean on a vote from the calibrated positions.
/// </summary>
internal sealed class MemberCompiler
{
    /// <summary>Largest shift of a member's latent support (and of an analog's shift).</summary>
    public const double MaxShift = 10;

    private readonly CompilationContext _context;

    public MemberCompiler(CompilationContext context) => _context = context;

    /// <summary>
    /// Checks one layer of member settings (scenario, vote, variant or variant vote): the entries of members under
    /// <paramref name="members"/> and of groups under <paramref name="blocs"/>.
    /// </summary>
    public void CheckMemberLayer(Dictionary<string, MemberDocument>? members, DateOnly date, Dictionary<string, MemberDocument>? blocs = null)
    {
        foreach (var (code, member) in members ?? [])
        {
            if (_context.CheckCode(code, members!, code, date) is null)
            {
                continue;
            }

            if (member.Except is not null)
            {
                _context.Error(member, "except", $"{code}: 'except' is for entries under 'blocs' (a group minus some of its members)");
            }

            CheckEntry(code, member);
        }

        var sets = _context.MemberSets;
        sets.CheckDuplicates(blocs);
        foreach (var (key, entry) in blocs ?? [])
        {
            if (sets.CheckGroupKey(blocs!, key) is not { } group)
            {
                continue;
            }

            CheckEntry(group, entry);
            sets.CheckExcept(entry.Except, [group], entry, date);
        }
    }

    /// <summary>Checks the settings of one entry (a member's or a group's): a vote or probabilities, not both; ranges.</summary>
    private void CheckEntry(string code, MemberDocument member)
    {
        bool probabilities = member.PYes is not null || member.PAbstain is not null || member.PNo is not null;
        if (member.Vote is not null && probabilities)
        {
            _context.Error(member, "vote", $"{code}: give either 'vote' or the probabilities p_yes/p_abstain/p_no, not both");
        }

        foreach (var (key, value) in new[] { ("p_yes", member.PYes), ("p_abstain", member.PAbstain), ("p_no", member.PNo), ("absence", member.Absence) })
        {
            if (value is { } p && (p < 0 || p > 1))
            {
                _context.Error(member, key, $"{code}: {key} is a probability between 0 and 1, not {p}");
            }
        }

        if (probabilities)
        {
            double sum = (member.PYes ?? 0) + (member.PAbstain ?? 0) + (member.PNo ?? 0);
            if (sum > 1 + 1e-9)
            {
                _context.Error(member, "p_yes", $"{code}: p_yes + p_abstain + p_no = {sum:0.###}; they may add up to at most 1 (the rest is absence)");
            }

            if (member.Absence is { } absence && Math.Abs(sum + absence - 1) > 1e-9)
            {
                _context.Error(member, "absence", $"{code}: with probabilities given, absence is 1 - p_yes - p_abstain - p_no = {1 - sum:0.###}; leave 'absence' out");
            }
        }

        if (member.Shift is { } shift)
        {
            _context.CheckRange(member, "shift", shift, -MaxShift, MaxShift, "a shift");
        }
    }

    /// <summary>
    /// A member's lean on a vote: a certain vote or direct probabilities when the layers give them, else the
    /// ordered-probit lean from its calibrated position and the vote's parameters.
    /// </summary>
    public MemberLean Lean(string code, MemberLayers layers, VoteParameters parameters, Body body, DateOnly date, bool drift = false)
    {
        if (layers.Vote is { } certain)
        {
            return MemberLean.Certain(ClosedSets.Choice(certain));
        }

        if (layers.HasProbabilities)
        {
            var direct = MemberLean.FromProbabilities(layers.PYes ?? 0, layers.PAbstain ?? 0, layers.PNo ?? 0);
            return direct with { Mean = direct.Mean + layers.Shift };
        }

        var position = _context.Catalog.Calibration.Find(code, _context.CalibrationYear)
            ?? throw new InvalidOperationException($"The embedded calibration has no position for {code}.");

        // A vote years after the calibration year: the position has drifted by a random walk since, so its
        // uncertainty grows by the calibration's yearly step (variance se^2 + years * step^2).
        double se = _context.DriftedStandardError(position, date);
        double beta = parameters.Beta;
        // In a multi-year scenario the kernel adds beta times the trial's drifted position; the lean keeps the rest
        // (the issue offsets) and no position uncertainty of its own (the drift path carries it).
        double driftFree = drift ? position.PositionFor(parameters.IssueMask) - position.Theta : position.PositionFor(parameters.IssueMask);
        return new MemberLean(
            Mean: (beta * driftFree) + parameters.Shift + layers.Shift + parameters.MemberShift(code),
            PositionLoading: drift ? 0 : beta * se,
            NoBelow: parameters.Cutpoints[0],
            YesFrom: parameters.Cutpoints[1],
            // Absence rates are calibrated on the Assembly; Council members sit for every vote.
            AbsenceProbability: layers.Absence ?? (body == Body.SecurityCouncil ? 0.0 : position.AbsenceRate));
    }

    /// <summary>
    /// A member without a vote in the Assembly under Art. 19 is absent from every Assembly vote, so a vote,
    /// probabilities or a shift given to it there would be silently ignored: an error at the member's entry. Entries on
    /// Assembly votes always conflict; scenario-wide and variant-wide entries only when every vote is an Assembly
    /// vote (otherwise they still apply to the Council drafts).
    /// </summary>
    public void CheckArticle19Conflicts(ScenarioDocument document, string[] article19)
    {
        if (article19.Length == 0)
        {
            return;
        }

        bool onlyAssembly = document.Votes.All(v => v.Body != BodyName.SC);
        void Check(Dictionary<string, MemberDocument>? members, string where)
        {
            foreach (var (code, member) in members ?? [])
            {
                bool sets = member.Vote is not null || member.PYes is not null || member.PAbstain is not null || member.PNo is not null || member.Shift is not null;
                if (sets && article19.Contains(code, StringComparer.Ordinal))
                {
                    _context.Error(members!, code, $"{code} is in 'article_19' (no vote in the General Assembly), so the vote, probabilities or shift given to it{where} would be ignored; remove one of the two");
                }
            }
        }

        if (onlyAssembly)
        {
            Check(document.Members, string.Empty);
        }

        foreach (var vote in document.Votes.Where(v => v.Body != BodyName.SC))
        {
            Check(vote.Members, $" on '{vote.Id}'");
        }

        foreach (var variant in document.Variants ?? [])
        {
            if (onlyAssembly)
            {
                Check(variant.Members, $" in variant '{variant.Name}'");
            }

            foreach (var (voteId, change) in variant.Votes ?? [])
            {
                if (document.Votes.FirstOrDefault(v => v.Id == voteId) is { Body: not BodyName.SC })
                {
                    Check(change.Members, $" on '{voteId}' in variant '{variant.Name}'");
                }
            }
        }
    }
}
