using System.Reflection;
using System.Text;

namespace StemSimulator.Runner.Serving;

/// <summary>
/// The scenarios shipped with the tool (the repository's scenarios/*.yaml) and the templates to start from, embedded
/// in the tool; listed are those the server runs (votes, elections or both, within the limits).
/// </summary>
internal sealed class ShippedScenarios(ScenarioEvaluator evaluator)
{
    private const string ScenarioPrefix = "StemSimulator.Runner.Serving.Scenarios/";
    private const string TemplatePrefix = "StemSimulator.Runner.Serving.Templates/";
    private readonly Lazy<IReadOnlyList<ShippedScenario>> _all = new(() => Load(evaluator));

    /// <summary>Every runnable shipped scenario and template, templates first, then by name.</summary>
    public IReadOnlyList<ShippedScenario> All => _all.Value;

    /// <summary>The text of the scenario or template called <paramref name="name"/>, or null when there is none.</summary>
    public string? Text(string name) => All.FirstOrDefault(s => s.Name == name)?.Yaml;

    private static List<ShippedScenario> Load(ScenarioEvaluator evaluator)
    {
        var assembly = typeof(ShippedScenarios).Assembly;
        var found = new List<ShippedScenario>();
        foreach (string resource in assembly.GetManifestResourceNames().Order(StringComparer.Ordinal))
        {
            string? kind = resource.StartsWith(TemplatePrefix, StringComparison.Ordinal) ? "template"
                : resource.StartsWith(ScenarioPrefix, StringComparison.Ordinal) ? "scenario"
                : null;
            if (kind is null)
            {
                continue;
            }

            byte[] bytes = Read(assembly, resource);
            var loaded = ScenarioEvaluator.Load(bytes);
            if (!loaded.Succeeded || evaluator.Refusal(loaded) is not null)
            {
                continue;
            }

            var model = loaded.Model!;
            found.Add(new ShippedScenario(
                Path.GetFileNameWithoutExtension(resource[(resource.IndexOf('/', StringComparison.Ordinal) + 1)..]),
                kind,
                (loaded.Document!.Description ?? string.Empty).Trim(),
                model.Trials,
                model.Variants[0].Votes.Select(v => v.Id).ToArray(),
                model.Variants[0].Elections.Select(e => e.Id).ToArray(),
                Encoding.UTF8.GetString(bytes)));
        }

        return [.. found.OrderBy(s => s.Kind == "template" ? 0 : 1).ThenBy(s => s.Name, StringComparer.Ordinal)];
    }

    private static byte[] Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
