using System.Diagnostics;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using RealtimeSR.Build;

namespace RealtimeSR.Tests.Trainer.Torch;

public class WeakenGlibcxxVersionNeedTests
{
    private const ushort VerFlgWeak = 0x2;

    [Fact]
    public void MarkWeak_SyntheticElf_SetsTheWeakBitAndNothingElse()
    {
        using var temp = new TempFolder();
        var (elf, flags) = SyntheticElf.Build();
        string path = Write(temp, "lib.so", elf);

        Assert.True(WeakenGlibcxxVersionNeed.MarkWeak(path, SyntheticElf.NewVersion));

        byte[] patched = File.ReadAllBytes(path);
        Assert.Equal(elf.Length, patched.Length);
        Assert.Equal(VerFlgWeak, patched[flags] | patched[flags + 1] << 8);
        patched[flags] = elf[flags];
        Assert.Equal(elf, patched);
    }

    [Fact]
    public void MarkWeak_RunTwice_SecondRunChangesNothing()
    {
        using var temp = new TempFolder();
        string path = Write(temp, "lib.so", SyntheticElf.Build().Elf);
        WeakenGlibcxxVersionNeed.MarkWeak(path, SyntheticElf.NewVersion);
        byte[] once = File.ReadAllBytes(path);
        DateTime time = File.GetLastWriteTimeUtc(path);

        Assert.False(WeakenGlibcxxVersionNeed.MarkWeak(path, SyntheticElf.NewVersion));

        Assert.Equal(once, File.ReadAllBytes(path));
        Assert.Equal(time, File.GetLastWriteTimeUtc(path));
    }

    [SkippableFact]
    public void MarkWeak_HardLinkedFile_OtherLinkKeepsTheOriginalAndTimeIsKept()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "hard links into the NuGet cache are a Linux output concern here");
        using var temp = new TempFolder();
        var (elf, _) = SyntheticElf.Build();
        string cache = Write(temp, "cache.so", elf);
        File.SetLastWriteTimeUtc(cache, new DateTime(2026, 5, 7, 10, 3, 28, DateTimeKind.Utc));
        string output = temp.File("output.so");
        Run("ln", cache, output);

        Assert.True(WeakenGlibcxxVersionNeed.MarkWeak(output, SyntheticElf.NewVersion));

        Assert.Equal(elf, File.ReadAllBytes(cache));
        Assert.NotEqual(elf, File.ReadAllBytes(output));
        // Same size and time as the cache file: MSBuild's copy step then sees it as unchanged and leaves it patched.
        Assert.Equal(File.GetLastWriteTimeUtc(cache), File.GetLastWriteTimeUtc(output));
    }

    [Fact]
    public void MarkWeak_VersionNotNeeded_ReturnsFalseAndLeavesTheFile()
    {
        using var temp = new TempFolder();
        var (elf, _) = SyntheticElf.Build();
        string path = Write(temp, "lib.so", elf);

        Assert.False(WeakenGlibcxxVersionNeed.MarkWeak(path, "GLIBCXX_3.4.99"));

        Assert.Equal(elf, File.ReadAllBytes(path));
    }

    [Fact]
    public void MarkWeak_NotAnElfFile_ThrowsNamingTheFile()
    {
        using var temp = new TempFolder();
        string path = Write(temp, "libLibTorchSharp.so", "<html>not a library</html>"u8.ToArray());

        var e = Assert.Throws<InvalidDataException>(() => WeakenGlibcxxVersionNeed.MarkWeak(path, SyntheticElf.NewVersion));

        Assert.Equal("libLibTorchSharp.so is not a 64-bit little-endian ELF file", e.Message);
    }

    [Fact]
    public void MarkWeak_TruncatedElf_ThrowsAndLeavesTheFile()
    {
        using var temp = new TempFolder();
        byte[] half = SyntheticElf.Build().Elf[..300];
        string path = Write(temp, "lib.so", half);

        var e = Assert.Throws<InvalidDataException>(() => WeakenGlibcxxVersionNeed.MarkWeak(path, SyntheticElf.NewVersion));

        Assert.Contains("section header table", e.Message);
        Assert.Equal(half, File.ReadAllBytes(path));
    }

    [Fact]
    public void MarkWeak_NoVersionNeedsSection_Throws()
    {
        using var temp = new TempFolder();
        string path = Write(temp, "lib.so", SyntheticElf.Build(withVersionNeeds: false).Elf);

        var e = Assert.Throws<InvalidDataException>(() => WeakenGlibcxxVersionNeed.MarkWeak(path, SyntheticElf.NewVersion));

        Assert.Equal("lib.so has no version-needs section (.gnu.version_r)", e.Message);
    }

    [Fact]
    public void MarkWeak_RelocationUsesTheVersion_ThrowsNamingTheSymbolAndLeavesTheFile()
    {
        using var temp = new TempFolder();
        var (elf, _) = SyntheticElf.Build(relocateNewVersion: true);
        string path = Write(temp, "lib.so", elf);

        var e = Assert.Throws<InvalidDataException>(() => WeakenGlibcxxVersionNeed.MarkWeak(path, SyntheticElf.NewVersion));

        Assert.StartsWith("lib.so really uses _ZSt21ios_base_library_initv from GLIBCXX_3.4.32", e.Message);
        Assert.Equal(elf, File.ReadAllBytes(path));
    }

    [Fact]
    public void Execute_LibStdCxxLacksTheVersion_PatchesWithOneHighImportanceMessage()
    {
        using var temp = new TempFolder();
        string path = Write(temp, "libLibTorchSharp.so", SyntheticElf.Build().Elf);
        var (task, engine) = NewTask(temp, path, libStdCxxVersions: "\0GLIBCXX_3.4.29\0GLIBCXX_3.4.30\0");

        Assert.True(task.Execute());

        Assert.Empty(engine.Errors);
        Assert.Empty(engine.Warnings);
        var high = Assert.Single(engine.Messages, m => m.Importance == MessageImportance.High);
        Assert.Equal("libLibTorchSharp.so: system libstdc++ lacks GLIBCXX_3.4.32; marked that version need weak so TorchSharp loads",
            high.Message);
        Assert.False(WeakenGlibcxxVersionNeed.MarkWeak(path, SyntheticElf.NewVersion)); // already weak
    }

    [Fact]
    public void Execute_LibStdCxxHasTheVersion_LeavesTheFileAlone()
    {
        using var temp = new TempFolder();
        var (elf, _) = SyntheticElf.Build();
        string path = Write(temp, "libLibTorchSharp.so", elf);
        var (task, engine) = NewTask(temp, path, libStdCxxVersions: "\0GLIBCXX_3.4.32\0GLIBCXX_3.4.33\0");

        Assert.True(task.Execute());

        Assert.DoesNotContain(engine.Messages, m => m.Importance == MessageImportance.High);
        Assert.Equal(elf, File.ReadAllBytes(path));
    }

    [Fact]
    public void Execute_NotAnElfFile_FailsWithAnErrorOnThatFile()
    {
        using var temp = new TempFolder();
        string path = Write(temp, "libLibTorchSharp.so", new byte[100]);
        var (task, engine) = NewTask(temp, path, libStdCxxVersions: "\0GLIBCXX_3.4.30\0");

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal(path, error.File);
        Assert.Equal("libLibTorchSharp.so is not a 64-bit little-endian ELF file", error.Message);
    }

    [SkippableFact]
    public void BuildOutput_LibLibTorchSharp_AlreadyWeakWhereSystemLibStdCxxLacksTheVersion()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "the patch step runs on Linux only");
        string? libStdCxx = WeakenGlibcxxVersionNeed.FindSystemLibStdCxx();
        Skip.If(libStdCxx is null, "no libstdc++.so.6 found on this machine");
        Skip.If(WeakenGlibcxxVersionNeed.Defines(libStdCxx!, SyntheticElf.NewVersion),
            $"{libStdCxx} has {SyntheticElf.NewVersion}, so the build leaves libLibTorchSharp.so as shipped");
        string built = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        using var temp = new TempFolder();
        string copy = temp.File("libLibTorchSharp.so");
        File.Copy(built, copy);

        // False: the build already set the flag on this test project's own copy (true would mean it did not).
        Assert.False(WeakenGlibcxxVersionNeed.MarkWeak(copy, SyntheticElf.NewVersion));
    }

    private static (WeakenGlibcxxVersionNeed Task, RecordingBuildEngine Engine) NewTask(TempFolder temp, string file, string libStdCxxVersions)
    {
        var engine = new RecordingBuildEngine();
        var task = new WeakenGlibcxxVersionNeed
        {
            BuildEngine = engine,
            Files = [new TaskItem(file)],
            Version = SyntheticElf.NewVersion,
            LibStdCxx = Write(temp, "libstdc++.so.6", System.Text.Encoding.ASCII.GetBytes(libStdCxxVersions)),
        };
        return (task, engine);
    }

    private static string Write(TempFolder temp, string name, byte[] bytes)
    {
        string path = temp.File(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static void Run(string program, params string[] args)
    {
        using var process = Process.Start(program, args);
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), $"{program} did not finish");
        Assert.Equal(0, process.ExitCode);
    }
}
