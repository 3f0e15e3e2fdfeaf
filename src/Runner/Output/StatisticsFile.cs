using System.Text.Json;
using System.Text.Json.Serialization;

namespace StemSimulator.Runner.Output;

/// <summary>Reads and writes <c>statistics.json</c>.</summary>
internal static class StatisticsFile
{
    public const string Name = "statistics.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        WriteIndented = false,
    };

    public static async Task WriteAsync(string path, RunStatistics statistics, CancellationToken cancellationToken)
    {
        await using var stream = File.Create(path);
        await JsonSerializer.SerializeAsync(stream, statistics, Options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a statistics file; returns an error message instead when it is missing or not one.</summary>
    public static async Task<(RunStatistics? Statistics, string? Error)> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return (null, $"{path} does not exist; is the folder the output of 'stemsim run'?");
        }

        try
        {
            await using var stream = File.OpenRead(path);
            var statistics = await JsonSerializer.DeserializeAsync<RunStatistics>(stream, Options, cancellationToken).ConfigureAwait(false);
            return statistics is null || statistics.Votes is null || statistics.Shards is null
                ? (null, $"{path} is not a statistics file of 'stemsim run'")
                : (statistics, null);
        }
        catch (JsonException e)
        {
            return (null, $"{path} is not a valid statistics file: {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"cannot read {path}: {e.Message}");
        }
    }
}
