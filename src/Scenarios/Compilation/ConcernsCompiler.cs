using StemSimulator.Scenarios.Diagnostics;
using StemSimulator.Scenarios.Document;

namespace StemSimulator.Scenarios.Compilation;

/// <summary>The <c>concerns</c> key of a vote: the states whose conduct the text addresses.</summary>
internal sealed class ConcernsCompiler
{
    private readonly CompilationContext _context;

    public ConcernsCompiler(CompilationContext context) => _context = context;

    /// <summary>Most concerned states a vote may name (a text on a situation names a few parties, not a bloc).</summary>
    public const int MaxConcerned = 10;

    /// <summary>
    /// Checks a vote's (or a variant's) <c>concerns</c>: unknown codes and repeats are errors; a known state that is
    /// not a member of the body voting on the date (an observer, a state not yet admitted, a state without a Council
    /// seat) is a warning, since the text still shapes the others' votes.
    /// </summary>
    public void CheckConcerns(string[]? codes, VoteDocument vote, DateOnly date, string[]? council)
    {
        if (codes is null)
        {
            return;
        }

        if (codes.Length > MaxConcerned)
        {
            _context.Error(codes, "0", $"{codes.Length} concerned states; a vote may name at most {MaxConcerned}");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < codes.Length; i++)
        {
            string key = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            string code = codes[i];
            var state = code is null ? null : _context.Catalog.FindState(code);
            if (state is null)
            {
                _context.Error(codes, key, $"unknown state '{code}' in 'concerns'{Suggestions.DidYouMean(code ?? string.Empty, _context.Catalog.States.Select(s => s.Code))} (states are ISO3 codes such as RUS, ISR, MMR)");
                continue;
            }

            if (!seen.Add(code!))
            {
                _context.Error(codes, key, $"{code} is named twice in 'concerns'");
                continue;
            }

            bool member = vote.Body == BodyName.SC
                ? PermanentMembersCodes.Contains(code) || (council ?? (_context.Catalog.CouncilYears.Contains(date.Year) ? _context.Catalog.ElectedCouncilMembers(date.Year) : [])).Contains(code)
                    || (vote.Reform?.NewPermanent ?? []).Contains(code) || (vote.Reform?.NewElected ?? []).Contains(code)
                : !state.IsObserver && state.Admitted <= date && _context.Catalog.VotingMembersOn(date).Any(s => s.Code == code);
            if (!member)
            {
                _context.Warning(codes, key, vote.Body == BodyName.SC
                    ? $"{code} ({state.Name}) has no seat in the Council on {date:yyyy-MM-dd}; it does not vote, but its partners' votes still shift"
                    : $"{code} ({state.Name}) does not vote in the General Assembly on {date:yyyy-MM-dd}; it does not vote, but its partners' votes still shift");
            }
        }
    }

    private static readonly string[] PermanentMembersCodes = [.. StemSimulator.Engine.Rules.PermanentMembersExtensions.AllCodes];
}
