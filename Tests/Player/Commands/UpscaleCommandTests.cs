using RealtimeSR.Player.Commands;
using RealtimeSR.Shared.Commands;
using RealtimeSR.Tests.Video;

namespace RealtimeSR.Tests.Player.Commands;

public class UpscaleCommandTests
{
    private const int BadInput = 3;
    private const int UsageError = 2;
    private const int WriteFailed = 6;
    private const int SomeFailed = 7;

    [Fact]
    public void Upscale_VfrClipWithAudioAndSubtitles_KeepsFramesTimestampsAudioAndSubtitles()
    {
        using var temp = new TempFolder();
        string clip = TestClips.Make(temp.File("in.mkv"), 64, 48, frames: 24, vfr: true, audio: true, subtitles: true);
        string model = TinyModelFile.Write(temp.Path);
        string output = temp.File("out.mkv");

        var run = PlayerProcess.Run("upscale", clip, "-o", output, "--model", model, "--ep", "cpu", "--preset", "ultrafast");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("128,96", TestClips.VideoField(output, "width,height"));
        Assert.Equal(24, TestClips.CountFrames(output));
        Assert.Equal(TestClips.PacketTimestamps(clip, "v"), TestClips.PacketTimestamps(output, "v"));
        Assert.Equal(TestClips.PacketHashes(clip, "a"), TestClips.PacketHashes(output, "a"));
        Assert.Equal(TestClips.PacketHashes(clip, "s"), TestClips.PacketHashes(output, "s"));
        Assert.Empty(Directory.GetFiles(temp.Path, "*.part.*"));
    }

    [Fact]
    public void Upscale_TaggedRotatedMp4_KeepsColourTagsAndRotation()
    {
        using var temp = new TempFolder();
        string plain = TestClips.Make(
            temp.File("plain.mp4"), 64, 48, frames: 6,
            extraOutputArgs: "-colorspace bt709 -color_range pc -color_primaries bt709 -color_trc bt709");
        string clip = temp.File("in.mp4");
        TestClips.Run("ffmpeg", ["-v", "error", "-y", "-i", plain, "-c", "copy", "-metadata:s:v:0", "rotate=90", clip]);
        string output = temp.File("out.mp4");

        var run = PlayerProcess.Run("upscale", clip, "-o", output, "--model", "bicubic", "--scale", "2", "--preset", "ultrafast");

        Assert.True(run.ExitCode == 0, run.Error);
        string fields = "color_space,color_range,color_primaries,color_transfer";
        Assert.Equal(["bt709", "bt709", "bt709", "pc"], TestClips.VideoField(clip, fields).Split(',').Order());
        Assert.Equal(TestClips.VideoField(clip, fields), TestClips.VideoField(output, fields));
        Assert.Equal("90", Rotation(clip));
        Assert.Equal(Rotation(clip), Rotation(output));
        Assert.Equal(6, TestClips.CountFrames(output));
        Assert.Equal("128,96", TestClips.VideoField(output, "width,height"));
    }

    private static string Rotation(string path) =>
        TestClips.Run("ffprobe", ["-v", "error", "-select_streams", "v:0", "-show_entries", "stream_side_data=rotation", "-of", "csv=p=0", path]).Trim().TrimEnd(',');

    [Fact]
    public void Upscale_OddSized321x241_Works()
    {
        using var temp = new TempFolder();
        string clip = TestClips.Make(temp.File("odd.mkv"), 321, 241, frames: 3, codecArgs: "-c:v libx264 -preset ultrafast -pix_fmt yuv444p");
        string output = temp.File("odd-x2.mkv");

        var run = PlayerProcess.Run("upscale", clip, "-o", output, "--model", TinyModelFile.Write(temp.Path), "--ep", "cpu", "--preset", "ultrafast");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("642,482", TestClips.VideoField(output, "width,height"));
        Assert.Equal(3, TestClips.CountFrames(output));
    }

    [Fact]
    public void Upscale_TruncatedInput_FailsInOneLineAndWritesNothing()
    {
        using var temp = new TempFolder();
        string clip = TestClips.Make(temp.File("whole.mkv"), 160, 120, frames: 30);
        string truncated = temp.File("cut.mkv");
        byte[] bytes = File.ReadAllBytes(clip);
        File.WriteAllBytes(truncated, bytes[..(bytes.Length / 2)]);
        string output = temp.File("out.mkv");

        var run = PlayerProcess.Run("upscale", truncated, "-o", output, "--model", "bicubic", "--scale", "2");

        Assert.Equal(BadInput, run.ExitCode);
        var line = Assert.Single(run.FailureLines);
        Assert.Contains("truncated or corrupt", line);
        Assert.False(File.Exists(output));
        Assert.Empty(Directory.GetFiles(temp.Path, "out*"));
    }

    [Fact]
    public void Upscale_DiskFullMidway_FailsInOneLineAndLeavesNoPartialFile()
    {
        using var temp = new TempFolder();
        string clip = TestClips.Make(temp.File("in.mkv"), 64, 48, frames: 60);
        string output = temp.File("out.mkv");

        // RLIMIT_FSIZE on the encoder child: writes past 20 kB fail with EFBIG, as a full disk fails with ENOSPC.
        var run = PlayerProcess.Run(
            "upscale", clip, "-o", output, "--model", "bicubic", "--scale", "2", "--codec", "ffv1", "--file-size-limit", "20000");

        Assert.Equal(WriteFailed, run.ExitCode);
        var line = Assert.Single(run.FailureLines);
        Assert.Contains("out.mkv", line);
        Assert.False(File.Exists(output));
        Assert.Empty(Directory.GetFiles(temp.Path, "out*"));
    }

    [Fact]
    public void Upscale_OutputFolderMissing_FailsInOneLine()
    {
        using var temp = new TempFolder();
        string clip = TestClips.Make(temp.File("in.mkv"), 32, 16, frames: 2);

        var run = PlayerProcess.Run("upscale", clip, "-o", temp.File("no/such/folder/out.mkv"), "--model", "bicubic");

        Assert.Equal(WriteFailed, run.ExitCode);
        Assert.Contains("does not exist", Assert.Single(run.FailureLines));
    }

    [Fact]
    public void Upscale_RoiOutsideFrame_IsRejected()
    {
        using var temp = new TempFolder();
        string clip = TestClips.Make(temp.File("in.mkv"), 64, 48, frames: 2);

        var run = PlayerProcess.Run("upscale", clip, "-o", temp.File("out.mkv"), "--model", "bicubic", "--roi", "50,40,20,20");

        Assert.Equal(BadInput, run.ExitCode);
        Assert.Contains("outside the 64x48 frame", Assert.Single(run.FailureLines));
        Assert.False(File.Exists(temp.File("out.mkv")));
    }

    [Fact]
    public void Upscale_RoiAndCompareSide_WritesDoubleWidthCrop()
    {
        using var temp = new TempFolder();
        string clip = TestClips.Make(temp.File("in.mkv"), 64, 48, frames: 4);
        string output = temp.File("evidence.mkv");

        var run = PlayerProcess.Run("upscale", clip, "-o", output, "--model", "bicubic", "--scale", "2", "--roi", "8,8,20,10", "--compare", "side", "--preset", "ultrafast");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("80,20", TestClips.VideoField(output, "width,height"));
    }

    [Fact]
    public void Upscale_ExistingOutputWithoutOverwrite_IsRefusedAndNothingChanges()
    {
        using var temp = new TempFolder();
        string clip = TestClips.Make(temp.File("in.mkv"), 32, 16, frames: 2);
        string output = temp.File("out.mkv");
        File.WriteAllText(output, "keep me");
        byte[] input = File.ReadAllBytes(clip);

        var run = PlayerProcess.Run("upscale", clip, "-o", output, "--model", "bicubic");

        Assert.Equal(UsageError, run.ExitCode);
        Assert.Contains("--overwrite", Assert.Single(run.FailureLines));
        Assert.Equal("keep me", File.ReadAllText(output));
        Assert.Equal(input, File.ReadAllBytes(clip));
    }

    [Fact]
    public void Upscale_FolderWithOneBadFile_DoesTheOthersAndSaysSo()
    {
        using var temp = new TempFolder();
        string folder = temp.Folder("in");
        TestClips.Make(Path.Combine(folder, "a.mkv"), 32, 16, frames: 3);
        File.WriteAllText(Path.Combine(folder, "b.mp4"), "not a video");
        TestClips.Run("ffmpeg", ["-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=s=24x16", "-frames:v", "1", Path.Combine(folder, "c.png")]);
        string output = temp.File("out");

        var run = PlayerProcess.Run("upscale", folder, "-o", output, "--model", "bicubic", "--scale", "2", "--preset", "ultrafast");

        Assert.Equal(SomeFailed, run.ExitCode);
        Assert.Contains(run.FailureLines, l => l.Contains("b.mp4"));
        Assert.Contains("2 of 3 done, 1 failed", run.Error);
        Assert.Equal(3, TestClips.CountFrames(Path.Combine(output, "a.mkv")));
        Assert.Equal("48,32", TestClips.VideoField(Path.Combine(output, "c.png"), "width,height"));
        Assert.False(File.Exists(Path.Combine(output, "b.mp4")));
    }

    [Fact]
    public void Upscale_DefaultModelMissing_SaysSoInOneLine()
    {
        using var temp = new TempFolder();
        string clip = TestClips.Make(temp.File("in.mkv"), 32, 16, frames: 2);
        string emptyMedia = temp.Folder("media");

        var run = PlayerProcess.RunWithEnvironment(
            new Dictionary<string, string> { [BundledMedia.EnvironmentVariable] = emptyMedia }, "upscale", clip, "-o", temp.File("out.mkv"));

        Assert.Equal(ExitCodes.BadModel, run.ExitCode);
        Assert.Contains("default model", Assert.Single(run.FailureLines));
    }
}
