using System.Reflection;
using System.Text.RegularExpressions;
using NetArchTest.Rules;
using StemSimulator.Engine.Simulation;
using StemSimulator.Runner.Infrastructure;
using StemSimulator.Scenarios;

namespace StemSimulator.Tests.Architecture;

/// <summary>
/// The layering: the Engine is I/O-free and references none of our assemblies, Scenarios never references the Runner,
/// and the Runner's top-level folders (namespaces) depend on each other without a cycle. Read from the compiled
/// assemblies (type references in signatures and method bodies), so a violation anywhere in the code fails here.
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly Assembly Engine = typeof(TrialKernel).Assembly;
    private static readonly Assembly Scenarios = typeof(ScenarioLoader).Assembly;
    private static readonly Assembly Runner = typeof(ExitCodes).Assembly;

    /// <summary>
    /// I/O and nondeterminism the Engine must not touch: src/Engine/BannedSymbols.txt (checked at compile time by the
    /// analyzer) plus the paths, readers, writers, compression, processes and sockets it does not list.
    /// </summary>
    private static readonly string[] EngineBans =
    [
        "System.IO.File", "System.IO.Directory", "System.IO.FileStream", "System.IO.StreamReader", "System.IO.StreamWriter",
        "System.IO.Path", "System.IO.Compression", "System.Console", "System.Diagnostics.Process", "System.Net",
        "System.Random",
    ];

    [Test]
    public void The_engine_references_none_of_our_other_assemblies()
    {
        var ours = Engine.GetReferencedAssemblies().Select(a => a.Name!).Where(IsOurs).ToArray();
        Assert.That(ours, Is.Empty);
    }

    [Test]
    public void The_engine_uses_no_io_types()
    {
        Assert.Multiple(() =>
        {
            foreach (var banned in EngineBans)
            {
                var result = Types.InAssembly(Engine).ShouldNot().HaveDependencyOnAny(banned).GetResult();
                Assert.That(FailingNames(result), Is.Empty, $"Engine types that use {banned}");
            }
        });
    }

    [Test]
    public void Scenarios_never_references_the_runner()
    {
        Assert.That(Scenarios.GetReferencedAssemblies().Select(a => a.Name), Does.Not.Contain(Runner.GetName().Name));
        var result = Types.InAssembly(Scenarios).ShouldNot().HaveDependencyOnAny("StemSimulator.Runner").GetResult();
        Assert.That(FailingNames(result), Is.Empty);
    }

    [Test]
    public void The_runner_folders_form_no_cycle()
    {
        var graph = RunnerFolderGraph();
        Assert.That(graph.Keys, Has.Count.GreaterThan(5), "the Runner's folders were not found");
        Assert.That(graph["Cli"], Does.Contain("Running"), "the dependency check found no edge: the root command builds RunCommand");
        var cycle = FindCycle(graph);
        Assert.That(cycle, Is.Null, () => "namespace cycle: " + string.Join(" -> ", cycle!));
    }

    [Test]
    public void The_cycle_search_finds_a_cycle_and_accepts_a_layering()
    {
        var cyclic = new Dictionary<string, IReadOnlyList<string>> { ["A"] = ["B"], ["B"] = ["C"], ["C"] = ["A"], ["D"] = ["A"] };
        var layered = new Dictionary<string, IReadOnlyList<string>> { ["A"] = ["B", "C"], ["B"] = ["C"], ["C"] = [], ["D"] = ["A", "C"] };
        Assert.Multiple(() =>
        {
            Assert.That(FindCycle(cyclic), Is.EqualTo(new[] { "A", "B", "C", "A" }));
            Assert.That(FindCycle(layered), Is.Null);
        });
    }

    /// <summary>
    /// Edges between the Runner's top-level namespaces (StemSimulator.Runner.X), from pairwise dependency checks. The
    /// root namespace (Program, the composition root) is left out: it wires every command and is used by none.
    /// </summary>
    private static Dictionary<string, IReadOnlyList<string>> RunnerFolderGraph()
    {
        const string root = "StemSimulator.Runner.";
        var folders = Runner.GetTypes().Select(t => t.Namespace).OfType<string>().Where(n => n.StartsWith(root, StringComparison.Ordinal))
            .Select(n => n[root.Length..].Split('.')[0]).Distinct().Order(StringComparer.Ordinal).ToArray();
        var graph = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var from in folders)
        {
            graph[from] = folders.Where(to => to != from && !Types.InAssembly(Runner).That().ResideInNamespaceMatching($"^{Regex.Escape(root + from)}(\\.|$)")
                .ShouldNot().HaveDependencyOnAny(root + to).GetResult().IsSuccessful).ToArray();
        }

        return graph;
    }

    /// <summary>A cycle as its nodes in order with the first repeated at the end, or null for none (depth-first search).</summary>
    private static string[]? FindCycle(IReadOnlyDictionary<string, IReadOnlyList<string>> graph)
    {
        var done = new HashSet<string>();
        var path = new List<string>();
        string[]? Visit(string node)
        {
            int at = path.IndexOf(node);
            if (at >= 0)
            {
                return [.. path.Skip(at), node];
            }

            if (!done.Add(node))
            {
                return null;
            }

            path.Add(node);
            foreach (var next in graph.TryGetValue(node, out var edges) ? edges : [])
            {
                if (Visit(next) is { } cycle)
                {
                    return cycle;
                }
            }

            path.RemoveAt(path.Count - 1);
            return null;
        }

        return graph.Keys.Order(StringComparer.Ordinal).Select(Visit).FirstOrDefault(c => c is not null);
    }

    private static string[] FailingNames(TestResult result) => result.FailingTypes?.Select(t => t.FullName).ToArray() ?? [];

    private static bool IsOurs(string name) => name.StartsWith("StemSimulator", StringComparison.Ordinal) || name == "stemsim";
}
