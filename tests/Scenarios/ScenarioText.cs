using System.Text;
using StemSimulator.Scenarios;

namespace StemSimulator.Tests.Scenarios;

/// <summary>Loads scenarios written inline in tests.</summary>
internal static class ScenarioText
{
    public const string Minimal = """
        scenario: test
        as_of: 2026-03-01
        trials: 1000
        votes:
          - id: v
            body: GA
            discrimination: 1.0
            cutpoints: [-1.0, 0.0]
        """;

    public static ScenarioLoadResult Load(string yaml, RunOverrides? overrides = null) =>
        ScenarioLoader.Load("test.yaml", Encoding.UTF8.GetBytes(yaml), overrides);

    public static string Messages(ScenarioLoadResult result) => string.Join("\n", result.Diagnostics.Select(d => d.ToString()));
}
