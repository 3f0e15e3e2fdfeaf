using Microsoft.AspNetCore.Http;
using StemSimulator.Scenarios.Diagnostics;

namespace StemSimulator.Runner.Serving;

/// <summary>
/// The server's errors as RFC 9457 problem details (<c>application/problem+json</c>): a type naming the kind of
/// problem, a title, the status and a detail sentence; scenario errors add <c>errors</c>, one per problem with its
/// line, column and the message <c>stemsim validate</c> prints.
/// </summary>
internal static class ServerProblems
{
    /// <summary>The prefix of every problem type.</summary>
    public const string TypePrefix = "urn:stemsim:problem:";

    /// <summary>The scenario has errors: 400 with every diagnostic (line, column, message) in file order.</summary>
    /// <param name="diagnostics">The loader's diagnostics.</param>
    /// <param name="scenarioYaml">The scenario text the lines refer to when the server composed it (a what-if), else null.</param>
    public static IResult Scenario(IReadOnlyList<ScenarioDiagnostic> diagnostics, string? scenarioYaml = null)
    {
        var extensions = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["errors"] = diagnostics.Select(d => new ScenarioError(d.Location.Line, d.Location.Column, d.Message, d.ToString())).ToArray(),
        };
        if (scenarioYaml is not null)
        {
            extensions["scenario_yaml"] = scenarioYaml;
        }

        string first = diagnostics.Count == 0 ? "the scenario has errors" : $"line {diagnostics[0].Location.Line}, column {diagnostics[0].Location.Column}: {diagnostics[0].Message}";
        return Results.Problem(
            detail: diagnostics.Count <= 1 ? first : $"{first} (and {diagnostics.Count - 1} more)",
            statusCode: StatusCodes.Status400BadRequest,
            title: "The scenario has errors",
            type: TypePrefix + "scenario",
            extensions: extensions);
    }

    /// <summary>A request the server refuses as asked (400 unless <paramref name="status"/> says otherwise).</summary>
    public static IResult Refused(string kind, string title, string detail, int status = StatusCodes.Status400BadRequest) =>
        Results.Problem(detail: detail, statusCode: status, title: title, type: TypePrefix + kind);

    /// <summary>The body is larger than the server accepts: 413.</summary>
    public static IResult TooLarge(long max) => Refused(
        "too-large", "The request is too large", $"the body may be at most {max:N0} bytes", StatusCodes.Status413PayloadTooLarge);
}
