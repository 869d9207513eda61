using RealtimeSR.Shared.Diagnostics;
using RealtimeSR.Shared.Video;

namespace RealtimeSR.Tests.Video;

public class VideoReaderTests
{
    [Fact]
    public void Read_OddSizedClip_DecodesEveryFrameWithItsTimestamp()
    {
        using var temp = new TempFolder();
        string clip = TestClips.Make(temp.File("odd.mkv"), 321, 241, frames: 6, codecArgs: "-c:v ffv1 -pix_fmt yuv444p");
        using var reader = new VideoReader(clip);
        var frame = new VideoFrame(321, 241);
        var timestamps = new List<long>();

        while (reader.Read(frame))
        {
            Assert.Equal(timestamps.Count, frame.Index);
            timestamps.Add(frame.Pts);
            Assert.True(frame.Timeline.Milliseconds(TimelineMark.DecodeStart, TimelineMark.ConvertEnd) >= 0);
            Assert.All(frame.Pixels, v => Assert.InRange(v, 0f, 1f));
        }

        Assert.Equal(6, timestamps.Count);
        Assert.Equal(reader.ReadTimestamps(), timestamps);
        Assert.Equal(
            TestClips.PacketTimestamps(clip, "v"),
            timestamps.Select(t => (t * reader.TimeBase.ToDouble()).ToString("F6", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Read_VfrClip_KeepsTheGap()
    {
        using var temp = new TempFolder();
        string clip = TestClips.Make(temp.File("vfr.mkv"), frames: 20, vfr: true);
        using var reader = new VideoReader(clip);
        var frame = new VideoFrame(reader.Width, reader.Height);
        var seconds = new List<double>();
        while (reader.Read(frame))
        {
            seconds.Add(frame.PtsSeconds);
        }

        Assert.Equal(20, seconds.Count);
        Assert.Equal(0.5 + 1 / 30.0, seconds[10] - seconds[9], 2);
        Assert.Equal(1 / 30.0, seconds[5] - seconds[4], 2);
    }

    [Theory]
    [InlineData("smpte170m", 179)]
    [InlineData("bt709", 185)]
    [InlineData(null, 179)]
    public void Read_KnownYCbCr_ConvertsWithTheStreamsMatrix(string? matrix, int expectedRed)
    {
        // Y' = 126, Cb = 128, Cr = 160 (limited range): grey (126 − 16)/219 = 0.5023 plus red from Cr, which
        // BT.601 scales by 1.402 and BT.709 by 1.5748: R = 179 and 185 of 255. An untagged 32x16 clip is SD, so BT.601.
        using var temp = new TempFolder();
        string clip = temp.File("known.mkv");
        var args = new List<string> { "-v", "error", "-y", "-f", "lavfi", "-i", "color=c=black:s=32x16:r=30:d=0.1,format=yuv444p,geq=lum=126:cb=128:cr=160", "-c:v", "ffv1" };
        if (matrix is not null)
        {
            args.AddRange(["-colorspace", matrix, "-color_range", "tv"]);
        }

        args.Add(clip);
        TestClips.Run("ffmpeg", args);
        using var reader = new VideoReader(clip);
        var frame = new VideoFrame(32, 16);

        Assert.True(reader.Read(frame));

        Assert.All(frame.Plane(0).ToArray(), v => Assert.Equal(expectedRed / 255f, v, 1.01f / 255));
        Assert.All(frame.Plane(2).ToArray(), v => Assert.Equal(128 / 255f, v, 1.01f / 255));
    }

    [Fact]
    public void Constructor_TruncatedFile_ThrowsTruncatedOrCorrupt()
    {
        using var temp = new TempFolder();
        string clip = TestClips.Make(temp.File("whole.mkv"), 160, 120, frames: 30);
        string truncated = temp.File("cut.mkv");
        byte[] bytes = File.ReadAllBytes(clip);
        File.WriteAllBytes(truncated, bytes[..(bytes.Length * 2 / 3)]);

        var e = Assert.Throws<VideoFileException>(() => new VideoReader(truncated));

        Assert.Contains("cut.mkv", e.Message);
        Assert.Contains("truncated or corrupt", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Constructor_RegionOutsideFrame_ThrowsRegionException()
    {
        using var temp = new TempFolder();
        string clip = TestClips.Make(temp.File("clip.mkv"), 64, 48, frames: 3);

        var e = Assert.Throws<RegionException>(() => new VideoReader(clip, new VideoReaderOptions { Region = new PixelRegion(40, 10, 32, 16) }));

        Assert.Contains("64x48", e.Message);
    }

    [Fact]
    public void Read_Region_CropsTheSamePixelsAsTheWholeFrame()
    {
        using var temp = new TempFolder();
        string clip = TestClips.Make(temp.File("clip.mkv"), 64, 48, frames: 2, codecArgs: "-c:v ffv1");
        using var whole = new VideoReader(clip);
        using var part = new VideoReader(clip, new VideoReaderOptions { Region = new PixelRegion(5, 7, 11, 9) });
        var full = new VideoFrame(64, 48);
        var crop = new VideoFrame(11, 9);

        Assert.True(whole.Read(full));
        Assert.True(part.Read(crop));

        for (int c = 0; c < 3; c++)
        {
            for (int y = 0; y < 9; y++)
            {
                for (int x = 0; x < 11; x++)
                {
                    Assert.Equal(full.Plane(c)[(y + 7) * 64 + x + 5], crop.Plane(c)[y * 11 + x]);
                }
            }
        }
    }

    [Fact]
    public void Read_StartAndDuration_GivesFramesInTheWindow()
    {
        using var temp = new TempFolder();
        string clip = TestClips.Make(temp.File("clip.mkv"), 64, 48, frames: 30);
        using var reader = new VideoReader(clip, new VideoReaderOptions { Start = TimeSpan.FromSeconds(0.2), Duration = TimeSpan.FromSeconds(0.3) });
        var frame = new VideoFrame(64, 48);
        int count = 0;
        while (reader.Read(frame))
        {
            count++;
        }

        Assert.Equal(9, count);
        Assert.Equal(reader.FrameCount, count);
    }
}
