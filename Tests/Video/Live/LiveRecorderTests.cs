using System.Collections.Concurrent;
using System.Diagnostics;
using RealtimeSR.Shared.Video;
using RealtimeSR.Shared.Video.Live;

namespace RealtimeSR.Tests.Video.Live;

/// <summary>Recording a live stream for <c>upscale URL --duration</c>, against the RTSP test server.</summary>
public sealed class LiveRecorderTests
{
    [Fact]
    public void Record_ServerGoneForGoodAfterTheProbe_GivesUpInOneLineInsteadOfRetryingForever()
    {
        using var temp = new TempFolder();
        using var server = new RtspTestServer(160, 120);
        var options = new LiveSourceOptions { GiveUpAfter = TimeSpan.FromSeconds(3), MaxReconnectDelay = TimeSpan.FromSeconds(1) };
        VideoInfo stream = VideoProbe.ProbeLive(server.Url, options);
        server.Stop();

        var watch = Stopwatch.StartNew();
        var log = new ConcurrentQueue<string>();
        var e = Assert.Throws<VideoFileException>(() => LiveRecorder.Record(server.Url, stream, options, TimeSpan.FromSeconds(5), temp.Path, log.Enqueue, CancellationToken.None));

        Assert.StartsWith($"{server.Url}: nothing recorded in 3 s of trying (", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"gave up after {watch.Elapsed.TotalSeconds:F0} s");
        Assert.Contains(log, line => line.Contains("reconnecting", StringComparison.Ordinal));
    }

    [Fact]
    public void Record_ServerDropsForTwoSeconds_RecordsTheWholeDurationInPartsJoinedIntoOne()
    {
        using var temp = new TempFolder();
        using var server = new RtspTestServer(160, 120, rate: 25);
        var options = new LiveSourceOptions { MaxReconnectDelay = TimeSpan.FromSeconds(1) };
        VideoInfo stream = VideoProbe.ProbeLive(server.Url, options);
        var log = new ConcurrentQueue<string>();
        var outage = new Thread(() =>
        {
            Thread.Sleep(4000);
            server.Stop();
            Thread.Sleep(2000);
            server.Start();
        });
        outage.Start();

        string recording = LiveRecorder.Record(server.Url, stream, options, TimeSpan.FromSeconds(6), temp.Path, log.Enqueue, CancellationToken.None);
        outage.Join();

        Assert.Equal("recording.mkv", Path.GetFileName(recording));
        Assert.Contains(log, line => line.Contains("in 2 parts", StringComparison.Ordinal) || line.Contains("in 3 parts", StringComparison.Ordinal));
        int frames = VideoProbe.ReadFrameTimestamps(VideoProbe.Probe(recording)).Length;
        Assert.InRange(frames, 145, 155); // 6 s at 25 fps, whatever the outage cut
    }
}
