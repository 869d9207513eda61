#nullable enable

using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Build.Framework;

namespace RealtimeSR.Build;

/// <summary>
/// Lets TorchSharp's native glue library, libLibTorchSharp.so, load on Linux systems whose libstdc++ is older than
/// the GCC it was built with, by marking one version requirement in the copy in a build output weak.
/// </summary>
/// <remarks>
/// <para>
/// TorchSharp 0.107's libLibTorchSharp.so was linked by GCC 13, so its version-needs table (.gnu.version_r) asks
/// libstdc++.so.6 for GLIBCXX_3.4.32; Debian 12's libstdc++ (GCC 12) stops at GLIBCXX_3.4.30 and the dynamic loader
/// refuses the library. The only symbol bound to that version, _ZSt21ios_base_library_initv, is referenced by GCC 13
/// merely to pull in the iostream initialiser and no relocation uses it, so the library runs on the older libstdc++
/// once the loader is told the version is optional: VER_FLG_WEAK in that Vernaux entry turns the fatal "version not
/// found" into nothing. Before patching, the relocations are checked, so a future build that does call a GCC 13
/// symbol fails here with a reason instead of loading and failing at the call.
/// </para>
/// <para>
/// This one file is the whole task, ELF code included, because MSBuild's RoslynCodeTaskFactory compiles a single
/// source file (against netstandard2.0: no spans or newer File overloads). The test project compiles it too.
/// </para>
/// </remarks>
public sealed class WeakenGlibcxxVersionNeed : Microsoft.Build.Utilities.Task
{
    private const uint ShtRela = 4;
    private const uint ShtNobits = 8;
    private const uint ShtRel = 9;
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const uint ShtGnuVersym = 0x6fffffff;
    private const ushort VerFlgWeak = 0x2;
    private const string ErrorCode = "RTSR0001";

    /// <summary>Where to look for the loader's libstdc++ when <c>ldconfig -p</c> cannot say.</summary>
    private static readonly string[] StandardLibStdCxxPaths =
    [
        "/usr/lib/x86_64-linux-gnu/libstdc++.so.6",
        "/lib/x86_64-linux-gnu/libstdc++.so.6",
        "/usr/lib64/libstdc++.so.6",
        "/lib64/libstdc++.so.6",
        "/usr/lib/libstdc++.so.6",
    ];

    /// <summary>The copies of libLibTorchSharp.so in a build output (never the NuGet cache: they are replaced).</summary>
    [Required]
    public ITaskItem[] Files { get; set; } = [];

    /// <summary>The version name to make optional, e.g. <c>GLIBCXX_3.4.32</c>.</summary>
    [Required]
    public string Version { get; set; } = "";

    /// <summary>The libstdc++ to test for <see cref="Version"/>; empty means the one the dynamic loader would use.</summary>
    public string? LibStdCxx { get; set; }

    public override bool Execute()
    {
        string? libStdCxx = string.IsNullOrEmpty(LibStdCxx) ? FindSystemLibStdCxx() : LibStdCxx;
        if (libStdCxx is null)
        {
            Log.LogMessage(MessageImportance.Low, "No libstdc++.so.6 found; libLibTorchSharp.so left as it is.");
            return true;
        }

        try
        {
            if (Defines(libStdCxx, Version))
            {
                Log.LogMessage(MessageImportance.Low, $"{libStdCxx} has {Version}; libLibTorchSharp.so left as it is.");
                return true;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.LogMessage(MessageImportance.Low, $"{libStdCxx} is not readable ({e.Message}); libLibTorchSharp.so left as it is.");
            return true;
        }

        foreach (ITaskItem file in Files)
        {
            string path = file.GetMetadata("FullPath");
            try
            {
                if (MarkWeak(path, Version))
                {
                    Log.LogMessage(MessageImportance.High,
                        $"{Path.GetFileName(path)}: system libstdc++ lacks {Version}; marked that version need weak so TorchSharp loads");
                }
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                Log.LogError(null, ErrorCode, null, path, 0, 0, 0, 0, e.Message);
            }
        }

        return !Log.HasLoggedErrors;
    }

    /// <summary>
    /// Sets VER_FLG_WEAK on the requirement of <paramref name="version"/> in the ELF file at <paramref name="path"/>.
    /// Returns false, leaving the file untouched, when the file does not need that version or the flag is already
    /// set; true when it replaced the file.
    /// </summary>
    /// <remarks>
    /// The file is copied, patched and renamed over the original rather than written in place: a build output's
    /// copy-local file may be a hard link into the NuGet cache, which must stay as the package shipped it. The copy
    /// keeps the original's modification time so MSBuild's copy step (same size and time = unchanged) leaves the
    /// patched file alone on incremental builds instead of linking the cache file back in.
    /// </remarks>
    /// <exception cref="InvalidDataException">
    /// The file is not a 64-bit little-endian ELF file, has no version-needs section, or really uses a symbol of
    /// <paramref name="version"/> (so a weak requirement would not make it work).
    /// </exception>
    public static bool MarkWeak(string path, string version)
    {
        byte[] elf = File.ReadAllBytes(path);
        int flagsAt = FindVersionNeedFlags(elf, version, Path.GetFileName(path));
        if (flagsAt < 0)
        {
            return false;
        }

        ushort flags = U16(elf, flagsAt);
        if ((flags & VerFlgWeak) != 0)
        {
            return false;
        }

        flags |= VerFlgWeak;
        string temp = path + ".weak-tmp";
        try
        {
            File.Copy(path, temp, overwrite: true);
            using (var stream = new FileStream(temp, FileMode.Open, FileAccess.Write))
            {
                stream.Position = flagsAt;
                stream.WriteByte((byte)flags);
                stream.WriteByte((byte)(flags >> 8));
            }

            File.SetLastWriteTimeUtc(temp, File.GetLastWriteTimeUtc(path));
            File.Replace(temp, path, null);
        }
        finally
        {
            File.Delete(temp);
        }

        return true;
    }

    /// <summary>
    /// Whether the shared library at <paramref name="library"/> defines <paramref name="version"/>: its name occurs
    /// as a NUL-terminated string (the version definitions name their versions in .dynstr).
    /// </summary>
    public static bool Defines(string library, string version)
    {
        byte[] data = File.ReadAllBytes(library);
        byte[] needle = Encoding.ASCII.GetBytes("\0" + version + "\0");
        for (int i = 0; i <= data.Length - needle.Length; i++)
        {
            int j = 0;
            while (j < needle.Length && data[i + j] == needle[j])
            {
                j++;
            }

            if (j == needle.Length)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The x86-64 libstdc++.so.6 the dynamic loader would pick (from <c>ldconfig -p</c>), else the first one at a
    /// standard path, else null.
    /// </summary>
    public static string? FindSystemLibStdCxx()
    {
        foreach (string ldconfig in new[] { "/sbin/ldconfig", "/usr/sbin/ldconfig" }.Where(File.Exists))
        {
            string? listed = LdconfigLibStdCxx(ldconfig);
            if (listed is not null)
            {
                return listed;
            }
        }

        return StandardLibStdCxxPaths.FirstOrDefault(File.Exists);
    }

    private static string? LdconfigLibStdCxx(string ldconfig)
    {
        string listing;
        try
        {
            var start = new ProcessStartInfo(ldconfig, "-p") { RedirectStandardOutput = true, UseShellExecute = false };
            using Process process = Process.Start(start)!;
            System.Threading.Tasks.Task<string> output = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(10_000))
            {
                process.Kill();
                return null;
            }

            listing = output.Result;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return null; // not runnable here: fall back to the standard paths
        }

        // Lines look like "\tlibstdc++.so.6 (libc6,x86-64) => /lib/x86_64-linux-gnu/libstdc++.so.6".
        foreach (string line in listing.Split('\n'))
        {
            string entry = line.Trim();
            int arrow = entry.IndexOf(" => ", StringComparison.Ordinal);
            if (entry.StartsWith("libstdc++.so.6 (", StringComparison.Ordinal) && entry.Contains("x86-64") && arrow > 0)
            {
                string path = entry.Substring(arrow + 4);
                if (File.Exists(path))
                {
                    return path;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The file offset of vna_flags in the Vernaux entry that names <paramref name="version"/>, or -1 when the file
    /// does not need that version. Walks ELF header → section headers → SHT_GNU_verneed → Verneed/Vernaux chains,
    /// names resolved in that section's sh_link string table; every offset is bounds-checked.
    /// </summary>
    private static int FindVersionNeedFlags(byte[] elf, string version, string name)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F'
            || elf[4] != 2 || elf[5] != 1)
        {
            throw new InvalidDataException($"{name} is not a 64-bit little-endian ELF file");
        }

        SectionHeader[] sections = ReadSectionHeaders(elf, name);
        SectionHeader need = sections.FirstOrDefault(s => s.Type == ShtGnuVerneed)
            ?? throw new InvalidDataException($"{name} has no version-needs section (.gnu.version_r)");
        SectionHeader strings = Linked(sections, need, name);
        long at = need.Offset;
        for (uint i = 0; i < need.Info; i++)
        {
            need.Check(at, 16, name);
            long aux = at + U32(elf, at + 8);
            for (int j = 0; j < U16(elf, at + 2); j++)
            {
                need.Check(aux, 16, name);
                if (CString(elf, strings, U32(elf, aux + 8), name) == version)
                {
                    RefuseIfRelocated(elf, sections, U16(elf, aux + 6) & 0x7fff, version, name);
                    return (int)aux + 4;
                }

                aux += U32(elf, aux + 12);
            }

            uint next = U32(elf, at + 12);
            if (next == 0)
            {
                break;
            }

            at += next;
        }

        return -1;
    }

    /// <summary>
    /// Throws when a dynamic relocation refers to a symbol bound to version index <paramref name="index"/>: such a
    /// symbol is looked up at load or call time and, with the version absent, not found.
    /// </summary>
    private static void RefuseIfRelocated(byte[] elf, SectionHeader[] sections, int index, string version, string name)
    {
        SectionHeader? versym = sections.FirstOrDefault(s => s.Type == ShtGnuVersym);
        if (versym is null)
        {
            return; // no symbol carries a version, so none can carry this one
        }

        SectionHeader symbols = Linked(sections, versym, name);
        SectionHeader symbolNames = Linked(sections, symbols, name);
        foreach (SectionHeader relocations in sections.Where(s => (s.Type == ShtRela || s.Type == ShtRel) && s.Link == versym.Link))
        {
            int size = relocations.Type == ShtRela ? 24 : 16;
            for (long at = relocations.Offset; at + size <= relocations.Offset + relocations.Size; at += size)
            {
                long symbol = (long)(U64(elf, at + 8) >> 32);
                if (symbol == 0 || 2 * symbol + 2 > versym.Size || (U16(elf, versym.Offset + 2 * symbol) & 0x7fff) != index)
                {
                    continue;
                }

                symbols.Check(symbols.Offset + 24 * symbol, 24, name);
                string used = CString(elf, symbolNames, U32(elf, symbols.Offset + 24 * symbol), name);
                throw new InvalidDataException(
                    $"{name} really uses {used} from {version}, so marking that version weak would not make it load; " +
                    $"it needs a libstdc++ with {version} (GCC 13 or later)");
            }
        }
    }

    private static SectionHeader[] ReadSectionHeaders(byte[] elf, string name)
    {
        ulong table = U64(elf, 0x28);
        int entrySize = U16(elf, 0x3a);
        int count = U16(elf, 0x3c);
        if (table == 0 || count == 0 || entrySize < 64 || table > (ulong)elf.Length
            || (ulong)count * (ulong)entrySize > (ulong)elf.Length - table)
        {
            throw new InvalidDataException($"{name} has no readable section header table");
        }

        var sections = new SectionHeader[count];
        for (int i = 0; i < count; i++)
        {
            long header = (long)table + (long)i * entrySize;
            uint type = U32(elf, header + 4);
            ulong offset = U64(elf, header + 0x18);
            ulong size = U64(elf, header + 0x20);
            // SHT_NOBITS (.bss) occupies no file bytes; every other section must lie inside the file.
            if (type != ShtNobits && (offset > (ulong)elf.Length || size > (ulong)elf.Length - offset))
            {
                throw new InvalidDataException($"{name}: section {i} lies outside the file");
            }

            sections[i] = new SectionHeader(type, (long)offset, (long)size, U32(elf, header + 0x28), U32(elf, header + 0x2c));
        }

        return sections;
    }

    private static SectionHeader Linked(SectionHeader[] sections, SectionHeader section, string name)
    {
        if (section.Link == 0 || section.Link >= sections.Length)
        {
            throw new InvalidDataException($"{name}: a section links to section {section.Link}, which does not exist");
        }

        return sections[section.Link];
    }

    private static string CString(byte[] elf, SectionHeader table, uint offset, string name)
    {
        int end = offset < table.Size ? Array.IndexOf(elf, (byte)0, (int)(table.Offset + offset), (int)(table.Size - offset)) : -1;
        if (end < 0)
        {
            throw new InvalidDataException($"{name}: a name at 0x{offset:x} runs outside its string table");
        }

        return Encoding.ASCII.GetString(elf, (int)(table.Offset + offset), end - (int)(table.Offset + offset));
    }

    private static ushort U16(byte[] b, long at) => (ushort)(b[at] | b[at + 1] << 8);

    private static uint U32(byte[] b, long at) => U16(b, at) | (uint)U16(b, at + 2) << 16;

    private static ulong U64(byte[] b, long at) => U32(b, at) | (ulong)U32(b, at + 4) << 32;

    /// <summary>The fields of an ELF64 section header this task reads; offsets and sizes are in file bytes.</summary>
    private sealed class SectionHeader(uint type, long offset, long size, uint link, uint info)
    {
        public uint Type { get; } = type;

        public long Offset { get; } = offset;

        public long Size { get; } = size;

        public uint Link { get; } = link;

        public uint Info { get; } = info;

        /// <summary>Throws unless <paramref name="length"/> bytes at file offset <paramref name="at"/> lie inside this section.</summary>
        public void Check(long at, int length, string name)
        {
            if (at < Offset || at + length > Offset + Size)
            {
                throw new InvalidDataException($"{name}: an entry at 0x{at:x} runs outside its section");
            }
        }
    }
}
