using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

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
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OmitUnconditioned } },
    };

    /// <summary>
    /// The announced votes and their draws are written only for a conditioned vote, so the file of any other run stays
    /// as it was before conditioning existed (and older files read as unconditioned).
    /// </summary>
    private static void OmitUnconditioned(JsonTypeInfo type)
    {
        foreach (var property in type.Properties)
        {
            if (property.Name == "given" && property.PropertyType == typeof(IReadOnlyList<Engine.Model.AnnouncedVote>))
            {
                property.ShouldSerialize = (_, value) => value is IReadOnlyList<Engine.Model.AnnouncedVote> { Count: > 0 };
            }
            else if (property.Name == "given_draws" && property.PropertyType == typeof(long))
            {
                property.ShouldSerialize = (_, value) => value is long and not 0;
            }
        }
    }

    /// <summary>
    /// Writes the file through <see cref="StatisticsJsonWriter"/>: the text the serializer with <see cref="Options"/>
    /// would write, without compiling the serializer's reflection-based code (the reader below still uses it).
    /// </summary>
    public static async Task WriteAsync(string path, RunStatistics statistics, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await using var stream = File.Create(path);
        await using (var writer = new Utf8JsonWriter(stream))
        {
            StatisticsJsonWriter.Write(writer, statistics);
        }

        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The text the reflection-based serializer writes for <paramref name="statistics"/> (for the tests' comparison).</summary>
    internal static string SerializeWithReflection(RunStatistics statistics) => JsonSerializer.Serialize(statistics, Options);

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
