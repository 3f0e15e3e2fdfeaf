using SkiaSharp;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Runner.Reporting;

/// <summary>
/// The real CLI: run a scenario, write its briefing as HTML and Markdown, and open the HTML in headless Chromium:
/// the page is not blank, the headline is there, and every embedded chart is a PNG of the declared size.
/// </summary>
[NonParallelizable]
public sealed class ReportCommandEndToEndTests
{
    private TemporaryFolder _folder = null!;
    private string _run = null!;

    [OneTimeSetUp]
    public void RunScenario()
    {
        _folder = new TemporaryFolder();
        _run = _folder.File("chain");
        var run = CliProcess.Run(RepositoryPaths.Root, "run", "scenarios/sc-veto-chain-2026.yaml", "--trials", "4000", "--out", _run, "--quiet");
        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
    }

    [OneTimeTearDown]
    public void Clean() => _folder.Dispose();

    [Test]
    public void Html_briefing_renders_in_a_browser_with_its_headline_and_charts()
    {
        string html = _folder.File("briefing.html");
        var report = CliProcess.Run(RepositoryPaths.Root, "report", _run, "--out", html);
        Assert.That(report.ExitCode, Is.Zero, report.StandardError);
        Assert.That(report.StandardOutput, Does.Contain("briefing.html"));
        string text = File.ReadAllText(html);
        const string headline = "Draft resolution demanding an immediate humanitarian ceasefire";
        Assert.That(text, Does.Contain(headline));
        Assert.That(text, Does.Contain("of runs"));
        Assert.That(text, Does.Contain("like A/RES/ES-10/19"), "the analog vote is named (the scenario file was found and its hash matches)");

        // Every embedded image is a PNG whose size matches the img tag.
        var images = System.Text.RegularExpressions.Regex.Matches(text, "src=\"data:image/png;base64,([^\"]+)\" width=\"(\\d+)\" height=\"(\\d+)\"");
        Assert.That(images, Has.Count.GreaterThanOrEqualTo(5));
        foreach (System.Text.RegularExpressions.Match image in images)
        {
            var (width, height) = PngImage.Dimensions(Convert.FromBase64String(image.Groups[1].Value));
            Assert.That((width, height), Is.EqualTo((int.Parse(image.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(image.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture))));
        }

        // A real browser: the screenshot is not blank, and the rendered DOM holds the headline.
        string screenshot = _folder.File("briefing.png");
        HeadlessChromium.Screenshot(html, screenshot, _folder.File("profile-1"));
        var (shotWidth, shotHeight) = PngImage.Dimensions(File.ReadAllBytes(screenshot));
        Assert.That((shotWidth, shotHeight), Is.EqualTo((1280, 2000)));
        Assert.That(LuminanceVariance(screenshot), Is.GreaterThan(100), "the screenshot is not blank");
        string dom = HeadlessChromium.DumpDom(html, _folder.File("profile-2"));
        Assert.That(dom, Does.Contain(headline));
        Assert.That(dom, Does.Contain("id=\"headlines\""));
        Assert.That(dom, Does.Contain("adoption unlikely: 14%†"), "the headline gives the odds in words with the probability");
        Assert.That(dom, Does.Contain("id=\"headline-note\""), "the Monte Carlo error is a footnote");
        Assert.That(dom, Does.Contain("its Monte Carlo error (95%) is sc-draft ±"));

        // The band over the analog's plausible spread (same_subject analogs here) stands next to the headline's probability.
        var band = System.Text.RegularExpressions.Regex.Match(dom, @"adoption unlikely: 14%† \((between \d+(\.\d)?% and \d+(\.\d)?%|\d+(\.\d)?% however far the text is from its analog)");
        Assert.That(band.Success, Is.True, "the headline states the band next to the probability");
        Assert.That(dom, Does.Contain("depending on how far the text is from its analog‡").Or.Contain("however far the text is from its analog‡"));
        Assert.That(dom, Does.Contain("‡ The band reruns the vote with the analog's spread"), "the band is explained in a note");
        TestContext.Out.WriteLine($"screenshot: {screenshot}");
        if (Environment.GetEnvironmentVariable("STEMSIM_KEEP_SCREENSHOT") is { Length: > 0 } keep)
        {
            File.Copy(screenshot, keep, true);
        }
    }

    [Test]
    public void Markdown_briefing_writes_its_charts_beside_it()
    {
        string md = _folder.File("notes.md");
        var report = CliProcess.Run(RepositoryPaths.Root, "report", _run, "--out", md);
        Assert.That(report.ExitCode, Is.Zero, report.StandardError);
        string text = File.ReadAllText(md);
        Assert.That(text, Does.StartWith("# Briefing: sc-veto-chain-2026"));
        var links = System.Text.RegularExpressions.Regex.Matches(text, @"!\[[^\]]*\]\(([^)]+\.png)\)");
        Assert.That(links, Has.Count.GreaterThanOrEqualTo(5));
        foreach (System.Text.RegularExpressions.Match link in links)
        {
            string png = _folder.File(link.Groups[1].Value);
            Assert.That(File.Exists(png), Is.True, png);
            Assert.That(PngImage.Dimensions(File.ReadAllBytes(png)).Width, Is.EqualTo(900));
        }
    }

    [Test]
    public void A_folder_that_is_not_a_run_is_invalid_input()
    {
        var missing = CliProcess.Run(RepositoryPaths.Root, "report", _folder.File("nothing-here"));
        Assert.That(missing.ExitCode, Is.EqualTo(2));
        Assert.That(missing.StandardError, Does.Contain("does not exist"));
        Directory.CreateDirectory(_folder.File("empty"));
        var empty = CliProcess.Run(RepositoryPaths.Root, "report", _folder.File("empty"));
        Assert.That(empty.ExitCode, Is.EqualTo(2));
        Assert.That(empty.StandardError, Does.Contain("is it the output of 'stemsim run'?"));
        Assert.That(Directory.GetFiles(_folder.File("empty")), Is.Empty, "nothing written");
    }

    [Test]
    public void A_moved_scenario_is_found_with_scenario_or_named_as_missing()
    {
        string copy = _folder.File("moved-run");
        Directory.CreateDirectory(copy);
        foreach (string file in Directory.GetFiles(_run).Where(f => Path.GetFileName(f) != "scenario.yaml"))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        // Without the folder's own copy of the scenario, and from another working folder where the recorded relative
        // path does not resolve (a folder from before runs kept their scenario).
        var report = CliProcess.Run(_folder.Path, "report", copy, "--out", _folder.File("moved.md"));
        Assert.That(report.ExitCode, Is.Zero, report.StandardError);
        Assert.That(report.StandardError, Does.Contain("was not found (give it with --scenario)"));
        var given = CliProcess.Run(_folder.Path, "report", copy, "--out", _folder.File("given.md"), "--scenario", Path.Combine(RepositoryPaths.Scenarios, "sc-veto-chain-2026.yaml"));
        Assert.That(given.ExitCode, Is.Zero, given.StandardError);
        Assert.That(File.ReadAllText(_folder.File("given.md")), Does.Contain("like A/RES/ES-10/19"));
    }

    /// <summary>Variance of the grey levels (0-255): about 0 for a blank page, hundreds for text and charts.</summary>
    private static double LuminanceVariance(string png)
    {
        using var bitmap = SKBitmap.Decode(png);
        double sum = 0, squares = 0;
        long n = 0;
        for (int y = 0; y < bitmap.Height; y += 2)
        {
            for (int x = 0; x < bitmap.Width; x += 2)
            {
                var c = bitmap.GetPixel(x, y);
                double grey = (0.299 * c.Red) + (0.587 * c.Green) + (0.114 * c.Blue);
                sum += grey;
                squares += grey * grey;
                n++;
            }
        }

        double mean = sum / n;
        return (squares / n) - (mean * mean);
    }
}
