namespace StemSimulator.Runner.Serving;

/// <summary>A group a scenario may name under blocs, cosponsors or outreach.</summary>
/// <param name="Name">Canonical name, e.g. AFRICAN_GROUP or EU.</param>
/// <param name="Kind"><c>regional_group</c> or <c>bloc</c>.</param>
/// <param name="Description">What the group is, in a line.</param>
/// <param name="Members">Its members voting on the date, sorted ISO3 codes.</param>
internal sealed record GroupEntry(string Name, string Kind, string Description, IReadOnlyList<string> Members);
