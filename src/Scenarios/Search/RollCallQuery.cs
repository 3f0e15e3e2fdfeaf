namespace StemSimulator.Scenarios.Search;

/// <summary>What to look for among the calibrated roll calls.</summary>
/// <param name="Text">Words of the title, the topic, the issue areas or the states concerned ("territorial integrity Ukraine"); a symbol such as A/RES/68/262 matches that roll call.</param>
/// <param name="Issue">Only roll calls of this issue area (snake_case, as in <see cref="Reference.IssueAreas.Names"/>), or null.</param>
/// <param name="From">Only votes in or after this year, or null.</param>
/// <param name="To">Only votes in or before this year, or null.</param>
/// <param name="Concerns">Only roll calls whose texts concern this state (ISO3 code), or null.</param>
public sealed record RollCallQuery(string Text, string? Issue = null, int? From = null, int? To = null, string? Concerns = null);
