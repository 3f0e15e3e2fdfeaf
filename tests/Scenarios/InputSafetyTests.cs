using System.Diagnostics;
using System.Text;
using StemSimulator.Scenarios;
using StemSimulator.Scenarios.Councils;
using StemSimulator.Scenarios.Diagnostics;
using StemSimulator.Scenarios.Files;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Scenarios;

/// <summary>
/// Inputs are read only from regular files, with the size limit counted while reading (issue 18): devices, FIFOs,
/// folders and empty names get a clear message at once; messages show hidden and look-alike characters.
/// </summary>
public sealed class InputSafetyTests
{
    [TestCase("/dev/zero")]
    [TestCase("/dev/urandom")]
    [TestCase("/dev/null")]
    public void A_device_is_refused_at_once_without_reading_it(string device)
    {
        if (!File.Exists(device))
        {
            Assert.Ignore($"{device} does not exist on this machine");
        }

        var watch = Stopwatch.StartNew();
        var scenario = ScenarioLoader.LoadFile(device);
        var council = CouncilLoader.LoadFile(device);

        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
        Assert.That(scenario.Diagnostics.Single().Message, Is.EqualTo("it is a device, not a regular file; a scenario is read only from a regular file"));
        Assert.That(council.Diagnostics.Single().Message, Is.EqualTo("it is a device, not a regular file; a council file is read only from a regular file"));
    }

    [Test]
    public void A_fifo_is_refused_without_opening_it()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Ignore("named pipes are tested on Linux only");
        }

        using var folder = new TemporaryFolder();
        string fifo = folder.File("pipe.yaml");
        using (var mkfifo = Process.Start("mkfifo", [fifo]))
        {
            mkfifo.WaitForExit();
        }

        // Opening a FIFO for reading blocks until a writer comes: an answer at all shows it was not opened.
        var load = Task.Run(() => ScenarioLoader.LoadFile(fifo));
        Assert.That(load.Wait(TimeSpan.FromSeconds(10)), Is.True, "the loader blocked on the FIFO");
        Assert.That(load.Result.Diagnostics.Single().Message, Does.StartWith("it is a named pipe (FIFO), not a regular file"));
    }

    [Test]
    public void A_folder_an_empty_name_and_a_missing_file_are_named_as_such()
    {
        using var folder = new TemporaryFolder();

        Assert.That(ScenarioLoader.LoadFile(folder.Path).Diagnostics.Single().Message, Does.Contain("is a folder; pass a scenario file"));
        Assert.That(ScenarioLoader.LoadFile("").Diagnostics.Single().Message, Does.StartWith("the scenario file name is empty"));
        Assert.That(ScenarioLoader.LoadFile(folder.File("nothing.yaml")).Diagnostics.Single().Message, Does.StartWith("the scenario file does not exist"));
        Assert.That(CouncilLoader.LoadFile(folder.Path).Diagnostics.Single().Message, Does.Contain("is a folder"));
    }

    [Test]
    public void The_size_limit_is_counted_while_reading_not_taken_from_the_reported_length()
    {
        if (!File.Exists("/proc/self/maps"))
        {
            Assert.Ignore("needs /proc: a regular file that reports 0 bytes and holds more");
        }

        Assert.That(new FileInfo("/proc/self/maps").Length, Is.Zero, "the premise: /proc reports no length");

        var (bytes, problem) = InputFiles.Read("/proc/self/maps", 100, "a scenario");

        Assert.That(bytes, Is.Null);
        Assert.That(problem, Is.EqualTo("the file holds more than 100 bytes (though it reports 0); a scenario may be at most 100 bytes"));
    }

    [Test]
    public void A_huge_document_without_aliases_is_not_blamed_on_aliases()
    {
        var text = new StringBuilder("scenario: big\nas_of: 2026-01-01\nmembers:\n");
        for (int i = 0; i < 110_000; i++)
        {
            text.Append("  k: 1\n");
        }

        var result = ScenarioLoader.Load("big.yaml", Encoding.UTF8.GetBytes(text.ToString()));

        Assert.That(result.Succeeded, Is.False);
        string messages = string.Join("\n", result.Diagnostics);
        Assert.That(messages, Does.Contain("the document holds more than 200,000 values").And.Not.Contain("alias"));
    }

    [Test]
    public void Council_member_codes_are_not_case_sensitive()
    {
        const string yaml = "council: c\nquota: 2\nseats:\n  - { type: permanent, members: [ALB, alb, USA], veto: true }\n";

        var result = CouncilLoader.Load("council.yaml", Encoding.UTF8.GetBytes(yaml));

        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.Diagnostics.Single().ToString(), Does.StartWith("council.yaml:4:").And.EndWith("error: member 'alb' appears more than once in the council (as 'ALB' too: member codes are not case-sensitive)"));
    }

    [TestCase("unknown member 'RUS'", "unknown member 'RUS'")]
    [TestCase("unknown member '\u0420US'; did you mean 'RUS'?", "unknown member '\\u0420US'; did you mean 'RUS'?")]
    [TestCase("unknown member 'US\u200BA'", "unknown member 'US\\u200BA'")]
    [TestCase("key '\u202Eabc'", "key '\\u202Eabc'")]
    [TestCase("file \u0007bell", "file \\u0007bell")]
    [TestCase("C\u00F4te d'Ivoire, \u0420\u043E\u0441\u0441\u0438\u044F", "C\u00F4te d'Ivoire, \u0420\u043E\u0441\u0441\u0438\u044F")]
    [TestCase("line one\nline two\ttab", "line one\nline two\ttab")]
    public void Hidden_and_look_alike_characters_are_escaped_and_nothing_else(string text, string shown)
    {
        Assert.That(VisibleText.Escape(text), Is.EqualTo(shown));
    }
}
