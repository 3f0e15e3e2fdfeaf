using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using SkiaSharp;
using StemSimulator.Runner.Infrastructure;
using StemSimulator.Runner.Serving;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Runner.Serving;

/// <summary>
/// The what-if page in Debian's chromium driven by Playwright (launched by its executable path: Playwright's own
/// browser download is not used), against the real server on a loopback port: what a user does and sees, checked
/// against the real <c>stemsim run --json</c> on the scenario the page downloads.
/// </summary>
public sealed class WhatIfPageBrowserTests
{
    private static readonly float Patient = (float)TimeSpan.FromMinutes(3).TotalMilliseconds;

    [Test]
    public async Task Shifting_a_bloc_moves_P_adopted_and_the_paired_difference_to_what_stemsim_run_gives_for_the_downloaded_scenario()
    {
        string chromium = HeadlessChromium.Executable();
        await using var app = ServerApp.Build(new ServeOptions { Port = 0 });
        await app.StartAsync();
        string address = app.Urls.First().TrimEnd('/') + "/";
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        });
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 1100 }, AcceptDownloads = true });
        var page = await context.NewPageAsync();
        var elsewhere = new List<string>();
        var errors = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(address, StringComparison.Ordinal) && !request.Url.StartsWith("blob:", StringComparison.Ordinal))
            {
                elsewhere.Add(request.Url);
            }
        };
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };

        await page.GotoAsync(address);
        await page.Locator("#scenario option[value='ga-territorial-integrity-2026']").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = Patient });
        await page.SelectOptionAsync("#trials-choice", "2000");
        await page.SelectOptionAsync("#scenario", "ga-territorial-integrity-2026");
        await Ready(page, changes: 0);
        Assert.That(await page.Locator("#map path[data-code]").CountAsync(), Is.GreaterThan(150), "the members drawn on the map");
        Assert.That(await page.Locator("#map [data-code]").CountAsync(), Is.EqualTo(await page.Locator("#member option").CountAsync()), "every member on the map, the small states as circles");

        // Keyboard: a country on the map is a button; Enter selects it.
        await page.Locator("#map path[data-code='NGA']").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        Assert.That(await page.InputValueAsync("#member"), Is.EqualTo("NGA"));
        Assert.That(await page.TextContentAsync("#target-info"), Does.StartWith("Nigeria: P(yes)"));

        // Pick a bloc and shift it towards yes.
        await page.CheckAsync("input[name='target-kind'][value='bloc']");
        await page.SelectOptionAsync("#bloc", "AFRICAN_GROUP");
        await page.SelectOptionAsync("#action", "shift");
        await page.Locator("#shift").FillAsync("1");
        await page.ClickAsync("#apply");
        await Ready(page, changes: 1);

        double baseline = await Number(page, "#p-baseline");
        double whatIf = await Number(page, "#p-whatif");
        double difference = await Number(page, "#p-diff");
        Assert.That(difference, Is.GreaterThan(0), "leaning the African Group towards yes helps a territorial-integrity text");
        Assert.That(await page.TextContentAsync("#p-whatif-words"), Does.StartWith("Adoption "));
        Assert.That(await page.TextContentAsync("#p-diff"), Does.Match(@"^\+\d+\.\d points"));

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download"));
        using var folder = new TemporaryFolder();
        string file = folder.File("what-if.yaml");
        await download.SaveAsAsync(file);
        Assert.That(await File.ReadAllTextAsync(file), Does.Contain("AFRICAN_GROUP: {shift: 1}"));
        var run = CliProcess.Run(RepositoryPaths.Root, "run", file, "--out", folder.File("run"), "--json", "--quiet");
        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        var votes = JsonNode.Parse(run.StandardOutput)!["votes"]!.AsArray();
        var cliBaseline = votes.Single(v => (string?)v!["variant"] == "baseline")!;
        var cliWhatIf = votes.Single(v => (string?)v!["variant"] == WhatIfScenario.VariantName)!;
        Assert.That(cliBaseline["trials"]!.GetValue<long>(), Is.EqualTo(2000));
        Assert.That(cliBaseline["p_adopted"]!.GetValue<double>(), Is.EqualTo(baseline), "the page's baseline is stemsim run's for the downloaded scenario");
        Assert.That(cliWhatIf["p_adopted"]!.GetValue<double>(), Is.EqualTo(whatIf));
        Assert.That(cliWhatIf["diff_vs_baseline"]!.GetValue<double>(), Is.EqualTo(difference), "the paired difference");

        // A small state the 1:110m map does not draw: a circle, selected from the keyboard, with its P(yes).
        var tuvalu = page.Locator("#map circle[data-code='TUV']");
        await tuvalu.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        Assert.That(await page.InputValueAsync("#member"), Is.EqualTo("TUV"));
        Assert.That(await page.TextContentAsync("#target-info"), Does.StartWith("Tuvalu: P(yes)"));
        var memberTable = await ParquetColumns.ReadAsync(Path.Combine(folder.File("run"), "member_probabilities.parquet"), CancellationToken.None);
        var codes = memberTable.Text("member");
        var variants = memberTable.Text("variant");
        int tuvaluRow = Enumerable.Range(0, memberTable.RowCount).Single(i => codes[i] == "TUV" && variants[i] == WhatIfScenario.VariantName);
        Assert.That(await Value(tuvalu, "data-p-yes"), Is.EqualTo(memberTable.Number("p_yes")[tuvaluRow]), "Tuvalu's P(yes) on the map is stemsim run's");
        Assert.That(await tuvalu.Locator("title").TextContentAsync(), Does.StartWith("Tuvalu: P(yes) "));

        // The briefing of what is on screen: the one stemsim report writes for the downloaded scenario's run.
        var briefing = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-briefing"), new() { Timeout = Patient });
        string briefingFile = folder.File("briefing-from-page.html");
        await briefing.SaveAsAsync(briefingFile);
        var report = CliProcess.Run(RepositoryPaths.Root, "report", folder.File("run"), "--quiet");
        Assert.That(report.ExitCode, Is.Zero, report.StandardError);
        string pageBriefing = await File.ReadAllTextAsync(briefingFile);
        Assert.That(pageBriefing, Does.Contain(WhatIfScenario.VariantName), "the briefing names the what-if beside the baseline");
        BriefingComparison.AssertSame(pageBriefing, await File.ReadAllTextAsync(Path.Combine(folder.File("run"), "briefing.html")));

        byte[] png = await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true });
        await File.WriteAllBytesAsync(Path.Combine(TestContext.CurrentContext.WorkDirectory, "what-if-page.png"), png);
        Assert.That(DistinctColours(png), Is.GreaterThan(20), "the screenshot shows a page (text, map colours), not a blank");
        Assert.That(elsewhere, Is.Empty, "no request leaves the server");
        Assert.That(errors, Is.Empty, "no script errors (a CSP violation would be one)");
    }

    [Test]
    public async Task An_election_shows_each_candidates_P_elected_as_stemsim_run_gives_it_for_the_downloaded_scenario()
    {
        await using var app = ServerApp.Build(new ServeOptions { Port = 0 });
        await app.StartAsync();
        string address = app.Urls.First().TrimEnd('/') + "/";
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Launch(playwright);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 1100 }, AcceptDownloads = true });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };

        await page.GotoAsync(address);
        await page.Locator("#scenario option[value='hrc-weog-2026']").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = Patient });
        await page.SelectOptionAsync("#trials-choice", "2000");
        await page.SelectOptionAsync("#scenario", "hrc-weog-2026");
        await Ready(page, changes: 0, "hrc-weog-2026");
        Assert.That(await page.IsVisibleAsync("#elections-section"), Is.True);
        Assert.That(await page.IsHiddenAsync("#map-section"), Is.True, "no vote, so no map of P(yes)");

        // Portugal campaigns harder.
        await page.SelectOptionAsync("#action", "campaign");
        await page.SelectOptionAsync("#candidate", "hrc-2026/PRT");
        await page.Locator("#strength").FillAsync("1.5");
        await page.ClickAsync("#apply");
        await Ready(page, changes: 1, "hrc-weog-2026");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download"));
        using var folder = new TemporaryFolder();
        string file = folder.File("what-if.yaml");
        await download.SaveAsAsync(file);
        var run = CliProcess.Run(RepositoryPaths.Root, "run", file, "--out", folder.File("run"), "--json", "--quiet");
        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        var rows = JsonNode.Parse(run.StandardOutput)!["elections"]!.AsArray();
        foreach (string candidate in new[] { "NLD", "ITA", "PRT" })
        {
            var cells = page.Locator($"#elections tr[data-candidate='hrc-2026/{candidate}'] td[data-value]");
            Assert.That(await cells.CountAsync(), Is.EqualTo(3), "baseline, with the changes, difference");
            double CliP(string variant) => rows.Single(r => (string?)r!["variant"] == variant && (string?)r["candidate"] == candidate)!["p_elected"]!.GetValue<double>();
            Assert.That(await Value(cells.Nth(0)), Is.EqualTo(CliP("baseline")), $"{candidate}: the page's baseline is stemsim run's");
            Assert.That(await Value(cells.Nth(1)), Is.EqualTo(CliP(WhatIfScenario.VariantName)), $"{candidate}: with the changes");
            Assert.That(await Value(cells.Nth(2)), Is.EqualTo(CliP(WhatIfScenario.VariantName) - CliP("baseline")), $"{candidate}: the difference");
        }

        Assert.That(await Value(page.Locator("#elections tr[data-candidate='hrc-2026/PRT'] td[data-value]").Nth(2)), Is.GreaterThan(0), "a stronger campaign helps Portugal");
        Assert.That(errors, Is.Empty, "no script errors");
    }

    private static Task<IBrowser> Launch(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = HeadlessChromium.Executable(),
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
    });

    private static async Task<double> Value(ILocator element, string attribute = "data-value") =>
        double.Parse((await element.GetAttributeAsync(attribute))!, CultureInfo.InvariantCulture);

    private static async Task Ready(IPage page, int changes, string scenario = "ga-territorial-integrity-2026") =>
        await page.Locator($"body[data-state='ready'][data-scenario='{scenario}'][data-trials='2000'][data-changes='{changes}']")
            .WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = Patient });

    private static async Task<double> Number(IPage page, string selector) =>
        double.Parse((await page.GetAttributeAsync(selector, "data-value"))!, CultureInfo.InvariantCulture);

    private static int DistinctColours(byte[] png)
    {
        using var bitmap = SKBitmap.Decode(png);
        var colours = new HashSet<uint>();
        for (int y = 0; y < bitmap.Height; y += 4)
        {
            for (int x = 0; x < bitmap.Width; x += 4)
            {
                colours.Add((uint)bitmap.GetPixel(x, y));
            }
        }

        return colours.Count;
    }
}
