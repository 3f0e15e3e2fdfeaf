using System.Reflection;
using System.Text;

namespace StemSimulator.Tools.ReadyToRunProfile;

/// <summary>
/// Turns the JIT's log lines ("JIT compiled Ns.Type`1[args]:Method[margs](params) [Tier0, ...]") into the methods
/// they name, loaded from a build folder. Shared generic code (System.__Canon) resolves over object, which crossgen2
/// compiles as the same shared code. Lines it cannot resolve (dynamic methods, compiled regular expressions, types
/// of assemblies outside the folder and the core framework) are collected in <see cref="Unresolved"/>.
/// </summary>
internal sealed class JitLogResolver
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance
        | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<string, Type> Keywords = new()
    {
        ["int"] = typeof(int), ["uint"] = typeof(uint), ["long"] = typeof(long), ["ulong"] = typeof(ulong),
        ["short"] = typeof(short), ["ushort"] = typeof(ushort), ["byte"] = typeof(sbyte), ["ubyte"] = typeof(byte),
        ["sbyte"] = typeof(sbyte), ["bool"] = typeof(bool), ["char"] = typeof(char), ["double"] = typeof(double),
        ["float"] = typeof(float), ["nint"] = typeof(nint), ["nuint"] = typeof(nuint),
        ["System.__Canon"] = typeof(object),
    };

    private readonly List<Assembly> _assemblies = [];
    private readonly string _frameworkFolder = Path.GetDirectoryName(typeof(object).Assembly.Location)!;

    public JitLogResolver(string buildFolder)
    {
        foreach (var dll in Directory.GetFiles(buildFolder, "*.dll").Order(StringComparer.Ordinal))
        {
            try
            {
                _assemblies.Add(Assembly.LoadFrom(dll));
            }
            catch (BadImageFormatException)
            {
                // a native library beside the assemblies
            }
        }
    }

    /// <summary>Log lines that named no loadable method, in log order.</summary>
    public List<string> Unresolved { get; } = [];

    /// <summary>The methods the lines name, each once, in the order of their first line.</summary>
    public IReadOnlyList<MethodBase> Resolve(IEnumerable<string> logLines)
    {
        var methods = new List<MethodBase>();
        var seenLines = new HashSet<string>(StringComparer.Ordinal);
        var seenMethods = new HashSet<MethodBase>();
        foreach (var raw in logLines)
        {
            var line = MethodText(raw);
            if (line is null || !seenLines.Add(line))
            {
                continue;
            }
            var found = ResolveLine(line);
            if (found.Count == 0)
            {
                Unresolved.Add(line);
            }
            methods.AddRange(found.Where(seenMethods.Add));
        }
        return methods;
    }

    /// <summary>The method's text of a log line, or null for other lines and dynamic methods.</summary>
    private static string? MethodText(string raw)
    {
        const string marker = "JIT compiled ";
        var start = raw.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }
        var text = raw[(start + marker.Length)..].Trim();
        var tier = text.LastIndexOf(" [", StringComparison.Ordinal);
        text = tier > 0 ? text[..tier] : text;
        return text.StartsWith("(dynamicClass)", StringComparison.Ordinal) ? null : text;
    }

    private List<MethodBase> ResolveLine(string line)
    {
        var open = line.IndexOf('(', StringComparison.Ordinal);
        if (open < 0 || !line.EndsWith(')'))
        {
            return [];
        }
        var parameterCount = line.Length - open - 2 == 0 ? 0 : SplitTopLevel(line[(open + 1)..^1]).Count;
        var head = line[..open];
        var colon = LastTopLevel(head, ':');
        if (colon < 0)
        {
            return [];
        }
        var type = ParseType(head[..colon]);
        if (type is null)
        {
            return [];
        }
        var (name, methodArguments) = SplitGenericArguments(head[(colon + 1)..]);
        return Candidates(type, name)
            .Where(m => m.GetParameters().Length == parameterCount)
            .Select(m => Instantiate(m, methodArguments))
            .OfType<MethodBase>()
            .ToList();
    }

    private static IEnumerable<MethodBase> Candidates(Type type, string name) => name switch
    {
        ".ctor" => type.GetConstructors(Declared),
        ".cctor" => type.TypeInitializer is { } initializer ? [initializer] : [],
        _ => type.GetMethods(Declared).Where(m => m.Name == name),
    };

    private MethodBase? Instantiate(MethodBase method, List<string>? arguments)
    {
        var isDefinition = method is MethodInfo { IsGenericMethodDefinition: true };
        if (arguments is null)
        {
            return isDefinition ? null : method;
        }
        if (!isDefinition || method.GetGenericArguments().Length != arguments.Count)
        {
            return null;
        }
        var types = arguments.Select(ParseType).ToArray();
        if (types.Any(t => t is null))
        {
            return null;
        }
        try
        {
            return ((MethodInfo)method).MakeGenericMethod(types!);
        }
        catch (ArgumentException)
        {
            return null; // a constraint that object (standing for shared code) does not meet
        }
    }

    /// <summary>A type as the JIT prints it: "Ns.Outer`1[A]+Inner`1[B,C]", arrays "T[]", keywords for primitives.</summary>
    private Type? ParseType(string text)
    {
        text = text.Trim();
        if (Keywords.TryGetValue(text, out var keyword))
        {
            return keyword;
        }
        if (text.EndsWith("[]", StringComparison.Ordinal))
        {
            return ParseType(text[..^2])?.MakeArrayType();
        }
        var definition = new StringBuilder();
        var arguments = new List<Type>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '[')
            {
                definition.Append(text[i]);
                continue;
            }
            var close = MatchingBracket(text, i);
            foreach (var argument in SplitTopLevel(text[(i + 1)..close]))
            {
                var type = ParseType(argument);
                if (type is null)
                {
                    return null;
                }
                arguments.Add(type);
            }
            i = close;
        }
        return Construct(FindType(definition.ToString()), arguments);
    }

    private static Type? Construct(Type? definition, List<Type> arguments)
    {
        if (definition is null || arguments.Count == 0)
        {
            return definition;
        }
        try
        {
            return definition.MakeGenericType([.. arguments]);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private Type? FindType(string name)
    {
        var type = Type.GetType(name, throwOnError: false)
            ?? _assemblies.Select(a => a.GetType(name, throwOnError: false)).FirstOrDefault(t => t is not null)
            ?? AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(name, throwOnError: false)).FirstOrDefault(t => t is not null);
        return type ?? FindInFramework(name);
    }

    /// <summary>A framework type whose assembly is not loaded yet: the assemblies whose name starts like the type's.</summary>
    private Type? FindInFramework(string name)
    {
        var root = name.Split('.')[0];
        foreach (var dll in Directory.GetFiles(_frameworkFolder, root + ".*.dll").Order(StringComparer.Ordinal))
        {
            try
            {
                var type = Assembly.LoadFrom(dll).GetType(name, throwOnError: false);
                if (type is not null)
                {
                    return type;
                }
            }
            catch (Exception e) when (e is BadImageFormatException or FileNotFoundException or FileLoadException)
            {
                // a native library, or the core library, which is loaded already
            }
        }
        return null;
    }

    private static (string Name, List<string>? Arguments) SplitGenericArguments(string text)
    {
        var open = text.IndexOf('[', StringComparison.Ordinal);
        return open > 0 && text.EndsWith(']')
            ? (text[..open], SplitTopLevel(text[(open + 1)..^1]))
            : (text, null);
    }

    private static int MatchingBracket(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            depth += text[i] switch { '[' => 1, ']' => -1, _ => 0 };
            if (depth == 0)
            {
                return i;
            }
        }
        return text.Length - 1;
    }

    private static int LastTopLevel(string text, char wanted)
    {
        var depth = 0;
        var found = -1;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] switch { '[' => 1, ']' => -1, _ => 0 };
            if (depth == 0 && text[i] == wanted)
            {
                found = i;
            }
        }
        return found;
    }

    private static List<string> SplitTopLevel(string text)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] switch { '[' => 1, ']' => -1, _ => 0 };
            if (depth == 0 && text[i] == ',')
            {
                parts.Add(text[start..i]);
                start = i + 1;
            }
        }
        parts.Add(text[start..]);
        return parts;
    }
}
