using System.Globalization;
using System.Text;
using StemSimulator.Engine.Elections;
using StemSimulator.Engine.Simulation;
using StemSimulator.Scenarios;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Scenarios;

/// <summary>
/// Seeded fuzzing of the scenario loader: thousands of random mutations of every shipped scenario (lines deleted,
/// duplicated, swapped or re-indented; characters changed; values replaced by other types, extremes, NaN and
/// infinities; unknown keys, anchors and aliases added), each of which must either load or fail with diagnostics
/// that name a place: never an exception, never a hang. Mutants that load are also simulated for a few trials, so
/// what the checks let through the engine accepts.
/// </summary>
/// <remarks>
/// The cases are a pure function of the seed; a failure prints the mutant's text. To explore further, run other
/// seeds: <c>STEMSIM_FUZZ_SEED=7 dotnet test --filter FullyQualifiedName~ScenarioFuzzTests</c>.
/// </remarks>
public sealed class ScenarioFuzzTests
{
    private static readonly ulong Seed = ulong.TryParse(Environment.GetEnvironmentVariable("STEMSIM_FUZZ_SEED"), out var seed) ? seed : 20260901;
    private const int CasesPerScenario = 400;

    /// <summary>Loose budget per case: a load takes milliseconds; only a hang comes near it.</summary>
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(20);

    private static readonly string[] Extremes =
    [
        "0", "-1", "1", "2", "-0", "1e308", "-1e308", "1e400", "1e-320", ".nan", ".NaN", ".inf", "-.inf", "NaN", "Infinity",
        "9223372036854775807", "9223372036854775808", "-9223372036854775809", "18446744073709551616", "4294967296",
        "2147483648", "0x10", "1_000", "99999999999999999999999", "0.5", "1.0000001", "-0.0000001", "2026-02-30",
        "9999-12-31", "0001-01-01", "1945-10-23", "~", "null", "''", "\"\"", "[]", "{}", "[1, 2, 3]", "{ a: 1 }",
        "yes", "no", "true", "TRUE", "abc", "NLD ", "'NLD'", "A/RES/0/0", "-", "?", "&a", "*a", "!!str 1", "|", ">",
    ];

    private static readonly string[] Keys =
    [
        "colour", "trails", "vote", "votes", "id", "after", "like", "cutpoints", "members", "p_yes", "tabled", "blocs",
        "backlash", "reform", "cosponsors", "outreach", "seat_groups", "campaign", "x", "<<", "include", "shift",
    ];

    private const string Noise = ":[]{}-#&*!|>'\"%@`,? \t\n0123456789.eE+-aZ_";

    public static IEnumerable<string> Scenarios() =>
        Directory.EnumerateFiles(RepositoryPaths.Scenarios, "*.yaml", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepositoryPaths.Scenarios, f))
            .Order(StringComparer.Ordinal);

    [Test]
    public void Every_mutant_of_every_shipped_scenario_loads_or_fails_with_placed_diagnostics()
    {
        var files = Scenarios().ToArray();
        Assert.That(files, Is.Not.Empty);
        int loaded = 0, failed = 0, simulated = 0, cases = 0;
        var diagnosticsSeen = 0L;
        long slowest = 0;
        foreach (var (file, index) in files.Select((f, i) => (f, i)))
        {
            string original = File.ReadAllText(Path.Combine(RepositoryPaths.Scenarios, file));
            Assert.That(ScenarioLoader.Load(file, Encoding.UTF8.GetBytes(original)).Succeeded, Is.True, $"{file} must load before it is mutated");
            for (int k = 0; k < CasesPerScenario; k++)
            {
                var random = new SplitMix((Seed * 1_000_003UL) + ((ulong)index * 100_000UL) + (ulong)k);
                string text = Mutate(original, random);
                cases++;
                var stopwatch = System.Diagnostics.Stopwatch.StartNew();
                var outcome = Task.Run(() => Check(file, text));
                if (!((IAsyncResult)outcome).AsyncWaitHandle.WaitOne(Budget))
                {
                    Assert.Fail($"case {k} of {file} did not finish within {Budget.TotalSeconds} s:\n{text}");
                }

                slowest = Math.Max(slowest, stopwatch.ElapsedMilliseconds);
                var (ok, count, ran) = outcome.Result;
                loaded += ok ? 1 : 0;
                failed += ok ? 0 : 1;
                simulated += ran ? 1 : 0;
                diagnosticsSeen += count;
            }
        }

        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"fuzz: {cases} cases from {files.Length} scenarios: {loaded} loaded ({simulated} simulated), {failed} failed with {diagnosticsSeen} diagnostics, 0 exceptions, 0 hangs; slowest case {slowest} ms"));
        Assert.That(cases, Is.GreaterThanOrEqualTo(3000));
        Assert.That(failed, Is.GreaterThan(cases / 4), "the mutations must break most files, or the fuzzer tests little");
        Assert.That(loaded, Is.GreaterThan(0), "some mutations leave a valid scenario");
    }

    /// <summary>Loads one mutant; asserts on its diagnostics; simulates it briefly when it loads.</summary>
    private static (bool Loaded, int Diagnostics, bool Simulated) Check(string file, string text)
    {
        ScenarioLoadResult result;
        try
        {
            result = ScenarioLoader.Load(file, Encoding.UTF8.GetBytes(text));
        }
        catch (Exception e)
        {
            Assert.Fail($"{file}: the loader threw {e}\n--- mutant ---\n{text}");
            throw;
        }

        if (!result.Succeeded)
        {
            Assert.That(result.Diagnostics, Is.Not.Empty, $"failed without a diagnostic:\n{text}");
            int lines = text.Split('\n').Length + 1;
            foreach (var d in result.Diagnostics)
            {
                Assert.That(d.Location.File, Is.EqualTo(file));
                Assert.That(d.Location.Line, Is.InRange(1, lines), $"{d} is outside the file:\n{text}");
                Assert.That(d.Location.Column, Is.GreaterThanOrEqualTo(1), d.ToString());
                Assert.That(d.Message, Is.Not.Empty.And.Not.Contain("   at "), d.ToString());
            }

            return (false, result.Diagnostics.Count, false);
        }

        // A mutant that loads must also run: reload it with few trials and simulate every vote and election.
        var small = ScenarioLoader.Load(file, Encoding.UTF8.GetBytes(text), new RunOverrides { Trials = 64 });
        Assert.That(small.Succeeded, Is.True, $"loads, but not with 64 trials:\n{text}");
        try
        {
            var options = new SimulationOptions { Threads = 1 };
            if (small.Model!.VoteCount > 0)
            {
                MonteCarloSimulator.Run(EstimatorSelection.Resolve(small.Model, CancellationToken.None), options);
            }

            if (small.Model.ElectionCount > 0)
            {
                ElectionSimulator.Run(small.Model, options);
            }
        }
        catch (Exception e)
        {
            Assert.Fail($"{file}: a valid mutant failed to simulate: {e}\n--- mutant ---\n{text}");
        }

        return (true, 0, true);
    }

    private static string Mutate(string original, SplitMix random)
    {
        var lines = original.Split('\n').ToList();
        int mutations = 1 + random.Next(3);
        for (int m = 0; m < mutations && lines.Count > 0; m++)
        {
            int at = random.Next(lines.Count);
            string line = lines[at];
            switch (random.Next(12))
            {
                case 0:
                    lines.RemoveAt(at);
                    break;
                case 1:
                    lines.Insert(at, line);
                    break;
                case 2:
                    int other = random.Next(lines.Count);
                    (lines[at], lines[other]) = (lines[other], lines[at]);
                    break;
                case 3:
                    lines[at] = random.Next(2) == 0 ? "  " + line : line.Length > 0 && line[0] == ' ' ? line[1..] : " " + line;
                    break;
                case 4 when line.Length > 0:
                    int c = random.Next(line.Length);
                    lines[at] = line[..c] + Noise[random.Next(Noise.Length)] + line[(c + 1)..];
                    break;
                case 5 when line.Length > 0:
                    int d = random.Next(line.Length);
                    lines[at] = line.Remove(d, 1 + random.Next(Math.Min(5, line.Length - d)));
                    break;
                case 6 or 7:
                    lines[at] = ReplaceValue(line, Extremes[random.Next(Extremes.Length)], random);
                    break;
                case 8:
                    string indent = new(' ', line.Length - line.TrimStart(' ').Length);
                    lines.Insert(at, $"{indent}{Keys[random.Next(Keys.Length)]}: {Extremes[random.Next(Extremes.Length)]}");
                    break;
                case 9:
                    lines[at] = ReplaceValue(line, random.Next(2) == 0 ? "&a " + ValueOf(line) : "*a", random);
                    break;
                case 10:
                    lines.RemoveRange(at, lines.Count - at);
                    break;
                default:
                    lines[at] = ReplaceNumbers(line, random);
                    break;
            }
        }

        return string.Join('\n', lines);
    }

    private static string ValueOf(string line)
    {
        int colon = line.IndexOf(": ", StringComparison.Ordinal);
        return colon < 0 ? line.Trim() : line[(colon + 2)..];
    }

    private static string ReplaceValue(string line, string value, SplitMix random)
    {
        int colon = line.IndexOf(": ", StringComparison.Ordinal);
        if (colon < 0)
        {
            return line.TrimEnd() + (random.Next(2) == 0 ? " " + value : ": " + value);
        }

        return line[..(colon + 2)] + value;
    }

    private static string ReplaceNumbers(string line, SplitMix random)
    {
        var builder = new StringBuilder();
        int i = 0;
        while (i < line.Length)
        {
            if (char.IsDigit(line[i]))
            {
                int start = i;
                while (i < line.Length && (char.IsDigit(line[i]) || line[i] == '.'))
                {
                    i++;
                }

                builder.Append(random.Next(3) == 0 ? Extremes[random.Next(Extremes.Length)] : line[start..i]);
            }
            else
            {
                builder.Append(line[i++]);
            }
        }

        return builder.ToString();
    }

    /// <summary>SplitMix64: a tiny seeded generator whose sequence never changes across .NET versions.</summary>
    private sealed class SplitMix(ulong state)
    {
        private ulong _state = state;

        public int Next(int bound)
        {
            _state += 0x9E3779B97F4A7C15UL;
            ulong z = _state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (int)(z % (ulong)bound);
        }
    }
}
