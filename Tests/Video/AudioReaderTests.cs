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

    [Theory]
    [InlineData(0.5, 0.0, 0.0)] // the sound starts half a second after the pictures: led in by silence
    [InlineData(0.0, 0.3, 0.3)] // the pictures start 0.3 s after the sound: the sound before them is cut
    [InlineData(0.0, 0.0, 0.7)] // a start inside the stream (a seek): exactly the samples from there
    [InlineData(0.25, 0.0, 3.3)] // a seek far enough in for an input seek before the exact cut
    public void Read_StartTime_PutsSampleNAtStartPlusNOverRate(double audioOffset, double videoOffset, double startTime)
    {
        const int rate = 8000;
        using var temp = new TempFolder();
        string clip = temp.File("offset.mkv");
        TestClips.Run("ffmpeg", [
            "-v", "error", "-y",
            "-itsoffset", Text(videoOffset), "-f", "lavfi", "-i", "testsrc2=s=32x32:r=10:d=4",
            "-itsoffset", Text(audioOffset), "-f", "lavfi", "-i", $"sine=f=440:r={rate}:d=4",
            "-c:v", "ffv1", "-c:a", "pcm_s16le", clip]);
        var info = VideoProbe.Probe(clip);
        float[] whole = ReadAll(new AudioReader(info));

        float[] aligned = ReadAll(new AudioReader(info, startTime: startTime));

        // Sample n of the aligned read is at startTime + n / rate; sample k of the stream is at audioOffset + k / rate.
        int silence = (int)Math.Round(Math.Max(0, audioOffset - startTime) * rate);
        int skipped = (int)Math.Round(Math.Max(0, startTime - audioOffset) * rate);
        Assert.All(aligned[..silence], v => Assert.Equal(0f, v));
        float[] expected = whole[skipped..];
        float[] actual = aligned[silence..];
        Assert.InRange(actual.Length, expected.Length - 1, expected.Length + 1);
        int compared = Math.Min(expected.Length, actual.Length);
        for (int i = 0; i < compared; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) < 1e-4, $"sample {silence + i}: {actual[i]}, the stream has {expected[i]}");
        }
    }

    [Fact]
    public void Constructor_NoAudio_ThrowsVideoFileException()
    {
        using var temp = new TempFolder();
        var info = VideoProbe.Probe(TestClips.Make(temp.File("silent.mkv"), frames: 2));

        Assert.Throws<VideoFileException>(() => new AudioReader(info));
    }

    /// <summary>Every sample <paramref name="reader"/> hands out, interleaved; disposes it.</summary>
    internal static float[] ReadAll(AudioReader reader)
    {
        using (reader)
        {
            var samples = new List<float>();
            var buffer = new float[4096];
            int read;
            while ((read = reader.Read(buffer)) > 0)
            {
                samples.AddRange(buffer.AsSpan(0, read));
            }

            return [.. samples];
        }
    }

    private static string Text(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
