namespace StemSimulator.Tests.Support;

/// <summary>
/// The scenario texts the tests write again and again, built in one place: a vote <c>v</c> in the Assembly with the
/// analog or parameters a test gives, and the conditioning tests' vote like the Jerusalem resolution. Each text ends
/// with a line break, so further keys of the vote, more votes or the variants can follow.
/// </summary>
internal static class ScenarioYaml
{
    /// <summary>The Jerusalem resolution (A/RES/ES-10/19) as the analog with spread 0.18: the vote the conditioning tests announce on.</summary>
    public const string JerusalemAnalog = "like: { vote: A/RES/ES-10/19, spread: 0.18 }";

    /// <summary>
    /// A scenario on 2021-03-01 (the last year of the embedded calibration's roll calls) with one vote <c>v</c>.
    /// </summary>
    /// <param name="parameters">The vote's analog or parameters, one line (<c>like: { vote: A/RES/68/262, kind: repeat }</c>).</param>
    /// <param name="title">The vote's title, or empty for none.</param>
    /// <param name="extra">Top-level lines before <c>votes:</c>, each ending with a line break, or empty.</param>
    /// <param name="body">The body voting: GA or SC.</param>
    public static string OneVote(string parameters, string title = "", string extra = "", string body = "GA") =>
        "scenario: test\n"
        + "as_of: 2021-03-01\n"
        + extra
        + "votes:\n"
        + "  - id: v\n"
        + $"    body: {body}\n"
        + (title.Length > 0 ? $"    title: {title}\n" : string.Empty)
        + $"    {parameters}\n";

    /// <summary>
    /// A scenario on 2026-03-01 with the calibrated shocks and one Assembly vote <c>v</c> like the Jerusalem resolution
    /// (<see cref="JerusalemAnalog"/>), whose further keys (<c>given</c>, <c>given_blocs</c>) follow, indented as keys of the vote.
    /// </summary>
    /// <param name="trials">The trials.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="name">The scenario's name.</param>
    public static string Conditioned(int trials, int seed, string name = "test") =>
        $"scenario: {name}\n"
        + "as_of: 2026-03-01\n"
        + $"trials: {trials}\n"
        + $"seed: {seed}\n"
        + "shocks: calibrated\n"
        + "votes:\n"
        + "  - id: v\n"
        + "    body: GA\n"
        + $"    {JerusalemAnalog}\n";
}
