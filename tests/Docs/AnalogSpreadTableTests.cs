using System.Globalization;
using StemSimulator.Engine.Model;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Docs;

/// <summary>
/// The measured analog spreads in the code (<see cref="AnalogSpreads"/>) are the ones the study chose: the rows of
/// the committed table in docs/calibration.md ("Analog spread by kind") that give each kind's chosen spread on the
/// choosing years.
/// </summary>
public sealed class AnalogSpreadTableTests
{
    [TestCase(AnalogKind.Repeat)]
    [TestCase(AnalogKind.SameSubject)]
    [TestCase(AnalogKind.SameIssue)]
    public void The_constant_is_the_spread_the_study_chose(AnalogKind kind)
    {
        string name = AnalogSpreads.Name(kind);
        var rows = File.ReadLines(Path.Combine(RepositoryPaths.Root, "docs", "calibration.md"))
            .Select(line => line.Split('|', StringSplitOptions.TrimEntries))
            .Where(cells => cells.Length > 5 && cells[1] == name && cells[2] == "stemsim" && cells[4] == "2000-2009")
            .ToArray();

        Assert.That(rows, Has.Length.EqualTo(1), $"one row of the choosing years for {name} in docs/calibration.md");
        Assert.That(AnalogSpreads.For(kind), Is.EqualTo(double.Parse(rows[0][3], CultureInfo.InvariantCulture)));
    }
}
