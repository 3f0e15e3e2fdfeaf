using System.Runtime.InteropServices;
using System.Text;

namespace StemSimulator.Scenarios.Files;

/// <summary>
/// Tells regular files from folders, links, devices, FIFOs and sockets without opening them: opening a FIFO blocks
/// and a device such as /dev/zero never ends, so the kind is checked before any read or write.
/// </summary>
public static class FileKinds
{
    // statx(2): a fixed layout on every Linux architecture, unlike struct stat.
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const int StatxSize = 256;
    private const int ModeOffset = 28;

    /// <summary>The kind of <paramref name="path"/>; with <paramref name="followLinks"/> false a link is reported as such.</summary>
    public static FileKind Of(string path, bool followLinks = true)
    {
        if (string.IsNullOrEmpty(path))
        {
            return FileKind.Missing;
        }

        if (OperatingSystem.IsLinux())
        {
            return OfLinux(path, followLinks);
        }

        // Elsewhere the .NET view: links, folders and files (devices and FIFOs count as files there).
        var info = new FileInfo(path);
        if (!followLinks && info.LinkTarget is not null)
        {
            return FileKind.SymbolicLink;
        }

        return Directory.Exists(path) ? FileKind.Folder : File.Exists(path) ? FileKind.Regular : FileKind.Missing;
    }

    /// <summary>How the kind reads in a message: "a folder", "a device", ...</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Missing => "missing",
        FileKind.Regular => "a file",
        FileKind.Folder => "a folder",
        FileKind.SymbolicLink => "a symbolic link",
        FileKind.Device => "a device",
        FileKind.Fifo => "a named pipe (FIFO)",
        FileKind.Socket => "a socket",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown file kind"),
    };

    private static FileKind OfLinux(string path, bool followLinks)
    {
        byte[] name = Encoding.UTF8.GetBytes(path + "\0");
        byte[] buffer = new byte[StatxSize];
        if (Statx(AtFdCwd, name, followLinks ? 0 : AtSymlinkNoFollow, StatxType, buffer) != 0)
        {
            // Missing, a dangling link, a path through a file or a folder that cannot be searched: nothing usable.
            return FileKind.Missing;
        }

        int mode = BitConverter.ToUInt16(buffer, ModeOffset) & 0xF000;
        return mode switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Folder,
            0xA000 => FileKind.SymbolicLink,
            0x2000 or 0x6000 => FileKind.Device,
            0x1000 => FileKind.Fifo,
            0xC000 => FileKind.Socket,
            _ => FileKind.Device,
        };
    }

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Statx(int directory, byte[] path, int flags, uint mask, byte[] buffer);
}
