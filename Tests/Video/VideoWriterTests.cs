using RealtimeSR.Shared.Video;

namespace RealtimeSR.Tests.Video;

public class VideoWriterTests
{
    [Fact]
    public void Complete_VfrSource_WritesSameTimestampsAndRenames()
    {
        using var temp = new TempFolder();
        string clip = TestClips.Make(temp.File("vfr.mkv"), 64, 48, frames: 20, vfr: true);
        var info = VideoProbe.Probe(clip);
        using var reader = new VideoReader(info);
        string output = temp.File("out.mkv");
        using (var writer = new VideoWriter(output, 64, 48, info, reader.ReadTimestamps()))
        {
            var frame = new VideoFrame(64, 48);
            while (reader.Read(frame))
            {
                Assert.False(File.Exists(output));
                writer.Write(frame);
            }

            writer.Complete();
            Assert.False(File.Exists(writer.TemporaryPath));
        }

        Assert.Equal(TestClips.PacketTimestamps(clip, "v"), TestClips.PacketTimestamps(output, "v"));
    }

    [Fact]
    public void Write_FileSizeLimitReached_ThrowsAndLeavesNoFile()
    {
        using var temp = new TempFolder();
        string clip = TestClips.Make(temp.File("clip.mkv"), 64, 48, frames: 3);
        var info = VideoProbe.Probe(clip);
        long[] timestamps = Enumerable.Range(0, 400).Select(i => (long)i * 33).ToArray();
        string output = temp.File("out.mkv");
        var options = new VideoWriterOptions { Codec = "ffv1", FileSizeLimit = 64 * 1024 };
        var frame = new VideoFrame(256, 256);
        var random = new Random(1);
        string temporary;

        var e = Assert.Throws<VideoWriteException>(() =>
        {
            using var writer = new VideoWriter(output, 256, 256, info, timestamps, options: options);
            temporary = writer.TemporaryPath;
            for (int i = 0; i < timestamps.Length; i++)
            {
                // Noise does not compress, so the limit is reached within a few frames.
                for (int p = 0; p < frame.Pixels.Length; p++)
                {
                    frame.Pixels[p] = (float)random.NextDouble();
                }

                writer.Write(frame);
            }

            writer.Complete();
        });

        Assert.Contains("out.mkv", e.Message);
        Assert.DoesNotContain('\n', e.Message);
        Assert.False(File.Exists(output));
        Assert.Empty(Directory.GetFiles(temp.Path, "out*"));
    }

    [Fact]
    public void Constructor_MissingFolder_ThrowsVideoWriteException()
    {
        using var temp = new TempFolder();
        string clip = TestClips.Make(temp.File("clip.mkv"), 64, 48, frames: 2);
        var info = VideoProbe.Probe(clip);

        var e = Assert.Throws<VideoWriteException>(() => new VideoWriter(temp.File("missing/out.mkv"), 64, 48, info, [0, 33]));

        Assert.Contains("does not exist", e.Message);
    }
}
