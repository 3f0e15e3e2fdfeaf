using System.Text;
using StemSimulator.Scenarios;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Scenarios;

/// <summary>
/// A loaded scenario's SHA-256 (provenance of every run) is of the file's bytes exactly as read, whatever became of
/// the load; it is computed when first asked for. The expected values are from <c>sha256sum</c>.
/// </summary>
public sealed class ScenarioHashTests
{
    [Test]
    public void The_hash_is_of_the_bytes_as_read_when_the_file_does_not_load()
    {
        var loaded = ScenarioLoader.Load("x.yaml", Encoding.UTF8.GetBytes("scenario: x\n"));

        Assert.That(loaded.Succeeded, Is.False);
        Assert.That(loaded.Sha256, Is.EqualTo("cbf52307fc869c23d4f2f76bdf6396e125d15d530bb002df2e02e84ae1e6c863"));
    }

    [Test]
    public void An_empty_file_has_the_hash_of_no_bytes()
    {
        var loaded = ScenarioLoader.Load("empty.yaml", []);

        Assert.That(loaded.Sha256, Is.EqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    }

    [Test]
    public void A_file_that_cannot_be_read_has_no_hash()
    {
        var loaded = ScenarioLoader.LoadFile(Path.Combine(Path.GetTempPath(), $"no-such-scenario-{Guid.NewGuid():N}.yaml"));

        Assert.That(loaded.Diagnostics, Is.Not.Empty);
        Assert.That(loaded.Sha256, Is.Empty);
    }

    [Test]
    public void A_compiled_scenario_hashes_the_file_it_keeps_a_copy_of()
    {
        string path = Path.Combine(RepositoryPaths.Root, "scenarios", "ga-hrc-suspension-2026.yaml");
        var loaded = ScenarioLoader.LoadFile(path);
        byte[] bytes = File.ReadAllBytes(path);

        Assert.That(loaded.Succeeded, Is.True);
        Assert.That(loaded.Bytes.ToArray(), Is.EqualTo(bytes));
        Assert.That(loaded.Sha256, Is.EqualTo(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))));
    }
}
