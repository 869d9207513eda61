using System.Globalization;
using RealtimeSR.Shared.Video;

namespace RealtimeSR.Tests.Video;

/// <summary>
/// A start past <see cref="VideoReader.SeekMargin"/> is reached by an input seek instead of decoding from the first
/// frame. Whatever the container and keyframe spacing, the frames handed out must be exactly those a decode from
/// the start gives for the same window: same timestamps, same pixels.
/// </summary>
public class VideoReaderSeekTests
{
    private static readonly TimeSpan Start = TimeSpan.FromSeconds(6.2);
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(1);

    public static TheoryData<string, string, bool> Clips => new()
    {
        // name, encoder arguments, whether the seek is expected to land before the window (else: decode from the start)
        { "h264.mp4", "-c:v libx264 -preset ultrafast -pix_fmt yuv420p -g 50 -bf 2", true },
        { "h264.mkv", "-c:v libx264 -preset ultrafast -pix_fmt yuv420p -g 50 -bf 2", true },
        { "h264-bframes.ts", "-c:v libx264 -preset ultrafast -pix_fmt yuv420p -g 50 -x264-params bframes=3:b-adapt=0 -f mpegts", true },
        { "mpeg4.avi", "-c:v mpeg4 -g 50 -bf 2 -f avi", true },
        { "long-gop.ts", "-c:v libx264 -preset ultrafast -pix_fmt yuv420p -g 250 -keyint_min 250 -sc_threshold 0 -f mpegts", false },
        { "long-gop.mp4", "-c:v libx264 -preset ultrafast -pix_fmt yuv420p -g 250 -keyint_min 250 -sc_threshold 0", true },
        { "mpeg2.ts", "-c:v mpeg2video -g 50 -bf 2 -f mpegts", false }, // no seek: an MPEG-2 decoder would output frames before a keyframe
        { "raw.h264", "-c:v libx264 -preset ultrafast -pix_fmt yuv420p -g 50 -f h264", false },
    };

    [Theory]
    [MemberData(nameof(Clips))]
    public void Read_LateStart_GivesTheSameFramesAsDecodingFromTheStart(string name, string codecArgs, bool seekLands)
    {
        using var temp = new TempFolder();
        string clip = Make(temp.File(name), codecArgs);
        var options = new VideoReaderOptions { Start = Start, Duration = Duration };
        var expected = FromTheStart(clip);

        using var reader = new VideoReader(clip, options);
        var read = ReadAll(reader);

        Assert.Equal(seekLands, reader.Sought);
        Assert.Equal(expected.Count, read.Count);
        Assert.Equal(25, read.Count);
        Assert.Equal(expected.Select(f => f.Pts), read.Select(f => f.Pts));
        Assert.Equal(expected.Select(f => f.Checksum), read.Select(f => f.Checksum));
    }

    [Theory]
    [MemberData(nameof(Clips))]
    public void Timestamps_LateStart_AreTheFramesReadLater(string name, string codecArgs, bool seekLands)
    {
        using var temp = new TempFolder();
        string clip = Make(temp.File(name), codecArgs);

        using var reader = new VideoReader(clip, new VideoReaderOptions { Start = Start, Duration = Duration });
        long[] announced = [.. reader.ReadTimestamps()];
        var read = ReadAll(reader);

        Assert.Equal(seekLands, reader.Sought);
        Assert.Equal(announced, read.Select(f => f.Pts));
    }

    [Fact]
    public void Read_LateStartWithKnownTimestamps_SameFramesAndNoSecondScan()
    {
        using var temp = new TempFolder();
        string clip = Make(temp.File("h264.mkv"), "-c:v libx264 -preset ultrafast -pix_fmt yuv420p -g 50 -bf 2");
        var info = VideoProbe.Probe(clip);
        long[] all;
        using (var first = new VideoReader(info))
        {
            all = [.. first.ReadTimestamps()];
        }

        var expected = FromTheStart(clip);
        using var reader = new VideoReader(info, new VideoReaderOptions { Start = Start, Duration = Duration, KnownTimestamps = all });
        var read = ReadAll(reader);

        // Handed a wrong list, a reader believes it without decoding the file again, and the first frame read catches it.
        long[] shifted = [.. all.Select(t => t + 1)];
        using var misled = new VideoReader(info, new VideoReaderOptions { Start = Start, Duration = Duration, KnownTimestamps = shifted });
        long[] announced = [.. misled.ReadTimestamps()];

        Assert.True(reader.Sought);
        Assert.Equal(expected.Select(f => f.Pts), read.Select(f => f.Pts));
        Assert.Equal(expected.Select(f => f.Checksum), read.Select(f => f.Checksum));
        Assert.Equal(expected.Select(f => f.Pts + 1), announced);
        Assert.Throws<VideoFileException>(() => misled.Read(new VideoFrame(misled.Width, misled.Height)));
    }

    /// <summary>The window decoded the old way: every frame from the first, those before the start skipped.</summary>
    private static List<(long Pts, double Checksum)> FromTheStart(string clip)
    {
        using var reader = new VideoReader(clip);
        var all = ReadAll(reader);
        long first = all[0].Pts;
        double unitsPerSecond = 1 / reader.TimeBase.ToDouble();
        long start = first + (long)Math.Round(Start.TotalSeconds * unitsPerSecond);
        long end = start + (long)Math.Round(Duration.TotalSeconds * unitsPerSecond);
        return all.Where(f => f.Pts >= start && f.Pts < end).ToList();
    }

    private static string Make(string path, string codecArgs)
    {
        // 10 s at 25 fps; mpegts starts its timestamps at 1.4 s, so the seek must not assume a zero start.
        var args = new List<string> { "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=s=96x64:r=25", "-frames:v", "250" };
        args.AddRange(codecArgs.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        args.Add(path);
        TestClips.Run("ffmpeg", args);
        return path;
    }

    private static List<(long Pts, double Checksum)> ReadAll(VideoReader reader)
    {
        var frame = new VideoFrame(reader.Width, reader.Height);
        var frames = new List<(long, double)>();
        while (reader.Read(frame))
        {
            double sum = 0;
            for (int c = 0; c < 3; c++)
            {
                ReadOnlySpan<float> plane = frame.Plane(c);
                for (int i = 0; i < plane.Length; i++)
                {
                    sum += plane[i] * (1 + (i % 7) + c * 7);
                }
            }

            frames.Add((frame.Pts, sum));
        }

        return frames;
    }
}
