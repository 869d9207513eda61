using RealtimeSR.Shared.Video;

namespace RealtimeSR.Tests.Video;

public class AudioReaderTests
{
    [Fact]
    public void Read_SineClip_GivesSourceRateChannelsAndLength()
    {
        using var temp = new TempFolder();
        string clip = temp.File("tone.mkv");
        TestClips.Run("ffmpeg", ["-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=s=32x32:r=10:d=1", "-f", "lavfi", "-i", "sine=f=1000:r=22050:d=1", "-ac", "2", "-c:v", "ffv1", "-c:a", "pcm_s16le", clip]);
        var info = VideoProbe.Probe(clip);
        using var audio = new AudioReader(info);
        var buffer = new float[4096];
        long total = 0;
        float peak = 0;
        int read;

        while ((read = audio.Read(buffer)) > 0)
        {
            Assert.Equal(0, read % 2);
            total += read;
            peak = Math.Max(peak, buffer.AsSpan(0, read).ToArray().Max(Math.Abs));
        }

        Assert.Equal((22050, 2), (audio.SampleRate, audio.Channels));
        Assert.Equal(22050 * 2, total);
        Assert.InRange(peak, 0.05f, 1f);
    }

    [Fact]
    public void Constructor_NoAudio_ThrowsVideoFileException()
    {
        using var temp = new TempFolder();
        var info = VideoProbe.Probe(TestClips.Make(temp.File("silent.mkv"), frames: 2));

        Assert.Throws<VideoFileException>(() => new AudioReader(info));
    }
}
