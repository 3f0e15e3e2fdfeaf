using System.Text;

namespace StemSimulator.Scenarios.Yaml;

/// <summary>The scenario language's names: PascalCase C# names written as snake_case (AsOf → as_of, Article19 → article_19, GA → ga).</summary>
internal static class SnakeCase
{
    public static string From(string pascal)
    {
        var builder = new StringBuilder(pascal.Length + 4);
        for (int i = 0; i < pascal.Length; i++)
        {
            char c = pascal[i];
            bool boundary = i > 0 && ((char.IsUpper(c) && (char.IsLower(pascal[i - 1]) || char.IsDigit(pascal[i - 1])
                || (i + 1 < pascal.Length && char.IsLower(pascal[i + 1]) && char.IsUpper(pascal[i - 1]))))
                || (char.IsDigit(c) && char.IsLetter(pascal[i - 1])));
            if (boundary)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
