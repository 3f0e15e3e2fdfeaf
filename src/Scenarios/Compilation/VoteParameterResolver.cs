using StemSimulator.Engine.Model;
using StemSimulator.Scenarios.Document;
using StemSimulator.Scenarios.Reference;

namespace StemSimulator.Scenarios.Compilation;

/// <summary>
/// A vote's ordered-probit parameters: an analog roll call (<c>like</c>) or explicit discrimination and cut-points,
/// checked, resolved and remembered per vote and per variant change for compilation.
/// </summary>
internal sealed class VoteParameterResolver
{
    private const double MaxParameter = 20;

    /// <summary>The states concerned as an analog population other than same_subject's sees them: none needed.</summary>
    private static readonly IReadOnlyDictionary<string, string[]> NoConcerns = new Dictionary<string, string[]>(StringComparer.Ordinal);

    private readonly CompilationContext _context;
    private readonly Dictionary<object, VoteParameters> _parameters = new(ReferenceEqualityComparer.Instance);

    public VoteParameterResolver(CompilationContext context) => _context = context;

    /// <summary>The resolved parameters of a vote, changed by a variant's <paramref name="change"/> when that changes them.</summary>
    public VoteParameters For(VoteDocument vote, VariantVoteDocument? change) =>
        change is not null && _parameters.TryGetValue(change, out var changed) ? changed : _parameters[vote];

    /// <summary>
    /// The vote parameters of <paramref name="vote"/>, changed by <paramref name="change"/> when given: an analog's
    /// beta, cut-points and issue areas (shifted as asked), replaced field by field by explicit values. Problems are
    /// reported at <paramref name="owner"/>; the result is remembered for compilation.
    /// </summary>
    public void Resolve(object owner, VoteDocument vote, VariantVoteDocument? change)
    {
        var like = change is null ? vote.Like : change.Like;
        double? discrimination = change is null ? vote.Discrimination : change.Discrimination;
        double[]? cutpoints = change is null ? vote.Cutpoints : change.Cutpoints;
        if (like is not null && (discrimination is not null || cutpoints is not null))
        {
            _context.Error(owner, "like", $"vote '{vote.Id}': give either 'like' (the parameters of a historical roll call) or 'discrimination' and 'cutpoints', not both");
            return;
        }

        if (discrimination is { } beta)
        {
            _context.CheckRange(owner, "discrimination", beta, -MaxParameter, MaxParameter, "the discrimination");
        }

        if (cutpoints is not null)
        {
            CheckCutpoints(owner, cutpoints);
        }

        VoteParameters? resolved = null;
        if (like is not null)
        {
            resolved = ResolveAnalog(vote, like);
        }
        else if (change is not null)
        {
            // Explicit values in a variant mean what they mean in a vote: these parameters, without an analog's shift,
            // issue offsets or spread. A variant may give one of the two only where the baseline's are explicit too.
            if (vote.Like is not null && (discrimination is null || cutpoints is null))
            {
                _context.Error(owner, discrimination is null ? "cutpoints" : "discrimination",
                    $"vote '{vote.Id}' takes its parameters from 'like'; a variant that gives explicit parameters replaces the analog and needs both 'discrimination' and 'cutpoints'");
            }
            else if (_parameters.TryGetValue(vote, out var baseline))
            {
                resolved = new VoteParameters(discrimination ?? baseline.Beta, cutpoints ?? baseline.Cutpoints, 0, 0, null);
            }
        }
        else if (discrimination is null || cutpoints is null)
        {
            _context.Error(owner, "id", $"vote '{vote.Id}' needs either 'like: <roll call>' (e.g. like: A/RES/68/262) or both 'discrimination' and 'cutpoints'");
        }
        else
        {
            resolved = new VoteParameters(discrimination.Value, cutpoints, 0, 0, null);
        }

        if (resolved is not null && resolved.Cutpoints.Length == 2)
        {
            _parameters[owner] = resolved;
        }
    }

    private VoteParameters? ResolveAnalog(VoteDocument vote, AnalogDocument like)
    {
        if (string.IsNullOrWhiteSpace(like.Vote))
        {
            _context.Error(like, "vote", "'like' needs the roll call: a resolution symbol such as A/RES/68/262 or a roll-call id");
            return null;
        }

        var analog = _context.Catalog.RollCalls.Find(like.Vote, out var problem, vote.Title);
        if (analog is null)
        {
            _context.Error(like, "vote", problem!);
            return null;
        }

        double shift = like.Shift ?? 0;
        if (like.Shift is { } s)
        {
            _context.CheckRange(like, "shift", s, -MemberCompiler.MaxShift, MemberCompiler.MaxShift, "a shift");
        }

        int mask = like.Issue switch
        {
            null => analog.IssueMask,
            IssueAreaName.None => 0,
            { } issue => 1 << IssueAreas.IndexOf(Yaml.SnakeCase.From(issue.ToString())),
        };
        if (like.Spread is { } given)
        {
            _context.CheckRange(like, "spread", given, 0, 3, "an analog spread");
        }
        else if (like.Kind is null && !AnalogSpreadChoice.TitlesMatch(vote.Title, analog.Title))
        {
            // Only a repeat can be read off the record; any other kind is the user's judgement, and the other kinds'
            // spreads are several times a repeat's, so guessing would misstate the ranges.
            _context.Error(like, "vote", $"vote '{vote.Id}': say how {analog.Describe()} relates to this text with 'kind': {AnalogSpreadChoice.KindsInWords} (or set 'spread' by hand); only a vote whose title matches the analog's is taken for a repeat");
            return null;
        }

        var spread = AnalogSpreadChoice.Of(like, vote.Body == BodyName.GA, _context.AnalogSetting);
        // Only a same_subject population is found through the states concerned: the table is read for no other kind.
        var concerns = spread.Kind == AnalogKind.SameSubject ? RollCallConcerns.Embedded : NoConcerns;
        var choice = spread.WithPopulation(_context.Catalog.RollCalls.All, analog, concerns, _context.AnalogSetting);
        // Evidence known by its totals carries the uncertainty of its shift; calibrated roll calls have none to add.
        return new VoteParameters(analog.Beta, [analog.Tau1, analog.Tau2], mask, shift, analog)
        {
            AnalogShift = choice.Shift.Widened(analog.ExtraSpread),
            AnchorYes = choice.AnchorsOnCount ? analog.Yes : null,
            PopulationYes = choice.Population?.YesCounts ?? [],
            PopulationJitter = choice.Jitter,
            PopulationScale = choice.Kind is { } kind && !choice.ByHand ? AnalogSpreads.SettingScale(kind, _context.AnalogSetting) : 1,
            MemberShifts = analog.MemberShifts,
        };
    }

    private void CheckCutpoints(object owner, double[] cuts)
    {
        if (cuts.Length != 2)
        {
            _context.Error(owner, "cutpoints", $"cutpoints needs two numbers [no|abstain, abstain|yes], found {cuts.Length}");
            return;
        }

        if (cuts.Any(c => c < -MaxParameter || c > MaxParameter))
        {
            _context.Error(owner, "cutpoints", $"cut-points must lie between {-MaxParameter} and {MaxParameter}");
        }

        if (cuts[0] > cuts[1])
        {
            _context.Error(owner, "cutpoints", $"cut-points must be in order (no|abstain first): [{cuts[0]}, {cuts[1]}] would be [{cuts[1]}, {cuts[0]}]");
        }
    }
}
