using StemSimulator.Tools.ReadyToRunProfile;

// r2r-profile BUILD_FOLDER OUT.mibc JIT_LOG...: a crossgen2 profile naming every method the JIT's logs list
// (DOTNET_JitStdOutFile with DOTNET_JitDisasmSummary=1), resolved against the assemblies of BUILD_FOLDER.
if (args.Length < 3)
{
    await Console.Error.WriteLineAsync("usage: r2r-profile BUILD_FOLDER OUT.mibc JIT_LOG...");
    return 2;
}
var resolver = new JitLogResolver(args[0]);
var methods = resolver.Resolve(args.Skip(2).SelectMany(File.ReadLines));
foreach (var line in resolver.Unresolved)
{
    await Console.Error.WriteLineAsync("not resolved: " + line);
}
MibcWriter.Write(methods, args[1]);
Console.WriteLine($"{args[1]}: {methods.Count} methods ({resolver.Unresolved.Count} log lines not resolved)");
return 0;
