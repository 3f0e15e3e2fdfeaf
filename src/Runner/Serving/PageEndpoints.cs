using System.Collections.Frozen;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace StemSimulator.Runner.Serving;

/// <summary>
/// The what-if page and everything it loads (scripts, styles, the map, the licences), embedded in the tool: a request
/// names a resource, never a file, and only the embedded ones exist.
/// </summary>
internal static class PageEndpoints
{
    private const string Prefix = "StemSimulator.Runner.Serving.Page/";

    private static readonly Lazy<FrozenDictionary<string, byte[]>> Resources = new(Load);

    /// <summary>The paths served, e.g. <c>index.html</c>, <c>vendor/d3-geo.min.js</c>.</summary>
    public static IEnumerable<string> Paths => Resources.Value.Keys;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => Serve("index.html")).ExcludeFromDescription();
        app.MapGet("/{**path}", (string path) => Serve(path)).ExcludeFromDescription();
    }

    private static IResult Serve(string path) => Resources.Value.TryGetValue(path, out var bytes)
        ? Results.Bytes(bytes, ContentType(path))
        : ServerProblems.Refused("not-found", "Not found", $"nothing is served at /{path}", StatusCodes.Status404NotFound);

    private static string ContentType(string path) => Path.GetExtension(path) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".json" => "application/json",
        ".svg" => "image/svg+xml",
        ".txt" or ".md" => "text/plain; charset=utf-8",
        var other => throw new InvalidOperationException($"No content type for embedded page file {path} ({other})."),
    };

    private static FrozenDictionary<string, byte[]> Load()
    {
        var assembly = typeof(PageEndpoints).Assembly;
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (string name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            files[name[Prefix.Length..].Replace('\\', '/')] = copy.ToArray();
        }

        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
