using StemSimulator.Runner.Infrastructure;

namespace StemSimulator.Runner.Analogs;

/// <summary>What <c>stemsim analogs</c> was asked, as given on the command line.</summary>
/// <param name="Query">The words or symbol searched for (empty: the filters alone).</param>
/// <param name="Issue">Issue area filter, or null.</param>
/// <param name="From">First year, or null.</param>
/// <param name="To">Last year, or null.</param>
/// <param name="Concerns">ISO3 code of a state concerned, or null.</param>
/// <param name="Body">ga (sc is refused: the calibration holds Assembly roll calls only).</param>
/// <param name="Calibration">Positions file of a calibration table, or null for the embedded calibration.</param>
/// <param name="Top">How many roll calls to list, 1 to 1,000.</param>
/// <param name="Format">Table, CSV or JSON.</param>
internal sealed record AnalogsRequest(string Query, string? Issue, int? From, int? To, string? Concerns, string Body, string? Calibration, int Top, OutputFormat Format = OutputFormat.Table);
