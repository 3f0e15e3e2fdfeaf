using Microsoft.AspNetCore.Http;

namespace StemSimulator.Runner.Serving;

/// <summary>
/// The headers every response carries: a Content-Security-Policy allowing nothing but this server's own scripts,
/// styles, map and API (no inline script, no other origin, no framing), and the usual companions.
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>The Content-Security-Policy of every response.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; " +
        "font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>Adds the headers before the response starts, whatever answers the request (page, API, error).</summary>
    public static Task Add(HttpContext context, Func<Task> next)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Cross-Origin-Resource-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            if (!headers.ContainsKey("Cache-Control"))
            {
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        });
        return next();
    }
}
