using System.Globalization;
using System.Text.Json;
using RealtimeSR.Shared.Imaging;
using RealtimeSR.Shared.Video;
using RealtimeSR.Tests.Trainer.Commands;
using RealtimeSR.Tests.Video;

namespace RealtimeSR.Tests.Player.Commands;

/// <summary><c>play --reference HR</c>: the scores it writes are eval's, and a reference that cannot match is refused in one line.</summary>
public sealed class PlayReferenceTests
{
    private const int BadInput = 3;

    [Fact]
    public void Play_WithReference_PerFrameScoresEqualEvalsOnTheSameFrame()
    {
        using var temp = new TempFolder();
        string hr = TestClips.Make(temp.File("hr.mkv"), 128, 96, frames: 12);
        string lr = temp.File("lr.mkv");
        TestClips.Run("ffmpeg", ["-v", "error", "-i", hr, "-vf", "scale=64:48:flags=bicubic", "-c:v", "ffv1", lr]);
        string model = TinyModelFile.Write(temp.Path, scale: 2);
        string timings = temp.File("timings.csv");

        var run = PlayerProcess.Run("play", lr, "--reference", hr, "--model", model, "--ep", "cpu", "--headless", "--no-drop",
            "--timings", timings, "--screenshot", temp.File("shown.png"));
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("against the reference, mean of 12 frames shown", run.Output, StringComparison.Ordinal);

        string[] header = File.ReadLines(timings).First().Split(',');
        var rows = File.ReadAllLines(timings).Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.Equal(12, rows.Length);
        const int frame = 7;
        string[] row = rows.Single(r => r[0] == $"{frame}");
        double Column(string name) => double.Parse(row[Array.IndexOf(header, name)], CultureInfo.InvariantCulture);

        // eval scores the same decoded frames, saved as pictures by the same reader.
        string lrFolder = temp.Folder("lr"), hrFolder = temp.Folder("hr");
        ImageFile.Save(Frame(lr, frame), Path.Combine(lrFolder, "f.png"));
        ImageFile.Save(Frame(hr, frame), Path.Combine(hrFolder, "f.png"));
        string json = temp.File("eval.json");
        var eval = TrainerProcess.Run("eval", "--lr", lrFolder, "--hr", hrFolder, "--model", model, "--model", "bicubic", "--scale", "2", "--ep", "cpu", "--json", json);
        Assert.True(eval.ExitCode == 0, eval.Error);
        using var results = JsonDocument.Parse(File.ReadAllText(json));
        var byModel = results.RootElement.GetProperty("results").EnumerateArray().ToDictionary(r => r.GetProperty("model").GetString()!);

        // eval rounds to 0.01 dB and 0.0001.
        Assert.Equal(byModel["bicubic"].GetProperty("psnr").GetDouble(), Column("psnr_bicubic"), 0.0051);
        Assert.Equal(byModel[Path.GetFileName(model)].GetProperty("psnr").GetDouble(), Column("psnr_sr"), 0.0051);
        Assert.Equal(byModel["bicubic"].GetProperty("ssim").GetDouble(), Column("ssim_bicubic"), 0.000051);
        Assert.Equal(byModel[Path.GetFileName(model)].GetProperty("ssim").GetDouble(), Column("ssim_sr"), 0.000051);
    }

    [Theory]
    [InlineData(100, 96, 6, "is 100x96; a reference must be the SR size, 128x96 (64x48 x2)")]
    [InlineData(128, 96, 9, "has 9 frames and the video 6: a reference must have one frame per frame")]
    public void Play_ReferenceThatCannotMatch_RefusedInOneLine(int width, int height, int frames, string reason)
    {
        using var temp = new TempFolder();
        string lr = TestClips.Make(temp.File("lr.mkv"), 64, 48, frames: 6);
        string hr = TestClips.Make(temp.File("hr.mkv"), width, height, frames: frames);
        string model = TinyModelFile.Write(temp.Path, scale: 2);

        var run = PlayerProcess.Run("play", lr, "--reference", hr, "--model", model, "--ep", "cpu", "--headless");

        Assert.Equal(BadInput, run.ExitCode);
        Assert.Equal($"error: {hr}: {reason}", run.Error.Trim());
    }

    private static Image Frame(string path, int index)
    {
        using var reader = new VideoReader(path);
        var frame = new VideoFrame(reader.Width, reader.Height);
        for (int i = 0; i <= index; i++)
        {
            Assert.True(reader.Read(frame));
        }

        return new Image(frame.Width, frame.Height, PixelRange.Unit, frame.Pixels).ToRange(PixelRange.Byte);
    }
}
