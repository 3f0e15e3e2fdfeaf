using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace StemSimulator.Tools.ReadyToRunProfile;

/// <summary>
/// Writes a .mibc profile in the format crossgen2 reads (dotnet/runtime, MIbcProfileParser): an assembly whose global
/// method <c>AssemblyDictionary</c> holds <c>ldstr group; ldtoken groupMethod; pop</c>, and whose group method holds
/// <c>ldtoken method; pop</c> for each profiled method. No weights or call graph: the profile only tells crossgen2
/// which methods (and which generic instantiations) to compile.
/// </summary>
internal static class MibcWriter
{
    /// <summary>
    /// The group's name lists the assemblies it concerns, which crossgen2 checks against the version bubble of the
    /// assembly it compiles; an empty list (";") passes for every assembly, and crossgen2 itself then decides which
    /// methods each assembly's image may hold.
    /// </summary>
    private const string GroupName = ";";

    public static void Write(IReadOnlyList<MethodBase> methods, string path)
    {
        var assembly = new PersistedAssemblyBuilder(new AssemblyName("StemsimReadyToRunProfile"), typeof(object).Assembly);
        var module = assembly.DefineDynamicModule("StemsimReadyToRunProfile");
        var group = module.DefineGlobalMethod("Group0", MethodAttributes.Public | MethodAttributes.Static, typeof(void), Type.EmptyTypes);
        var il = group.GetILGenerator();
        foreach (var method in methods)
        {
            var token = method is ConstructorInfo constructor
                ? module.GetMethodMetadataToken(constructor)
                : module.GetMethodMetadataToken((MethodInfo)method);
            il.Emit(OpCodes.Ldtoken, token);
            il.Emit(OpCodes.Pop);
        }
        il.Emit(OpCodes.Ret);
        var dictionary = module.DefineGlobalMethod("AssemblyDictionary", MethodAttributes.Public | MethodAttributes.Static, typeof(void), Type.EmptyTypes);
        var dil = dictionary.GetILGenerator();
        dil.Emit(OpCodes.Ldstr, GroupName);
        dil.Emit(OpCodes.Ldtoken, group);
        dil.Emit(OpCodes.Pop);
        dil.Emit(OpCodes.Ret);
        module.CreateGlobalFunctions();
        var metadata = assembly.GenerateMetadata(out var ilStream, out var fieldData);
        var pe = new ManagedPEBuilder(PEHeaderBuilder.CreateLibraryHeader(), new MetadataRootBuilder(metadata), ilStream, fieldData,
            deterministicIdProvider: content => new BlobContentId(Guid.Empty, 0));
        var blob = new BlobBuilder();
        pe.Serialize(blob);
        using var file = File.Create(path);
        blob.WriteContentTo(file);
    }
}
