using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using SkiaSharp;
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

    private static async Task Ready(IPage page, int changes) =>
        await page.Locator($"body[data-state='ready'][data-scenario='ga-territorial-integrity-2026'][data-trials='2000'][data-changes='{changes}']")
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
