using System.Globalization;
using RealtimeSR.Shared.Video;

namespace RealtimeSR.Tests.Video;

/// <summary>
/// Files whose packets are not one frame each, or carry no pts (AVI, elementary streams, MPEG-TS with B-frames):
/// the reader must hand out exactly the frames the decoder makes, with the decoder's timestamps.
/// </summary>
public class VideoReaderContainerTests
{
    public static TheoryData<string, string> Clips => new()
    {
        { "mpeg4-bframes.avi", "-c:v mpeg4 -bf 2 -f avi" },
        { "mpeg4-unpacked.avi", "-c:v mpeg4 -bf 2 -bsf:v mpeg4_unpack_bframes -f avi" },
        { "h264-bframes.ts", "-c:v libx264 -preset ultrafast -pix_fmt yuv420p -x264-params bframes=3:b-adapt=0 -f mpegts" },
        { "h264-bframes.h264", "-c:v libx264 -preset ultrafast -pix_fmt yuv420p -x264-params bframes=3:b-adapt=0 -f h264" },
        { "mpeg2-bframes.m2v", "-c:v mpeg2video -bf 2 -f mpeg2video" },
        { "mpeg2-bframes.mpg", "-c:v mpeg2video -bf 2 -f mpeg" },
    };

    [Theory]
    [MemberData(nameof(Clips))]
    public void Read_BFramesWithoutOnePacketPerFrame_GivesDecodedFramesAndTheirTimestamps(string name, string codecArgs)
    {
        using var temp = new TempFolder();
        string clip = Make(temp.File(name), codecArgs, frames: 40);
        using var reader = new VideoReader(clip);

        var read = ReadAll(reader);

        Assert.Equal(TestClips.CountFrames(clip), read.Count);
        AssertStrictlyIncreasing(read);
        AssertMatchesFfprobe(TestClips.FrameTimestamps(clip), read, reader.TimeBase, reader.Info.FramesPerSecond);
        Assert.Equal(read, reader.ReadTimestamps());
        Assert.Equal(read.Count, reader.FrameCount);
    }

    [Fact]
    public void Timestamps_BeforeReading_AreExactlyTheFramesReadLater()
    {
        using var temp = new TempFolder();
        string clip = Make(temp.File("ts.ts"), "-c:v libx264 -preset ultrafast -pix_fmt yuv420p -x264-params bframes=3:b-adapt=0 -f mpegts", frames: 30);
        using var reader = new VideoReader(clip);

        var announced = reader.ReadTimestamps().ToArray();
        int count = reader.FrameCount;
        var read = ReadAll(reader);

        Assert.Equal(30, count);
        Assert.Equal(announced, read);
    }

    [Fact]
    public void Read_StartAndDurationOnStreamWithoutPts_GivesTheFramesInTheWindow()
    {
        using var temp = new TempFolder();
        string clip = Make(temp.File("es.h264"), "-c:v libx264 -preset ultrafast -pix_fmt yuv420p -x264-params bframes=3:b-adapt=0 -f h264", frames: 50);
        long[] all;
        using (var whole = new VideoReader(clip))
        {
            all = [.. ReadAll(whole)];
        }

        using var reader = new VideoReader(clip, new VideoReaderOptions { Start = TimeSpan.FromSeconds(0.4), Duration = TimeSpan.FromSeconds(0.6) });
        var read = ReadAll(reader);

        // 25 fps: 0.4 s in is frame 10, and 0.6 s is 15 frames.
        Assert.Equal(all[10..25], read);
        Assert.Equal(all[0], reader.FirstPts);
    }

    [Fact]
    public void Read_DamagedFrameData_ThrowsTruncatedOrCorrupt()
    {
        using var temp = new TempFolder();
        string clip = Make(temp.File("whole.avi"), "-c:v mpeg4 -bf 2 -f avi", frames: 40, size: "160x120");
        byte[] bytes = File.ReadAllBytes(clip);

        // Garbage over the middle of the frame data: the container (and so the packet scan) stays intact, only the decoder can tell.
        var random = new Random(7);
        for (int i = bytes.Length / 3; i < bytes.Length / 3 + 4000; i++)
        {
            bytes[i] = (byte)random.Next(256);
        }

        string damaged = temp.File("damaged.avi");
        File.WriteAllBytes(damaged, bytes);
        using var reader = new VideoReader(damaged);

        var e = Assert.Throws<VideoFileException>(() => ReadAll(reader));

        Assert.Contains("damaged.avi", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [SkippableFact]
    public void Read_RealCctvAviWithPackedBFrames_DecodesAllFramesInOrder()
    {
        // The first 50 packets of a real CCTV clip, stream-copied (media/README.md).
        string clip = CheckoutFile.Path("media", "clips", "bgslibrary_video02-first50.avi");
        using var reader = new VideoReader(clip);

        var read = ReadAll(reader);

        // 50 packets, of which two are "not coded" placeholders of the packed B-frames: 48 pictures.
        Assert.Equal(TestClips.CountFrames(clip), read.Count);
        Assert.Equal(48, read.Count);
        AssertStrictlyIncreasing(read);
        AssertMatchesFfprobe(TestClips.FrameTimestamps(clip), read, reader.TimeBase, reader.Info.FramesPerSecond);
    }

    private static string Make(string path, string codecArgs, int frames, string size = "64x48")
    {
        var args = new List<string> { "-v", "error", "-y", "-f", "lavfi", "-i", $"testsrc2=s={size}:r=25", "-frames:v", frames.ToString(CultureInfo.InvariantCulture) };
        args.AddRange(codecArgs.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        args.Add(path);
        TestClips.Run("ffmpeg", args);
        return path;
    }

    private static List<long> ReadAll(VideoReader reader)
    {
        var frame = new VideoFrame(reader.Width, reader.Height);
        var timestamps = new List<long>();
        while (reader.Read(frame))
        {
            Assert.Equal(timestamps.Count, frame.Index);
            timestamps.Add(frame.Pts);
        }

        return timestamps;
    }

    private static void AssertStrictlyIncreasing(List<long> timestamps)
    {
        for (int i = 1; i < timestamps.Count; i++)
        {
            Assert.True(timestamps[i] > timestamps[i - 1], $"pts {timestamps[i]} of frame {i} does not follow {timestamps[i - 1]}");
        }
    }

    /// <summary>
    /// Equal to ffprobe's best_effort_timestamp wherever it has one; where it has none ("N/A": the last frame of an
    /// AVI, every frame of an elementary stream) ffmpeg continues at the frame rate, from 0 for the first frame.
    /// </summary>
    private static void AssertMatchesFfprobe(long?[] ffprobe, List<long> read, Rational timeBase, double fps)
    {
        Assert.Equal(ffprobe.Length, read.Count);
        long frameDuration = (long)Math.Round(1 / (fps * timeBase.ToDouble()));
        for (int i = 0; i < read.Count; i++)
        {
            long expected = ffprobe[i] ?? (i == 0 ? 0 : read[i - 1] + frameDuration);
            Assert.True(expected == read[i], $"frame {i}: pts {read[i]}, ffprobe says {ffprobe[i]?.ToString(CultureInfo.InvariantCulture) ?? "N/A"} (expected {expected})");
        }
    }
}
