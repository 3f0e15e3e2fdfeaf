using System.Globalization;
using StemSimulator.Engine.Model;
using StemSimulator.Engine.Rules;
using StemSimulator.Engine.Simulation;

namespace StemSimulator.Runner.Running;

/// <summary>
/// How the outputs say that a run conditioned on announced votes (<c>given:</c>): which votes, and how many draws of the
/// shared shocks and positions it took to accept the trials. Every accepted trial is an exact, unweighted draw given the
/// announcements, so the effective sample size is the number of trials.
/// </summary>
internal static class GivenSummary
{
    /// <summary>The announcements of a vote as text, e.g. <c>USA no, CHN abstain</c>.</summary>
    public static string Announcements(IReadOnlyList<AnnouncedVote> given) =>
        string.Join(", ", given.Select(g => $"{g.Code} {Name(g.Choice)}"));

    /// <summary>yes, no, abstain or absent.</summary>
    public static string Name(VoteChoice choice) => choice switch
    {
        VoteChoice.Yes => "yes",
        VoteChoice.No => "no",
        VoteChoice.Abstain => "abstain",
        VoteChoice.Absent => "absent",
        _ => throw new ArgumentOutOfRangeException(nameof(choice), choice, "Unknown vote choice."),
    };

    /// <summary>
    /// One sentence for a conditioned vote: the announcements, the trials accepted, the draws made and the acceptance
    /// rate; null for a vote without announcements.
    /// </summary>
    public static string? Sentence(VoteStatistics vote) => Sentence(vote.Vote, vote.Trials, vote.GivenDraws);

    /// <inheritdoc cref="Sentence(VoteStatistics)"/>
    public static string? Sentence(VoteDescription vote, long trials, long draws)
    {
        if (vote.Given.Count == 0 || draws == 0)
        {
            return null;
        }

        return string.Create(
            CultureInfo.InvariantCulture,
            $"conditioned on announced votes ({Announcements(vote.Given)}): {trials:N0} trials accepted from {draws:N0} draws of the shared shocks and positions (acceptance rate {(double)trials / draws:0.0%}, the model's probability of the announcements); each accepted trial is an exact draw given them, so the effective sample size is {trials:N0}");
    }

    /// <summary>
    /// The metadata value <c>stemsim.given</c>: per conditioned variant and vote, <c>variant/vote: announcements</c>, with
    /// the draws and acceptance rate once the run is done; null when nothing is conditioned.
    /// </summary>
    public static string? Metadata(IEnumerable<(string Variant, VoteDescription Vote)> votes, IReadOnlyList<VoteStatistics>? done = null)
    {
        var parts = votes
            .Where(v => v.Vote.Given.Count > 0)
            .Select(v =>
            {
                string text = $"{v.Variant}/{v.Vote.Id}: {Announcements(v.Vote.Given)}";
                var statistics = done?.FirstOrDefault(s => s.Variant == v.Variant && s.Vote.Id == v.Vote.Id);
                return statistics is null ? text
                    : text + string.Create(CultureInfo.InvariantCulture, $" ({statistics.Trials} trials from {statistics.GivenDraws} draws, acceptance rate {statistics.GivenAcceptanceRate:0.0000})");
            })
            .ToArray();
        return parts.Length == 0 ? null : string.Join("; ", parts);
    }
}
