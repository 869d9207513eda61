using System.Diagnostics;
using System.Text.Json;
using RealtimeSR.Shared.Commands;
using RealtimeSR.Tests.Player.Commands;
using RealtimeSR.Tests.Video;

namespace RealtimeSR.Tests.Player.Segments;

/// <summary>
/// <c>upscale --segments</c> end to end with the real player and ffmpeg: with a lossless codec, a segmented, a
/// resumed and a one-piece run decode to the same frames at the same timestamps, with the same audio and subtitles.
/// </summary>
public class SegmentedUpscaleTests
{
    private static readonly string[] Lossless = ["--codec", "ffv1"];

    [Fact]
    public void Upscale_FourSegmentsLossless_SameFramesTimestampsAudioAndSubtitlesAsOnePiece()
    {
        using var temp = new TempFolder();
        string clip = SegmentClips.VfrWithAudioAndSubtitles(temp.File("in.mkv"));
        string model = TinyModelFile.Write(temp.Path);
        string onePiece = temp.File("one.mkv"), segmented = temp.File("segmented.mkv");

        var one = PlayerProcess.Run(["upscale", clip, "-o", onePiece, "--model", model, "--ep", "cpu", .. Lossless]);
        var run = PlayerProcess.Run(["upscale", clip, "-o", segmented, "--model", model, "--ep", "cpu", "--segments", "4", .. Lossless]);

        Assert.True(one.ExitCode == 0, one.Error);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("joined 4 segments", run.Error);
        Assert.Equal(96, TestClips.CountFrames(segmented));
        SegmentClips.AssertSameStreams(onePiece, segmented);
        Assert.False(Directory.Exists(segmented + ".parts"), "the work folder is removed after the join");
        Assert.Empty(Directory.GetFiles(temp.Path, "*.part.*"));
    }

    [Fact]
    public void Upscale_RotatedTaggedMp4InSegments_KeepsRotationColourTagsAndLosslessFrames()
    {
        using var temp = new TempFolder();
        string plain = TestClips.Make(
            temp.File("plain.mp4"), 96, 64, frames: 60, audio: true,
            codecArgs: "-c:v libx264 -preset ultrafast -pix_fmt yuv420p -g 15 -bf 2",
            extraOutputArgs: "-colorspace bt709 -color_range pc -color_primaries bt709 -color_trc bt709");
        string clip = temp.File("in.mp4");
        TestClips.Run("ffmpeg", ["-v", "error", "-y", "-i", plain, "-c", "copy", "-metadata:s:v:0", "rotate=90", clip]);
        // x264 at CRF 0 in 4:4:4 is lossless, and uses B-frames: the join must keep their reordering right.
        string[] x264Lossless = ["--model", "bicubic", "--scale", "2", "--crf", "0", "--pix-fmt", "yuv444p", "--preset", "ultrafast"];

        var one = PlayerProcess.Run(["upscale", clip, "-o", temp.File("one.mp4"), .. x264Lossless]);
        var run = PlayerProcess.Run(["upscale", clip, "-o", temp.File("segmented.mp4"), "--segments", "3", .. x264Lossless]);

        Assert.True(one.ExitCode == 0, one.Error);
        Assert.True(run.ExitCode == 0, run.Error);
        SegmentClips.AssertSameStreams(temp.File("one.mp4"), temp.File("segmented.mp4"), subtitles: false);
        string fields = "color_space,color_range,color_primaries,color_transfer,time_base";
        Assert.Equal(TestClips.VideoField(temp.File("one.mp4"), fields), TestClips.VideoField(temp.File("segmented.mp4"), fields));
        Assert.Equal("90", Rotation(temp.File("segmented.mp4")));
    }

    [Fact]
    public void Upscale_KilledMidwayThenRunAgain_SkipsFinishedSegmentsAndMatchesOnePiece()
    {
        using var temp = new TempFolder();
        // Long enough that segments take a while: 240 frames with a keyframe every 12, and audio.
        string clip = TestClips.Make(
            temp.File("in.mp4"), 160, 120, frames: 240, audio: true,
            codecArgs: "-c:v libx264 -preset ultrafast -pix_fmt yuv420p -g 12 -keyint_min 12 -sc_threshold 0");
        string output = temp.File("out.mkv");
        string[] args = ["upscale", clip, "-o", output, "--model", "bicubic", "--scale", "2", "--segments", "4", .. Lossless];
        string manifest = Path.Combine(output + ".parts", "manifest.json");

        using (var worker = ToolProcess.Start("RealtimeSR.Player.dll", args))
        {
            worker.BeginErrorReadLine(); // drained, so the progress bar never fills the pipe and blocks it
            worker.BeginOutputReadLine();
            // SIGKILL (no chance to clean up) as soon as the first segment is recorded done.
            var waited = Stopwatch.StartNew();
            while (DoneSegments(manifest) == 0 && !worker.HasExited && waited.Elapsed < TimeSpan.FromMinutes(3))
            {
                Thread.Sleep(10);
            }

            Assert.False(worker.HasExited, "the run ended before it could be killed mid-way");
            worker.Kill(entireProcessTree: true);
            Assert.True(worker.WaitForExit(TimeSpan.FromSeconds(30)));
        }

        int doneAtKill = DoneSegments(manifest);
        Assert.InRange(doneAtKill, 1, 3);
        Assert.False(File.Exists(output));

        var resumed = PlayerProcess.Run(args);
        var one = PlayerProcess.Run(["upscale", clip, "-o", temp.File("one.mkv"), "--model", "bicubic", "--scale", "2", .. Lossless]);

        Assert.True(resumed.ExitCode == 0, resumed.Error);
        Assert.True(one.ExitCode == 0, one.Error);
        Assert.Contains($"{doneAtKill} of 4 segments already done", resumed.Error);
        Assert.Equal(4 - doneAtKill, resumed.ErrorLines.Count(l => l.StartsWith("segment ", StringComparison.Ordinal) && l.Contains(" frames in ", StringComparison.Ordinal)));
        SegmentClips.AssertSameStreams(temp.File("one.mkv"), output, subtitles: false);
    }

    [Fact]
    public void Upscale_FinishedSegmentFileDamaged_IsRedoneOnTheNextRun()
    {
        using var temp = new TempFolder();
        string clip = SegmentClips.VfrWithAudioAndSubtitles(temp.File("in.mkv"));
        string output = temp.File("out.mkv");
        string[] args = ["upscale", clip, "-o", output, "--model", "bicubic", "--scale", "2", "--segments", "2", .. Lossless];

        var first = PlayerProcess.Run([.. args, "--only", "0"]);
        string segment = Path.Combine(output + ".parts", "segment-0000.mkv");
        using (var file = new FileStream(segment, FileMode.Open))
        {
            file.SetLength(file.Length / 2); // as a disk that lost the end of it
        }

        var second = PlayerProcess.Run(args);
        var one = PlayerProcess.Run(["upscale", clip, "-o", temp.File("one.mkv"), "--model", "bicubic", "--scale", "2", .. Lossless]);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Contains("segment 0: its file is missing or changed; redoing it", second.Error);
        SegmentClips.AssertSameStreams(temp.File("one.mkv"), output);
    }

    [Fact]
    public void Upscale_OnlyFromSchedulerIndexThenJoin_DoesOneSegmentPerTaskAndJoinsWhenAllAreDone()
    {
        using var temp = new TempFolder();
        string clip = SegmentClips.VfrWithAudioAndSubtitles(temp.File("in.mkv"));
        string output = temp.File("out.mkv");
        string[] args = ["upscale", clip, "-o", output, "--model", "bicubic", "--scale", "2", "--segments", "3", .. Lossless];

        var slurmTask = PlayerProcess.RunWithEnvironment(new Dictionary<string, string> { ["SLURM_ARRAY_TASK_ID"] = "2" }, [.. args, "--only"]);
        var early = PlayerProcess.Run([.. args, "--join"]);
        bool outputAfterEarlyJoin = File.Exists(output);
        var kubernetesTask = PlayerProcess.RunWithEnvironment(new Dictionary<string, string> { ["JOB_COMPLETION_INDEX"] = "0" }, [.. args, "--only"]);
        var givenTask = PlayerProcess.Run([.. args, "--only", "1"]);
        var join = PlayerProcess.Run(["upscale", clip, "-o", output, "--model", "bicubic", "--scale", "2", "--join", .. Lossless]);
        var one = PlayerProcess.Run(["upscale", clip, "-o", temp.File("one.mkv"), "--model", "bicubic", "--scale", "2", .. Lossless]);

        Assert.True(slurmTask.ExitCode == 0, slurmTask.Error);
        Assert.Contains("segment 2: ", slurmTask.Error);
        Assert.Equal(ExitCodes.SegmentsMissing, early.ExitCode);
        Assert.Equal($"error: {output}.parts: segments 0, 1 of 0-2 not done yet; run them (--only K) before --join", Assert.Single(early.FailureLines));
        Assert.True(kubernetesTask.ExitCode == 0, kubernetesTask.Error);
        Assert.Contains("segment 0: ", kubernetesTask.Error);
        Assert.False(outputAfterEarlyJoin, "a join refused for missing segments wrote no output");
        Assert.True(givenTask.ExitCode == 0, givenTask.Error);
        Assert.True(join.ExitCode == 0, join.Error);
        SegmentClips.AssertSameStreams(temp.File("one.mkv"), output);
    }

    [Fact]
    public void Upscale_WorkFolderOfAnotherJob_RefusedInOneLine()
    {
        using var temp = new TempFolder();
        string clip = SegmentClips.VfrWithAudioAndSubtitles(temp.File("in.mkv"));
        string other = TestClips.Make(temp.File("other.mkv"), 160, 120, frames: 96, codecArgs: "-c:v libx264 -preset ultrafast -pix_fmt yuv420p -g 12");
        string output = temp.File("out.mkv");
        string[] common = ["-o", output, "--scale", "2", "--segments", "2", "--only", "0"];
        Assert.Equal(0, PlayerProcess.Run(["upscale", clip, "--model", "bicubic", .. common, .. Lossless]).ExitCode);

        var options = PlayerProcess.Run(["upscale", clip, "--model", "bicubic", .. common, "--codec", "libx264"]);
        var model = PlayerProcess.Run(["upscale", clip, "--model", TinyModelFile.Write(temp.Path), .. common, .. Lossless]);
        var source = PlayerProcess.Run(["upscale", other, "--model", "bicubic", .. common, .. Lossless]);
        var count = PlayerProcess.Run(["upscale", clip, "--model", "bicubic", "-o", output, "--scale", "2", "--segments", "3", "--only", "0", .. Lossless]);

        foreach (var (run, reason) in new[] { (options, "other options (--codec ffv1; now libx264)"), (model, "another model"), (source, "another source file"), (count, "--segments 2, now 3") })
        {
            Assert.Equal(ExitCodes.UsageError, run.ExitCode);
            string line = Assert.Single(run.FailureLines);
            Assert.Contains(reason, line);
            Assert.StartsWith($"error: {output}.parts: ", line);
        }
    }

    [Theory]
    [InlineData("--segments 0", "--segments must be 'auto' or a count of at least 1, got '0'")]
    [InlineData("--only 1", "--only needs --segments N")]
    [InlineData("--segments auto --only 1", "--only needs --segments N with a count")]
    [InlineData("--segments 4 --only 4", "--only must be a segment index 0-3, got '4'")]
    [InlineData("--segments 4 --only", "--only without K needs SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX")]
    [InlineData("--segments 4 --start 2", "--start and --duration cannot be combined")]
    public void Upscale_BadSegmentOptions_UsageErrorInOneLine(string options, string message)
    {
        using var temp = new TempFolder();
        string clip = TestClips.Make(temp.File("in.mp4"), 64, 48, frames: 10);

        var run = PlayerProcess.RunWithEnvironment(
            new Dictionary<string, string> { ["SLURM_ARRAY_TASK_ID"] = "", ["JOB_COMPLETION_INDEX"] = "" },
            ["upscale", clip, "-o", temp.File("out.mp4"), "--model", "bicubic", .. options.Split(' ')]);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains(message, Assert.Single(run.FailureLines));
        Assert.False(Directory.Exists(temp.File("out.mp4.parts")));
    }

    [Fact]
    public void Upscale_OnlyPastTheKeyframes_NothingToDoAndSucceeds()
    {
        using var temp = new TempFolder();
        string clip = TestClips.Make(temp.File("in.mp4"), 64, 48, frames: 30, codecArgs: "-c:v libx264 -preset ultrafast -pix_fmt yuv420p -g 15");

        var run = PlayerProcess.Run("upscale", clip, "-o", temp.File("out.mkv"), "--model", "bicubic", "--segments", "4", "--only", "3", "--codec", "ffv1");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("segment 3: none to do (the plan has 2 segments", run.Error);
    }

    private static int DoneSegments(string manifest)
    {
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(manifest));
            return json.RootElement.GetProperty("segments").EnumerateArray().Count(s => s.GetProperty("status").GetString() == "done");
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return 0; // not written yet
        }
    }

    private static string Rotation(string path) =>
        TestClips.Run("ffprobe", ["-v", "error", "-select_streams", "v:0", "-show_entries", "stream_side_data=rotation", "-of", "csv=p=0", path]).Trim().TrimEnd(',');
}
