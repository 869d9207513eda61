using System.Globalization;
using System.Text.RegularExpressions;
using RealtimeSR.Shared.Diagnostics;
using RealtimeSR.Shared.Imaging;
using RealtimeSR.Shared.Video;
using RealtimeSR.Tests.Video.Live;
using Xunit.Abstractions;

namespace RealtimeSR.Tests.Player.Commands;

/// <summary>
/// <c>play</c> and <c>upscale</c> of live sources, run as a user runs them (child processes, headless), against
/// GStreamer's RTSP server and ffmpeg's UDP sender on loopback.
/// </summary>
public sealed partial class PlayLiveTests
{
    private const int UsageError = 2;
    private const int BadInput = 3;

    private readonly ITestOutputHelper _output;

    public PlayLiveTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Theory]
    [InlineData("tcp")]
    [InlineData("udp")]
    public void Play_RtspStream_ShowsItsFramesAndReportsArrivalToDisplayLatency(string transport)
    {
        using var temp = new TempFolder();
        using var server = new RtspTestServer(160, 120);
        string model = TinyModelFile.Write(temp.Path, scale: 2);
        string timings = temp.File("timings.csv"), png = temp.File("shown.png");

        var run = PlayerProcess.Run("play", server.Url, "--model", model, "--ep", "cpu", "--headless", "--mode", "sr", "--rtsp-transport", transport,
            "--exit-after-frames", "30", "--timings", timings, "--screenshot", png);

        Assert.True(run.ExitCode == 0, run.Error);
        var frames = Timings(timings);
        Assert.Equal(30, frames.Count);
        Assert.All(frames, f => Assert.True(f.LatencyMs > 0 && f.LatencyMs < 10_000, $"frame {f.Index}: latency {f.LatencyMs} ms"));
        Assert.Matches(LiveLine(), run.Output);
        Image shown = ImageFile.Load(png);
        Assert.Equal((320, 240), (shown.Width, shown.Height));
        Assert.True(shown.Planes.Max() - shown.Planes.Min() > 100, "the screenshot is blank");
    }

    [Fact]
    public void Play_UdpSender_ShowsItsFrames()
    {
        using var sender = new UdpTestSender(160, 90);
        PlayShowsFrames(sender.Url);
    }

    [Fact]
    public void Play_HlsOverHttp_ShowsItsFrames()
    {
        using var server = new HlsTestServer(160, 120);
        PlayShowsFrames(server.Url);
    }

    /// <summary>
    /// A 30 fps stream into realtime ×4 at 320×240 → 1280×960, which runs slower than that on two cores: the frames SR
    /// cannot take are skipped, so each frame shown is one of the newest and latency stays flat. A queue would make it
    /// grow by about (1 − SR rate / 30) s every second, past 2 s within the run.
    /// </summary>
    [Fact]
    public void Play_SenderFasterThanSr_SkipsFramesAndLatencyStaysBounded()
    {
        using var temp = new TempFolder();
        using var server = new RtspTestServer(320, 240, rate: 30);
        string model = CheckoutFile.Path("media", "models", "realtime-x4.onnx");
        string timings = temp.File("timings.csv");

        var run = PlayerProcess.Run("play", server.Url, "--model", model, "--ep", "cpu", "--headless", "--exit-after-frames", "90",
            "--timings", timings, "--screenshot", temp.File("shown.png"));

        Assert.True(run.ExitCode == 0, run.Error);
        var frames = Timings(timings);
        var match = LiveLine().Match(run.Output);
        Assert.True(match.Success, run.Output);
        long received = long.Parse(match.Groups["received"].Value, CultureInfo.InvariantCulture);
        long skipped = long.Parse(match.Groups["skipped"].Value, CultureInfo.InvariantCulture) + long.Parse(match.Groups["dropped"].Value, CultureInfo.InvariantCulture);
        double streamSeconds = frames[^1].PtsSeconds - frames[0].PtsSeconds;
        double srFps = frames.Count / streamSeconds;
        var laterHalf = Percentiles.Of(frames.Skip(frames.Count / 2).Select(f => f.LatencyMs));
        _output.WriteLine($"{frames.Count} shown over {streamSeconds:F1} s of stream ({srFps:F1} fps), {received} received, {skipped} skipped or dropped; " +
                          $"latency of the later half p50 {laterHalf.P50:F0} ms, p95 {laterHalf.P95:F0} ms, max {laterHalf.Max:F0} ms");
        Assert.True(skipped > 0, $"nothing skipped although {frames.Count} frames were shown over {streamSeconds:F1} s of a 30 fps stream");
        Assert.True(laterHalf.Max < 2000, $"latency reached {laterHalf.Max:F0} ms: frames are queueing");
    }

    [Fact]
    public void Play_RtspPortNobodyServes_OneLineAndBadInputExit()
    {
        string url = $"rtsp://127.0.0.1:{LoopbackPort.FreeTcp()}/live";
        var run = PlayerProcess.Run("play", url, "--headless", "--ep", "cpu");

        Assert.Equal(BadInput, run.ExitCode);
        string[] lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith($"error: {url}: cannot open the stream", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Upscale_RtspStreamForThreeSeconds_WritesAnEnhancedRecording()
    {
        using var temp = new TempFolder();
        using var server = new RtspTestServer(160, 120, rate: 25);
        string model = TinyModelFile.Write(temp.Path, scale: 2);
        string output = temp.File("recorded.mkv");

        var run = PlayerProcess.Run("upscale", server.Url, "-o", output, "--duration", "3", "--model", model, "--ep", "cpu", "--codec", "ffv1");

        Assert.True(run.ExitCode == 0, run.Error);
        VideoInfo info = VideoProbe.Probe(output);
        Assert.Equal((320, 240), (info.Width, info.Height));
        int frames = VideoProbe.ReadFrameTimestamps(info).Length;
        Assert.InRange(frames, 70, 76);
        Assert.Empty(Directory.GetFiles(temp.Path, "*.tmp*"));
    }

    [Fact]
    public void Upscale_LiveSourceWithoutDuration_UsageError()
    {
        using var temp = new TempFolder();
        var run = PlayerProcess.Run("upscale", "rtsp://127.0.0.1:9/live", "-o", temp.File("out.mp4"));

        Assert.Equal(UsageError, run.ExitCode);
        Assert.Contains("is a live source: give --duration", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Upscale_UdpPortNobodySendsTo_BadInputAfterTheConnectTimeout()
    {
        using var temp = new TempFolder();
        string url = $"udp://127.0.0.1:{LoopbackPort.FreeUdp()}";
        var run = PlayerProcess.Run("upscale", url, "-o", temp.File("out.mp4"), "--duration", "2", "--connect-timeout", "2");

        Assert.Equal(BadInput, run.ExitCode);
        Assert.Equal($"error: {url}: no stream within 2 s (is the sender running?)", run.Error.Trim());
        Assert.False(File.Exists(temp.File("out.mp4")));
    }

    /// <summary>Plays 20 frames of <paramref name="url"/> headless: each is shown and reported as live.</summary>
    private static void PlayShowsFrames(string url)
    {
        using var temp = new TempFolder();
        string model = TinyModelFile.Write(temp.Path, scale: 2);
        string timings = temp.File("timings.csv");

        var run = PlayerProcess.Run("play", url, "--model", model, "--ep", "cpu", "--headless", "--exit-after-frames", "20",
            "--timings", timings, "--screenshot", temp.File("shown.png"));

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(20, Timings(timings).Count);
        Assert.Matches(LiveLine(), run.Output);
    }

    private static List<FrameRecord> Timings(string path) =>
        File.ReadAllLines(path).Skip(1).Select(line => line.Split(','))
            .Select(f => new FrameRecord(
                long.Parse(f[0], CultureInfo.InvariantCulture), double.Parse(f[1], CultureInfo.InvariantCulture),
                0, 0, 0, 0, double.Parse(f[6], CultureInfo.InvariantCulture), 0))
            .ToList();

    [GeneratedRegex(@"live: (?<received>\d+) frames received, (?<skipped>\d+) skipped by the receiver and (?<dropped>\d+) dropped after it .*latency arrival -> display p50 \d+ ms")]
    private static partial Regex LiveLine();
}
