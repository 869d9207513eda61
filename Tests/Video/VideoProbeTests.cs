using RealtimeSR.Shared.Imaging;
using RealtimeSR.Shared.Video;

namespace RealtimeSR.Tests.Video;

public class VideoProbeTests
{
    [Fact]
    public void Probe_TaggedClipWithAudioAndSubtitles_ReportsEverything()
    {
        using var temp = new TempFolder();
        string clip = TestClips.Make(
            temp.File("tagged.mkv"), 96, 64, frames: 15, audio: true, subtitles: true,
            extraOutputArgs: "-colorspace bt709 -color_range tv -color_primaries bt709 -color_trc bt709");

        var info = VideoProbe.Probe(clip);

        Assert.Equal((96, 64), (info.Width, info.Height));
        Assert.Equal(30.0, info.FramesPerSecond, 3);
        Assert.Equal(new ColourTags("bt709", "tv", "bt709", "bt709"), info.Colour);
        Assert.Equal(ColorMatrix.Bt709, info.Colour.KnownMatrix(info.Height));
        var audio = Assert.Single(info.AudioStreams);
        Assert.Equal((48000, 1), (audio.SampleRate, audio.Channels));
        Assert.Single(info.SubtitleStreams);
        Assert.Equal(15, VideoProbe.ReadFrameTimestamps(info).Length);
    }

    [Fact]
    public void Probe_MissingFile_ThrowsVideoFileException()
    {
        var e = Assert.Throws<VideoFileException>(() => VideoProbe.Probe("/nonexistent/clip.mp4"));
        Assert.Contains("no such file", e.Message);
    }

    [Fact]
    public void Probe_TextFile_ThrowsVideoFileException()
    {
        using var temp = new TempFolder();
        string path = temp.File("notes.mp4");
        File.WriteAllText(path, "this is not a video");

        var e = Assert.Throws<VideoFileException>(() => VideoProbe.Probe(path));

        Assert.DoesNotContain('\n', e.Message);
    }

    [Theory]
    [InlineData(null, 720, "bt709")]
    [InlineData(null, 719, "bt601")]
    [InlineData("bt709", 480, "bt709")]
    [InlineData("smpte170m", 1080, "bt601")]
    [InlineData("bt470bg", 576, "bt601")]
    public void ConversionMatrix_TagAndHeight_FollowsStreamElseHeightRule(string? tag, int height, string expected)
    {
        Assert.Equal(expected, new ColourTags(tag, null, null, null).ConversionMatrix(height));
    }

    [Fact]
    public void ConversionRange_Untagged_IsLimited()
    {
        Assert.Equal(ColorRange.Limited, new ColourTags(null, null, null, null).ConversionRange);
        Assert.Equal(ColorRange.Full, new ColourTags(null, "pc", null, null).ConversionRange);
    }
}
