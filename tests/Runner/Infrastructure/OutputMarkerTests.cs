using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using StemSimulator.Runner.Infrastructure;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Runner.Infrastructure;

/// <summary>
/// <c>.stemsim-output.json</c>, read and written with System.Text.Json's reader and writer: the same bytes as the
/// document model writes (what earlier versions wrote, and what a user sees), and a marker in any other shape is not
/// a marker, so <c>--force</c> never replaces a folder on the strength of it.
/// </summary>
public sealed class OutputMarkerTests
{
    private static readonly string[] Files = ["summary.parquet", "trials/part-0.parquet", "naïve \"quoted\" <name> + plus.txt", "日本語.md"];

    [Test]
    public void Written_marker_is_the_document_models_rendering()
    {
        var expected = new JsonObject
        {
            ["command"] = "run",
            ["version"] = "1.2.3+abc",
            ["files"] = new JsonArray(Files.Select(f => (JsonNode?)JsonValue.Create(f)).ToArray()),
        }.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";

        Assert.That(Encoding.UTF8.GetString(OutputMarker.Render("run", "1.2.3+abc", Files)), Is.EqualTo(expected));
        Assert.That(Encoding.UTF8.GetString(OutputMarker.Render("merge", "1", [])), Is.EqualTo("{\n  \"command\": \"merge\",\n  \"version\": \"1\",\n  \"files\": []\n}\n"));
    }

    [Test]
    public void A_rendered_marker_reads_back()
    {
        var marker = OutputMarker.Parse(OutputMarker.Render("run", "1.2.3", Files));

        Assert.That(marker, Is.Not.Null);
        Assert.That(marker!.Command, Is.EqualTo("run"));
        Assert.That(marker.Version, Is.EqualTo("1.2.3"));
        Assert.That(marker.Files, Is.EqualTo(Files));
    }

    [TestCase("""{"files": ["a"], "extra": {"nested": [1, {"x": null}]}, "command": 3}""", "a", null)]
    [TestCase("""  {"version": "9", "files": []}  """, "", "9")]
    public void Other_properties_are_skipped(string json, string files, string? version)
    {
        var marker = OutputMarker.Parse(Encoding.UTF8.GetBytes(json));

        Assert.That(marker, Is.Not.Null);
        Assert.That(string.Join(",", marker!.Files), Is.EqualTo(files));
        Assert.That(marker.Version, Is.EqualTo(version));
        Assert.That(marker.Command, Is.Null, "a command that is not a string is not read");
    }

    [Test]
    public void A_byte_order_mark_before_the_json_is_skipped()
    {
        var marker = OutputMarker.Parse([0xEF, 0xBB, 0xBF, .. OutputMarker.Render("run", "1", ["a"])]);

        Assert.That(marker?.Files, Is.EqualTo(new[] { "a" }));
    }

    [TestCase("""{"command": "run"}""", TestName = "No files")]
    [TestCase("""{"files": "a"}""", TestName = "Files not an array")]
    [TestCase("""{"files": ["a", 1]}""", TestName = "A file that is not a string")]
    [TestCase("""{"files": ["a", null]}""", TestName = "A null file")]
    [TestCase("""["a"]""", TestName = "An array")]
    [TestCase("\"files\"", TestName = "A string")]
    public void Any_other_shape_is_no_marker(string json) =>
        Assert.That(OutputMarker.Parse(Encoding.UTF8.GetBytes(json)), Is.Null);

    [TestCase("""{"files": ["a"]} {}""", TestName = "Two values")]
    [TestCase("""{"files": ["a"],}""", TestName = "Trailing comma")]
    [TestCase("""{"files": ["a"]""", TestName = "Cut short")]
    [TestCase("", TestName = "Empty")]
    public void Invalid_json_is_an_error(string json) =>
        Assert.That(() => OutputMarker.Parse(Encoding.UTF8.GetBytes(json)), Throws.InstanceOf<JsonException>());

    [Test]
    public void A_folder_whose_marker_is_not_json_is_not_known_to_be_stemsims()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(Path.Combine(folder.Path, OutputMarker.FileName), """{"files": ["a"],}""");
        File.WriteAllText(Path.Combine(folder.Path, "a"), "x");

        Assert.That(OutputMarker.ReadFiles(folder.Path), Is.Null);
        Assert.That(OutputMarker.ForeignFiles(folder.Path), Is.Null);
    }

    [Test]
    public void A_written_marker_lists_the_folders_files_and_names_what_was_added_after()
    {
        using var folder = new TemporaryFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, "trials"));
        File.WriteAllText(Path.Combine(folder.Path, "trials", "part-0.parquet"), "x");
        File.WriteAllText(Path.Combine(folder.Path, "summary.parquet"), "x");

        OutputMarker.Write(folder.Path, "run");
        File.WriteAllText(Path.Combine(folder.Path, "mine.txt"), "x");

        Assert.That(OutputMarker.ReadFiles(folder.Path), Is.EquivalentTo(new[] { "summary.parquet", "trials/part-0.parquet" }));
        Assert.That(OutputMarker.ForeignFiles(folder.Path), Is.EqualTo(new[] { "mine.txt" }));
        OutputMarker.Record(folder.Path, ["mine.txt"]);
        Assert.That(OutputMarker.ForeignFiles(folder.Path), Is.Empty);
        var marker = JsonNode.Parse(File.ReadAllText(Path.Combine(folder.Path, OutputMarker.FileName)))!;
        Assert.That((string?)marker["command"], Is.EqualTo("run"), "the document model reads what the writer wrote");
    }
}
