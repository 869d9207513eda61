using System.Text;

namespace RealtimeSR.Tests.Trainer.Torch;

/// <summary>
/// A minimal ELF64 little-endian shared-object image holding only the tables the GLIBCXX patch reads: .dynstr,
/// .dynsym (two symbols), .gnu.version, .gnu.version_r (libstdc++.so.6: GLIBCXX_3.4.30 and GLIBCXX_3.4.32) and one
/// .rela.dyn entry. No code and no program headers: readelf -V -r reads it, the loader would not.
/// </summary>
internal static class SyntheticElf
{
    public const string OldVersion = "GLIBCXX_3.4.30";
    public const string NewVersion = "GLIBCXX_3.4.32";

    private const uint ShtStrtab = 3;
    private const uint ShtProgbits = 1;
    private const uint ShtRela = 4;
    private const uint ShtDynsym = 11;
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const uint ShtGnuVersym = 0x6fffffff;

    /// <summary>
    /// The image and the file offset of vna_flags in its GLIBCXX_3.4.32 entry. The relocation refers to the symbol
    /// of GLIBCXX_3.4.30 unless <paramref name="relocateNewVersion"/>; without <paramref name="withVersionNeeds"/>
    /// the version-needs section is typed PROGBITS, i.e. missing.
    /// </summary>
    public static (byte[] Elf, int NewVersionFlags) Build(bool relocateNewVersion = false, bool withVersionNeeds = true)
    {
        var dynstr = new StringTable();
        uint library = dynstr.Add("libstdc++.so.6");
        uint oldVersion = dynstr.Add(OldVersion);
        uint newVersion = dynstr.Add(NewVersion);
        uint oldSymbol = dynstr.Add("_ZNSt18condition_variable4waitERSt11unique_lockISt5mutexE");
        uint newSymbol = dynstr.Add("_ZSt21ios_base_library_initv");
        var shstrtab = new StringTable();

        using var image = new MemoryStream();
        using var w = new BinaryWriter(image); // little-endian, like the files it imitates
        w.Write(new byte[64]); // ELF header, filled in last

        var sections = new List<(uint Name, uint Type, long Offset, long Size, uint Link, uint Info, long EntSize)>
        {
            (0, 0, 0, 0, 0, 0, 0),
        };

        long at = Align(w);
        w.Write(dynstr.Bytes);
        sections.Add((shstrtab.Add(".dynstr"), ShtStrtab, at, dynstr.Bytes.Length, 0, 0, 0));

        at = Align(w);
        w.Write(new byte[24]); // symbol 0 is always null
        foreach (uint name in new[] { oldSymbol, newSymbol })
        {
            w.Write(name);
            w.Write((byte)0x12); // STB_GLOBAL, STT_FUNC
            w.Write((byte)0);
            w.Write((ushort)0); // undefined
            w.Write(0UL);
            w.Write(0UL);
        }

        sections.Add((shstrtab.Add(".dynsym"), ShtDynsym, at, 72, 1, 1, 24));

        at = Align(w);
        w.Write((ushort)0); // local
        w.Write((ushort)2); // old symbol: version index 2 = GLIBCXX_3.4.30
        w.Write((ushort)3); // new symbol: version index 3 = GLIBCXX_3.4.32
        sections.Add((shstrtab.Add(".gnu.version"), ShtGnuVersym, at, 6, 2, 0, 2));

        at = Align(w);
        w.Write((ushort)1); // vn_version
        w.Write((ushort)2); // vn_cnt
        w.Write(library); // vn_file
        w.Write(16u); // vn_aux
        w.Write(0u); // vn_next: the only Verneed
        WriteVernaux(w, oldVersion, OldVersion, index: 2, next: 16);
        int newVersionFlags = (int)image.Position + 4;
        WriteVernaux(w, newVersion, NewVersion, index: 3, next: 0);
        sections.Add((shstrtab.Add(".gnu.version_r"), withVersionNeeds ? ShtGnuVerneed : ShtProgbits, at, 48, 1, 1, 0));

        at = Align(w);
        w.Write(0x1000UL); // r_offset
        w.Write((ulong)(relocateNewVersion ? 2 : 1) << 32 | 6); // r_info: symbol, R_X86_64_GLOB_DAT
        w.Write(0L); // r_addend
        sections.Add((shstrtab.Add(".rela.dyn"), ShtRela, at, 24, 2, 0, 24));

        uint shstrtabName = shstrtab.Add(".shstrtab");
        at = Align(w);
        w.Write(shstrtab.Bytes);
        sections.Add((shstrtabName, ShtStrtab, at, shstrtab.Bytes.Length, 0, 0, 0));

        long table = Align(w);
        foreach (var s in sections)
        {
            w.Write(s.Name);
            w.Write(s.Type);
            bool dynamic = s.Type is ShtDynsym or ShtGnuVersym or ShtGnuVerneed or ShtRela;
            w.Write(dynamic ? 2UL : 0UL); // SHF_ALLOC for the tables the loader reads
            w.Write(s.Offset); // sh_addr = sh_offset, as in a shared object loaded at 0
            w.Write(s.Offset);
            w.Write(s.Size);
            w.Write(s.Link);
            w.Write(s.Info);
            w.Write(s.Type == 0 ? 0UL : 8UL);
            w.Write(s.EntSize);
        }

        image.Position = 0;
        w.Write([0x7f, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        w.Write((ushort)3); // ET_DYN
        w.Write((ushort)62); // EM_X86_64
        w.Write(1u); // EV_CURRENT
        w.Write(0UL); // e_entry
        w.Write(0UL); // e_phoff: no program headers
        w.Write(table); // e_shoff
        w.Write(0u); // e_flags
        w.Write((ushort)64); // e_ehsize
        w.Write((ushort)56); // e_phentsize
        w.Write((ushort)0); // e_phnum
        w.Write((ushort)64); // e_shentsize
        w.Write((ushort)sections.Count);
        w.Write((ushort)(sections.Count - 1)); // e_shstrndx: .shstrtab is last
        w.Flush();
        return (image.ToArray(), newVersionFlags);
    }

    private static void WriteVernaux(BinaryWriter w, uint name, string version, ushort index, uint next)
    {
        w.Write(ElfHash(version));
        w.Write((ushort)0); // vna_flags
        w.Write(index); // vna_other
        w.Write(name);
        w.Write(next);
    }

    private static long Align(BinaryWriter w)
    {
        while (w.BaseStream.Position % 8 != 0)
        {
            w.Write((byte)0);
        }

        return w.BaseStream.Position;
    }

    /// <summary>The SysV ELF hash that vna_hash holds (readelf does not check it; kept right anyway).</summary>
    private static uint ElfHash(string name)
    {
        uint h = 0;
        foreach (char c in name)
        {
            h = (h << 4) + c;
            uint g = h & 0xf0000000;
            if (g != 0)
            {
                h ^= g >> 24;
            }

            h &= ~g;
        }

        return h;
    }

    /// <summary>An ELF string table being built: offset 0 is the empty name.</summary>
    private sealed class StringTable
    {
        private readonly MemoryStream _bytes = new();

        public StringTable()
        {
            _bytes.WriteByte(0);
        }

        public byte[] Bytes => _bytes.ToArray();

        public uint Add(string name)
        {
            var offset = (uint)_bytes.Length;
            _bytes.Write(Encoding.ASCII.GetBytes(name + "\0"));
            return offset;
        }
    }
}
