using System.Globalization;
using RealtimeSR.Shared.Imaging;
using RealtimeSR.Shared.Inference;
using RealtimeSR.Shared.Metrics;
using RealtimeSR.Shared.Video;
using RealtimeSR.Tests.Onnx;
using RealtimeSR.Tests.Video;
using Xunit.Abstractions;

namespace RealtimeSR.Tests.Player.Commands;

/// <summary>The play verb run as a user runs it (a child process), headless through EGL: what it shows, what it reports, how it fails.</summary>
public class PlayCommandTests
{
    private const int BadInput = 3;
    private const int BadModel = 4;

    /// <summary>Rows covered by the labels at the top (8 px margin + one line of text at magnification 1).</summary>
    private const int LabelRows = 28;

    /// <summary>Columns either side of the divider left out of the comparison (the 2-pixel line).</summary>
    private const int DividerMargin = 2;

    private readonly ITestOutputHelper _output;

    public PlayCommandTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void Play_SplitMode120Frames_ScreenshotLeftIsBicubicAndRightIsModelOutput()
    {
        using var temp = new TempFolder();
        string clip = TestClips.Make(temp.File("clip.mkv"), 64, 48, frames: 130);
        string model = TinyModelFile.Write(temp.Path, scale: 2);
        string png = temp.File("shown.png");
        string timings = temp.File("timings.csv");

        var run = PlayerProcess.Run("play", clip, "--model", model, "--ep", "cpu", "--mode", "split", "--headless", "--no-drop",
            "--exit-after-frames", "120", "--screenshot", png, "--timings", timings);

        Assert.True(run.ExitCode == 0, run.Error);
        string[] rows = File.ReadAllLines(timings);
        Assert.Equal(121, rows.Length);
        long shown = long.Parse(rows[^1].Split(',')[0], CultureInfo.InvariantCulture);
        Assert.Equal(119, shown);

        Image lr = Frame(clip, shown);
        Image bicubic = MatlabResize.Upscale(lr, 2);
        Image sr = ModelOutput(model, lr);
        Image screen = ImageFile.Load(png);
        Assert.Equal((128, 96), (screen.Width, screen.Height));
        int half = 64, height = 96 - LabelRows, width = half - DividerMargin;
        double left = Psnr.OnRgb(bicubic.Crop(0, LabelRows, width, height), screen.Crop(0, LabelRows, width, height), 0);
        double right = Psnr.OnRgb(sr.Crop(half + DividerMargin, LabelRows, width, height), screen.Crop(half + DividerMargin, LabelRows, width, height), 0);
        _output.WriteLine($"frame {shown}: bicubic side {left:F2} dB, SR side {right:F2} dB");
        Assert.True(left >= 40, $"bicubic side PSNR {left:F2} dB < 40 dB");
        Assert.True(right >= 40, $"SR side PSNR {right:F2} dB < 40 dB");
    }

    [Fact]
    public void Play_Timings_StagesReportBusyPercentConsistentWithTheirFrameTimes()
    {
        using var temp = new TempFolder();
        string clip = TestClips.Make(temp.File("clip.mkv"), 64, 48, frames: 40);
        string model = TinyModelFile.Write(temp.Path, scale: 2);
        string timings = temp.File("t.csv");

        var run = PlayerProcess.Run("play", clip, "--model", model, "--ep", "cpu", "--headless", "--no-drop", "--timings", timings,
            "--screenshot", temp.File("s.png"));

        Assert.True(run.ExitCode == 0, run.Error);
        string[] lines = File.ReadAllLines(Path.ChangeExtension(timings, ".stages.csv"));
        Assert.Equal("stage,frames,fps,p50_ms,p95_ms,max_ms,busy_percent,cpu_ms_per_frame,cpu_percent,alloc_bytes_per_frame,wall_seconds,dropped", lines[0]);
        var stages = lines.Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[0]);
        Assert.Equal(["decode", "infer", "render", "display"], stages.Keys);
        string[] perFrame = File.ReadAllLines(timings).Skip(1).ToArray();
        foreach (string name in new[] { "decode", "infer", "render" })
        {
            string[] f = stages[name];
            double frames = Number(f[1]), fps = Number(f[2]), busy = Number(f[6]), wall = Number(f[10]);
            Assert.Equal(40, frames);

            // busy % = time spent on the frames ÷ wall time; frames ÷ fps is that busy time.
            Assert.InRange(busy, 0.001, 100.5);
            Assert.True(Math.Abs(100 * frames / fps / wall - busy) <= 0.01 * busy + 0.01, $"{name}: {string.Join(',', f)}");
        }

        // The render stage's busy time is the sum of the per-frame render times of the per-frame file.
        double renderMs = perFrame.Sum(l => Number(l.Split(',')[5]));
        Assert.Equal(renderMs, 1000 * Number(stages["render"][1]) / Number(stages["render"][2]), 0.01 * renderMs + 0.1);
        Assert.Equal("40", stages["display"][1]);
    }

    [Fact]
    public void Play_NoFile_PlaysTheBundledSample()
    {
        using var temp = new TempFolder();
        string model = TinyModelFile.Write(temp.Path, scale: 4);
        string png = temp.File("sample.png");

        var run = PlayerProcess.Run("play", "--model", model, "--ep", "cpu", "--headless", "--no-drop", "--exit-after-frames", "3",
            "--screenshot", png, "--timings", temp.File("t.csv"));

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("play vtest-lr-x4.mp4: 192x144", run.Error);
        Image screen = ImageFile.Load(png);
        Assert.Equal((768, 576), (screen.Width, screen.Height));
    }

    [Fact]
    public void Play_CorruptFile_OneLineAndBadInputExitCode()
    {
        using var temp = new TempFolder();
        string clip = temp.File("broken.mp4");
        File.WriteAllBytes(clip, Enumerable.Range(0, 5000).Select(i => (byte)(i * 37 % 251)).ToArray());

        var run = PlayerProcess.Run("play", clip, "--model", "bicubic", "--headless");

        Assert.Equal(BadInput, run.ExitCode);
        Assert.Single(run.FailureLines);
        Assert.Contains("broken.mp4", run.FailureLines[0]);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public void Play_MissingModel_OneLineAndBadModelExitCode()
    {
        using var temp = new TempFolder();
        string clip = TestClips.Make(temp.File("clip.mkv"), 32, 16, frames: 5);

        var run = PlayerProcess.Run("play", clip, "--model", temp.File("nothing.onnx"), "--headless");

        Assert.Equal(BadModel, run.ExitCode);
        Assert.Single(run.FailureLines);
        Assert.Contains("nothing.onnx", run.FailureLines[0]);
    }

    [Fact]
    public void Play_ModelBreakingTheContract_OneLineAndBadModelExitCode()
    {
        using var temp = new TempFolder();
        string clip = TestClips.Make(temp.File("clip.mkv"), 32, 16, frames: 5);
        string model = temp.File("wrong.onnx");
        File.WriteAllBytes(model, TestModels.SuperResolutionBytes(TinySrWeights.Random(2), TestModels.Card(2), ContractDefect.OutputNamedOutput));

        var run = PlayerProcess.Run("play", clip, "--model", model, "--headless");

        Assert.Equal(BadModel, run.ExitCode);
        Assert.Single(run.FailureLines);
        Assert.Contains("wrong.onnx", run.FailureLines[0]);
    }

    [Fact]
    public void Help_ListsTheKeys()
    {
        var run = PlayerProcess.Run("play", "--help");

        Assert.Equal(0, run.ExitCode);
        foreach (string key in new[] { "space", "seek back / forward 5 s", "step one frame", "cycle mode", "screenshot", "volume", "q / Esc", "--no-drop", "--exit-after-frames" })
        {
            Assert.Contains(key, run.Output);
        }
    }

    /// <summary>Frame <paramref name="index"/> of <paramref name="clip"/> as decoded by the player's reader, [0, 255].</summary>
    internal static Image Frame(string clip, long index)
    {
        using var reader = new VideoReader(clip);
        var frame = new VideoFrame(reader.Width, reader.Height);
        for (long i = 0; i <= index; i++)
        {
            Assert.True(reader.Read(frame), $"the clip ended before frame {index}");
        }

        return new Image(frame.Width, frame.Height, PixelRange.Unit, frame.Pixels.ToArray()).ToRange(PixelRange.Byte);
    }

    /// <summary>ONNX Runtime's output for <paramref name="lr"/> ([0, 255]) through <paramref name="model"/>, [0, 255].</summary>
    internal static Image ModelOutput(string model, Image lr)
    {
        using var session = new SrSession(model, new SrSessionOptions { ExecutionProvider = ExecutionProvider.Cpu });
        float[] input = lr.ToRange(PixelRange.Unit).Planes;
        var result = new float[3 * lr.Width * session.Scale * lr.Height * session.Scale];
        session.Run(input, lr.Height, lr.Width, result);
        return new Image(lr.Width * session.Scale, lr.Height * session.Scale, PixelRange.Unit, result).ToRange(PixelRange.Byte);
    }

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
