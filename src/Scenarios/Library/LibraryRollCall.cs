namespace StemSimulator.Scenarios.Library;

/// <summary>
/// One resolution of a UN Digital Library voting file with its members' votes, whatever the layout it came from.
/// </summary>
/// <param name="RecordId">The library's record id (<c>undl_id</c>).</param>
/// <param name="Council">Assembly or Security Council, from the symbol.</param>
/// <param name="Date">The date of the vote.</param>
/// <param name="Symbol">The resolution symbol, e.g. <c>A/RES/75/20</c>.</param>
/// <param name="Title">The title as the file gives it, trimmed.</param>
/// <param name="File">The file as named in messages.</param>
/// <param name="Line">The 1-based line of the roll call's first row.</param>
/// <param name="Votes">The members' votes in file order, at most one per member.</param>
public sealed record LibraryRollCall(
    string RecordId,
    LibraryCouncil Council,
    DateOnly Date,
    string Symbol,
    string Title,
    string File,
    int Line,
    IReadOnlyList<LibraryVote> Votes);
