using System.CommandLine;
using RealtimeSR.Player.Commands;
using RealtimeSR.Shared.Commands;
using RealtimeSR.Shared.Video;
using RealtimeSR.Tests.Video;

namespace RealtimeSR.Tests.Player.Commands;

/// <summary><c>--temporal-denoise</c> of play, upscale and bench: what it asks for, and what it does to a video.</summary>
public sealed class TemporalDenoiseTests
{
    [Fact]
    public void TemporalDenoiseFor_Values_StrengthOffOrAutoByBitRate()
    {
        using var temp = new TempFolder();
        VideoInfo probed = VideoProbe.Probe(TestClips.Make(temp.File("clip.mp4"), 64, 48, frames: 3));
        VideoInfo squeezed = WithBitsPerPixel(probed, 0.05), generous = WithBitsPerPixel(probed, 0.4);
        var log = new List<string>();

        Assert.Equal(ModelOptions.AutoTemporalDenoise, ModelOptions.TemporalDenoiseFor(Parse(), squeezed, log.Add));
        Assert.Contains("temporal denoise", Assert.Single(log));
        Assert.Null(ModelOptions.TemporalDenoiseFor(Parse(), generous, log.Add));
        Assert.Null(ModelOptions.TemporalDenoiseFor(Parse(), null, log.Add)); // a live stream: bit rate unknown
        Assert.Null(ModelOptions.TemporalDenoiseFor(Parse("off"), squeezed, log.Add));
        Assert.Equal(6.5, ModelOptions.TemporalDenoiseFor(Parse("6.5"), generous, log.Add));
        Assert.Single(log);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("65")]
    [InlineData("strong")]
    public void TemporalDenoiseFor_BadValue_IsAUsageError(string value)
    {
        var error = Assert.Throws<UsageException>(() => ModelOptions.TemporalDenoiseFor(Parse(value), null, _ => { }));
        Assert.Contains(value, error.Message);
    }

    [Fact]
    public void Upscale_NoisyStillClip_FilteredOutputChangesLessFromFrameToFrame()
    {
        using var temp = new TempFolder();
        string clip = temp.File("noisy.mkv");
        TestClips.Run("ffmpeg", ["-v", "error", "-y", "-f", "lavfi", "-i", "color=c=gray:s=64x48:r=30,noise=alls=4:allf=t", "-frames:v", "12", "-c:v", "ffv1", clip]);
        string filtered = temp.File("filtered.mkv"), plain = temp.File("plain.mkv");
        string[] common = ["--model", "bicubic", "--scale", "2", "--codec", "ffv1"];

        var on = PlayerProcess.Run(["upscale", clip, "-o", filtered, .. common, "--temporal-denoise", "10"]);
        var off = PlayerProcess.Run(["upscale", clip, "-o", plain, .. common, "--temporal-denoise", "off"]);

        Assert.True(on.ExitCode == 0, on.Error);
        Assert.True(off.ExitCode == 0, off.Error);
        Assert.Equal(12, TestClips.CountFrames(filtered));
        double changeOn = FrameToFrameChange(filtered), changeOff = FrameToFrameChange(plain);
        Assert.True(changeOn < changeOff / 2, $"mean frame-to-frame change {changeOn:0.0000} filtered, {changeOff:0.0000} not");
    }

    [Fact]
    public void Upscale_HeavilyCompressedClip_TurnsItOnBySelfAndSaysSo()
    {
        using var temp = new TempFolder();
        string clip = TestClips.Make(temp.File("20k.mp4"), 160, 120, frames: 30,
            codecArgs: "-c:v libx264 -preset ultrafast -b:v 20k -maxrate 20k -bufsize 40k -pix_fmt yuv420p");

        var run = PlayerProcess.Run("upscale", clip, "-o", temp.File("out.mkv"), "--model", "bicubic", "--scale", "2", "--codec", "ffv1");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains(run.ErrorLines, line => line.StartsWith("temporal denoise 10 for this source", StringComparison.Ordinal));
    }

    [Fact]
    public void Play_NoisyStillClipAgainstItsReference_FilteredLrScoresHigher()
    {
        using var temp = new TempFolder();
        string hr = temp.File("hr.mkv"), lr = temp.File("lr.mkv");
        TestClips.Run("ffmpeg", ["-v", "error", "-y", "-f", "lavfi", "-i", "color=c=gray:s=128x96:r=30", "-frames:v", "12", "-c:v", "ffv1", hr]);
        TestClips.Run("ffmpeg", ["-v", "error", "-y", "-i", hr, "-vf", "scale=64:48,noise=alls=4:allf=t", "-c:v", "ffv1", lr]);

        double MeanBicubicPsnr(string denoise)
        {
            string timings = temp.File($"timings-{denoise}.csv");
            var run = PlayerProcess.Run("play", lr, "--reference", hr, "--model", "bicubic", "--scale", "2", "--headless", "--no-drop",
                "--timings", timings, "--temporal-denoise", denoise);
            Assert.True(run.ExitCode == 0, run.Error);
            string[] header = File.ReadLines(timings).First().Split(',');
            int column = Array.IndexOf(header, "psnr_bicubic");
            // From the fourth frame: the filter has a past by then.
            return File.ReadLines(timings).Skip(4).Average(row => double.Parse(row.Split(',')[column], System.Globalization.CultureInfo.InvariantCulture));
        }

        double filtered = MeanBicubicPsnr("10"), plain = MeanBicubicPsnr("off");

        Assert.True(filtered > plain + 1, $"bicubic {filtered:0.00} dB from the filtered LR, {plain:0.00} dB from the LR as decoded");
    }

    private static ParseResult Parse(params string[] value)
    {
        var command = new RootCommand { ModelOptions.TemporalDenoiseOption };
        return command.Parse(value.Length == 0 ? [] : ["--temporal-denoise", value[0]]);
    }

    private static VideoInfo WithBitsPerPixel(VideoInfo info, double bitsPerPixel) =>
        info with { BitRate = bitsPerPixel * info.Width * info.Height * info.FramesPerSecond };

    /// <summary>Mean |frame t − frame t−1| over all samples and frames of a video, in [0, 1] units.</summary>
    private static double FrameToFrameChange(string path)
    {
        using var reader = new VideoReader(path);
        var frame = new VideoFrame(reader.Width, reader.Height);
        float[]? previous = null;
        double sum = 0;
        int pairs = 0;
        while (reader.Read(frame))
        {
            if (previous is not null)
            {
                sum += frame.Pixels.Zip(previous, (a, b) => Math.Abs(a - b)).Average();
                pairs++;
            }

            previous = (float[])frame.Pixels.Clone();
        }

        return sum / pairs;
    }
}
