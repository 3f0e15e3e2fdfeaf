using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace StemSimulator.Runner.Serving;

/// <summary>
/// Reads a request's body whole, at most <see cref="ServeOptions.MaxBodyBytes"/>, after checking its media type. Only
/// types a browser cannot send across origins without asking first (YAML, JSON) are taken, so another site open in
/// the same browser cannot make the server run anything.
/// </summary>
internal static class RequestBody
{
    /// <summary>The media types of a scenario: YAML, or JSON (a JSON scenario is YAML too).</summary>
    public static IReadOnlyList<string> ScenarioTypes { get; } = ["application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml", "application/json"];

    /// <summary>The media type of a what-if request.</summary>
    public static IReadOnlyList<string> JsonTypes { get; } = ["application/json"];

    /// <summary>The body's bytes, or the problem to answer with (415, 413).</summary>
    public static async Task<(byte[]? Bytes, IResult? Problem)> ReadAsync(HttpContext context, long max, IReadOnlyList<string> types)
    {
        var request = context.Request;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !types.Contains(type.MediaType.Value ?? string.Empty, StringComparer.OrdinalIgnoreCase))
        {
            return (null, ServerProblems.Refused(
                "media-type", "Unsupported media type", $"send the body as {string.Join(" or ", types)}, not '{request.ContentType ?? "nothing"}'", StatusCodes.Status415UnsupportedMediaType));
        }

        if (request.ContentLength > max)
        {
            return (null, ServerProblems.TooLarge(max));
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            // Kestrel then stops reading a chunked body past the cap instead of buffering it.
            limit.MaxRequestBodySize = max + 1;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > max)
                {
                    return (null, ServerProblems.TooLarge(max));
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, ServerProblems.TooLarge(max));
        }

        return (buffer.ToArray(), null);
    }
}
