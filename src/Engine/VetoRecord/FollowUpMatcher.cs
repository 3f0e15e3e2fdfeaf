using System.Text.RegularExpressions;

namespace StemSimulator.Engine.VetoRecord;

/// <summary>
/// Matches vetoes to the General Assembly votes that followed them on the same subject. Pure and deterministic: the
/// result depends only on the records and the rules, not on their order.
/// </summary>
/// <remarks>
/// A follow-up of a veto event is a recorded Assembly resolution adopted from the day of the veto to
/// <see cref="MatchingRules.WindowDays"/> after it, whose title is on the event's subject (<see cref="SubjectKeywords"/>),
/// and which is either adopted at an emergency special session or is not a recurring text: a text counts as recurring
/// when a resolution with nearly the same title words (Jaccard ≥ <see cref="MatchingRules.RecurringSimilarity"/>) was
/// adopted in the <see cref="MatchingRules.RecurringLookbackDays"/> before the veto. Without that rule every December
/// veto would be "followed" by the annual Palestine resolutions, which are voted whatever the Council does.
/// </remarks>
internal static partial class FollowUpMatcher
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal) { "the", "of", "on", "in", "and", "to", "a", "an", "for", "by", "at", "its", "with", "from" };

    /// <summary>Groups the vetoes into events and finds each event's follow-ups and comparison vote.</summary>
    public static IReadOnlyList<VetoEvent> Match(IEnumerable<VetoCast> vetoes, IEnumerable<AssemblyVote> votes, MatchingRules rules)
    {
        ArgumentNullException.ThrowIfNull(vetoes);
        ArgumentNullException.ThrowIfNull(votes);
        ArgumentNullException.ThrowIfNull(rules);
        var ordered = votes.OrderBy(v => v.Date).ThenBy(v => v.Symbol, StringComparer.Ordinal).ToArray();
        var words = ordered.Select(v => TitleWords(v.Title)).ToArray();
        var events = new List<VetoEvent>();
        foreach (var group in vetoes.GroupBy(v => (v.Date, v.Topic)).OrderBy(g => g.Key.Date).ThenBy(g => g.Key.Topic, StringComparer.Ordinal))
        {
            var (date, topic) = group.Key;
            var drafts = group.Select(v => v.Draft).Order(StringComparer.Ordinal).ToArray();
            var members = group.SelectMany(v => v.VetoedBy).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            var followUps = new List<AssemblyVote>();
            AssemblyVote? comparison = null;
            for (int i = 0; i < ordered.Length; i++)
            {
                var vote = ordered[i];
                int days = vote.Date.DayNumber - date.DayNumber;
                if (days < -rules.ComparisonLookbackDays || days > rules.WindowDays || !SubjectKeywords.IsOnSubject(topic, vote.Title))
                {
                    continue;
                }

                if (days < 0)
                {
                    comparison = vote; // ordered by date: the last one before the veto wins
                }
                else if (vote.EmergencySpecialSession || !IsRecurring(i, date, ordered, words, rules))
                {
                    followUps.Add(vote);
                }
            }

            events.Add(new VetoEvent(date, topic, drafts, members, followUps, comparison));
        }

        return events;
    }

    /// <summary>The significant lower-case words of a title, without the catalogue suffix (": resolution / adopted by ...").</summary>
    internal static HashSet<string> TitleWords(string title)
    {
        var text = CatalogueSuffix().Replace(title, string.Empty).ToLowerInvariant();
        text = UnAbbreviation().Replace(text, "united nations");
        return NonLetters().Split(text).Where(w => w.Length > 0 && !StopWords.Contains(w)).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Jaccard similarity of two word sets (0..1; 0 when both are empty).</summary>
    internal static double Similarity(HashSet<string> a, HashSet<string> b)
    {
        int common = a.Count(b.Contains);
        int union = a.Count + b.Count - common;
        return union == 0 ? 0 : (double)common / union;
    }

    private static bool IsRecurring(int index, DateOnly vetoDate, AssemblyVote[] ordered, HashSet<string>[] words, MatchingRules rules)
    {
        var from = vetoDate.AddDays(-rules.RecurringLookbackDays);
        for (int j = 0; j < ordered.Length && ordered[j].Date < vetoDate; j++)
        {
            if (ordered[j].Date >= from && Similarity(words[j], words[index]) >= rules.RecurringSimilarity)
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"\s*:\s*resolution\s*/\s*adopted by the General Assembly.*$", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex CatalogueSuffix();

    [GeneratedRegex(@"\bun\b", RegexOptions.CultureInvariant)]
    private static partial Regex UnAbbreviation();

    [GeneratedRegex("[^a-z]+", RegexOptions.CultureInvariant)]
    private static partial Regex NonLetters();
}
