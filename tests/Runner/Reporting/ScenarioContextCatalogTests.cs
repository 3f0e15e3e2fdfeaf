using StemSimulator.Runner.Reporting;
using StemSimulator.Scenarios.Reference;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Runner.Reporting;

/// <summary>
/// The reference data the briefing names an analog's population from (<see cref="ScenarioContext.CatalogOf"/>): the
/// embedded calibration for a run that records no table, never the embedded one for a run that used a table, and none
/// (the population described by its rule) when the table is gone or changed since the run.
/// </summary>
public sealed class ScenarioContextCatalogTests
{
    [Test]
    public void A_run_without_a_table_names_populations_from_the_embedded_calibration()
    {
        Assert.That(ScenarioContext.CatalogOf(new Dictionary<string, string> { ["stemsim.positions"] = "StemSimulator calibration 1946-2021 (embedded)" }), Is.SameAs(ReferenceCatalog.Embedded));
    }

    [Test]
    public void A_table_that_is_gone_or_changed_names_no_population()
    {
        using var folder = new TemporaryFolder();
        string table = folder.File("cal.csv.gz");
        File.WriteAllText(table, "not the table the run used");

        Assert.That(ScenarioContext.CatalogOf(new Dictionary<string, string> { ["stemsim.positions_file"] = folder.File("missing.csv.gz"), ["stemsim.positions_sha256"] = "00" }), Is.Null);
        Assert.That(ScenarioContext.CatalogOf(new Dictionary<string, string> { ["stemsim.positions_file"] = table, ["stemsim.positions_sha256"] = new string('0', 64) }), Is.Null);
    }
}
