using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.RegularExpressions;

namespace StemSimulator.Runner.Infrastructure;

/// <summary>
/// Command-line errors in the user's words: the option, the value given and what it may be, never a .NET type name
/// and never the whole help (the command's help is one <c>--help</c> away).
/// </summary>
internal static partial class OptionErrors
{
    /// <summary>Prints every parse error of <paramref name="parse"/> as one line each; returns the exit code (2).</summary>
    public static int Report(ParseResult parse, TextWriter error)
    {
        foreach (var problem in parse.Errors)
        {
            error.WriteLine($"error: {Describe(problem.Message)}");
        }

        var path = new List<string>();
        for (SymbolResult? result = parse.CommandResult; result is not null; result = result.Parent)
        {
            if (result is CommandResult command)
            {
                path.Insert(0, command.Command.Name);
            }
        }

        path[0] = "stemsim";
        error.WriteLine($"See '{string.Join(' ', path)} --help' for the options.");
        return ExitCodes.InvalidInput;
    }

    /// <summary>A System.CommandLine message with its .NET type name replaced by what the value may be.</summary>
    public static string Describe(string message)
    {
        var match = CannotParse().Match(message);
        if (!match.Success)
        {
            return message;
        }

        string expected = Expected(match.Groups["type"].Value);
        return $"{match.Groups["what"].Value} '{match.Groups["name"].Value}' must be {expected}, not '{match.Groups["value"].Value}'";
    }

    /// <summary>
    /// Parses a whole number in [<paramref name="min"/>, <paramref name="max"/>] for a <c>long?</c> option such as
    /// <c>--trials</c>; anything else is an error naming the option and the range (never the scenario's line).
    /// </summary>
    public static long? WholeNumber(ArgumentResult result, long min, long max)
    {
        string token = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
        if (long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value) && value >= min && value <= max)
        {
            return value;
        }

        result.AddError(string.Create(CultureInfo.InvariantCulture, $"option '{OptionName(result)}' must be a whole number from {min:N0} to {max:N0}, not '{token}'"));
        return null;
    }

    /// <summary>Parses a seed: a whole number from 0 to 2^64 - 1.</summary>
    public static ulong? Seed(ArgumentResult result)
    {
        string token = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
        if (ulong.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out ulong value))
        {
            return value;
        }

        result.AddError(string.Create(CultureInfo.InvariantCulture, $"option '{OptionName(result)}' must be a whole number from 0 to {ulong.MaxValue:N0}, not '{token}'"));
        return null;
    }

    private static string OptionName(ArgumentResult result) => result.Parent is OptionResult option ? option.Option.Name : "the value";

    private static string Expected(string type)
    {
        string inner = NullableOf().Match(type) is { Success: true } nullable ? nullable.Groups["inner"].Value : type;
        return inner switch
        {
            "System.Int32" => string.Create(CultureInfo.InvariantCulture, $"a whole number from {int.MinValue:N0} to {int.MaxValue:N0}"),
            "System.Int64" => "a whole number",
            "System.UInt64" => string.Create(CultureInfo.InvariantCulture, $"a whole number from 0 to {ulong.MaxValue:N0}"),
            "System.Double" => "a number such as 0.5",
            "System.Boolean" => "true or false",
            _ when typeof(OptionErrors).Assembly.GetType(inner) is { IsEnum: true } enumType =>
                string.Join(" or ", Enum.GetNames(enumType).Select(n => n.ToLowerInvariant())),
            _ => "a different value (see --help)",
        };
    }

    [GeneratedRegex(@"^System\.Nullable`1\[(?<inner>.*)\]$")]
    private static partial Regex NullableOf();

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for (?<what>option|command|argument) '(?<name>[^']*)' as expected type '(?<type>[^']*)'\.?(?<rest>.*)$", RegexOptions.Singleline)]
    private static partial Regex CannotParse();
}
