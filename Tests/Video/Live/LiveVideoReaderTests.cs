using System.Collections.Concurrent;
using System.Diagnostics;
using RealtimeSR.Shared.Diagnostics;
using RealtimeSR.Shared.Video;
using RealtimeSR.Shared.Video.Live;

namespace RealtimeSR.Tests.Video.Live;

/// <summary>
/// The live reader against real senders on loopback: ffmpeg streaming MPEG-TS over UDP, and GStreamer's RTSP
/// server killed and restarted mid-stream.
/// </summary>
public sealed class LiveVideoReaderTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public void Read_UdpMpegTsSender_FramesArriveInOrderWithTheStreamsPicture()
    {
        using var sender = new UdpTestSender(160, 90);
        using var reader = new LiveVideoReader(sender.Url, new LiveSourceOptions(), _ => { });
        Assert.Equal((160, 90), (reader.Width, reader.Height));

        var frame = new VideoFrame(160, 90);
        long previousPts = -1;
        for (int i = 0; i < 20; i++)
        {
            Assert.True(reader.Read(frame, new CancellationTokenSource(Patience).Token));
            Assert.Equal(i, frame.Index);
            Assert.True(frame.Pts > previousPts, $"frame {i}: pts {frame.Pts} after {previousPts}");
            Assert.True(frame.Timeline[TimelineMark.DecodeStart] > 0, "no arrival instant");
            previousPts = frame.Pts;
        }

        // testsrc2 is colour bars and a moving pattern, not a blank picture.
        float min = frame.Pixels.Min(), max = frame.Pixels.Max();
        Assert.True(max - min > 0.5f, $"picture spans only {min}..{max}");
        Assert.Equal(LiveStatus.Receiving, reader.Status);
    }

    [Fact]
    public void Read_ConsumerSlowerThanTheStream_GetsTheNewestFrameAndSkipsTheRest()
    {
        using var sender = new UdpTestSender(160, 90, rate: 25);
        using var reader = new LiveVideoReader(sender.Url, new LiveSourceOptions(), _ => { });
        var frame = new VideoFrame(160, 90);
        using var patience = new CancellationTokenSource(Patience);
        Assert.True(reader.Read(frame, patience.Token));

        // Ten reads 300 ms apart: a queue would fall 10 × (300 − 40) ms ≈ 2.6 s behind the stream by the last one.
        double worst = 0;
        for (int i = 0; i < 10; i++)
        {
            Thread.Sleep(300);
            Assert.True(reader.Read(frame, patience.Token));
            worst = Math.Max(worst, Stopwatch.GetElapsedTime(frame.Timeline[TimelineMark.DecodeStart]).TotalMilliseconds);
        }

        Assert.True(reader.Skipped >= 10, $"only {reader.Skipped} frames skipped while reading at 1/7 of the stream's rate");
        Assert.True(worst < 1000, $"a frame was {worst:F0} ms old when handed out: not the newest");
    }

    [Fact]
    public void Read_RtspServerKilledAndRestarted_ReconnectsAndDeliversFramesAgain()
    {
        using var server = new RtspTestServer(160, 120);
        var log = new ConcurrentQueue<string>();
        var options = new LiveSourceOptions { StallTimeout = TimeSpan.FromSeconds(2), MaxReconnectDelay = TimeSpan.FromSeconds(1) };
        using var reader = new LiveVideoReader(server.Url, options, log.Enqueue);
        var frame = new VideoFrame(160, 120);
        using var patience = new CancellationTokenSource(Patience);
        for (int i = 0; i < 10; i++)
        {
            Assert.True(reader.Read(frame, patience.Token));
        }

        server.Stop();
        var watch = Stopwatch.StartNew();
        while (reader.Status != LiveStatus.Reconnecting)
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"still {reader.Status} {watch.Elapsed.TotalSeconds:F0} s after the server died");
            Thread.Sleep(50);
        }

        long beforeRestart = Stopwatch.GetTimestamp();
        server.Start();

        // Frames that arrived before the restart may still be handed out once; wait for one that came after it.
        do
        {
            Assert.True(reader.Read(frame, patience.Token));
        }
        while (frame.Timeline[TimelineMark.DecodeStart] < beforeRestart);

        Assert.Equal(1, reader.Reconnects);
        Assert.Equal(LiveStatus.Receiving, reader.Status);
        Assert.Contains(log, line => line.Contains("connection lost", StringComparison.Ordinal));
        Assert.Contains(log, line => line.Contains("reconnected after", StringComparison.Ordinal));
    }

    [Fact]
    public void Open_RtspPortNobodyServes_RefusedInOneLine()
    {
        string url = $"rtsp://127.0.0.1:{LoopbackPort.FreeTcp()}/live";
        var watch = Stopwatch.StartNew();
        var e = Assert.Throws<VideoFileException>(() => new LiveVideoReader(url, new LiveSourceOptions(), _ => { }));
        Assert.StartsWith(url + ": ", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed.TotalSeconds:F1} s");
    }

    [Fact]
    public void Open_UdpPortNobodySendsTo_RefusedAfterTheConnectTimeout()
    {
        string url = $"udp://127.0.0.1:{LoopbackPort.FreeUdp()}";
        var watch = Stopwatch.StartNew();
        var e = Assert.Throws<VideoFileException>(() => new LiveVideoReader(url, new LiveSourceOptions { ConnectTimeout = TimeSpan.FromSeconds(2) }, _ => { }));
        Assert.Equal($"{url}: no stream within 2 s (is the sender running?)", e.Message);
        Assert.InRange(watch.Elapsed.TotalSeconds, 1.9, 10);
    }

    [Theory]
    [InlineData("rtsp://cam/stream", true)]
    [InlineData("RTSPS://cam/stream", true)]
    [InlineData("udp://127.0.0.1:1234", true)]
    [InlineData("tcp://127.0.0.1:1234", true)]
    [InlineData("http://host/live.m3u8", true)]
    [InlineData("https://host/live.ts", true)]
    [InlineData("/dev/video0", true)]
    [InlineData("clip.mp4", false)]
    [InlineData("recordings/rtsp-camera.mp4", false)]
    public void IsLive_UrlsAndDevicesAreLiveFilesAreNot(string input, bool live) => Assert.Equal(live, LiveSource.IsLive(input));

    [Fact]
    public void InputArguments_EachKindGetsItsTimeoutAndDemuxer()
    {
        var options = new LiveSourceOptions { RtspTransport = "udp", StallTimeout = TimeSpan.FromSeconds(3) };
        var rtsp = LiveSource.InputArguments("rtsp://cam/s", options);
        Assert.Equal(["-rtsp_transport", "udp", "-timeout", "3000000", "-i", "rtsp://cam/s"], rtsp.Skip(rtsp.Count - 6));
        Assert.Equal(["-f", "v4l2", "-i", "/dev/video0"], LiveSource.InputArguments("/dev/video0", options).TakeLast(4));
        Assert.Equal(["-rw_timeout", "3000000", "-i", "http://h/x.ts"], LiveSource.InputArguments("http://h/x.ts", options).TakeLast(4));
        Assert.Equal(["-timeout", "3000000", "-i", "udp://h:1"], LiveSource.InputArguments("udp://h:1", options).TakeLast(4));
    }
}
