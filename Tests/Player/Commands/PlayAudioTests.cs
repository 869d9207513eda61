using System.Runtime.InteropServices;
using RealtimeSR.Shared.Video;
using RealtimeSR.Tests.Video;
using Xunit.Abstractions;

namespace RealtimeSR.Tests.Player.Commands;

/// <summary>
/// Sound during play through SDL's "disk" driver (which writes what a device would play to a file): the samples
/// must be the source's, as the audio reader decodes them, sample for sample.
/// </summary>
public class PlayAudioTests
{
    private const int Rate = 48000;

    private readonly ITestOutputHelper _output;

    public PlayAudioTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void Play_ClipWithSine_DiskDriverReceivesTheSourceSamples()
    {
        using var temp = new TempFolder();
        string clip = TestClips.Make(temp.File("tone.mkv"), 64, 48, frames: 60, audio: true);
        string model = TinyModelFile.Write(temp.Path, scale: 2);
        string played = temp.File("played.f32");

        var run = PlayerProcess.RunWithEnvironment(
            new Dictionary<string, string> { ["SDL_AUDIODRIVER"] = "disk", ["SDL_DISKAUDIOFILE"] = played },
            "play", clip, "--model", model, "--ep", "cpu", "--headless", "--screenshot", temp.File("s.png"), "--timings", temp.File("t.csv"));

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("sound via disk", run.Error);
        float[] source = Decode(clip);
        float[] device = MemoryMarshal.Cast<byte, float>(File.ReadAllBytes(played)).ToArray();

        // The device wrote silence while paused (before the first frame was shown); the source's own leading
        // silence is the same in both, so aligning the first non-zero samples aligns the streams.
        int s = Array.FindIndex(source, v => v != 0), d = Array.FindIndex(device, v => v != 0);
        Assert.True(s >= 0 && d >= 0, $"no sound: source starts at {s}, device at {d}");
        int compared = Math.Min(source.Length - s, device.Length - d);
        _output.WriteLine($"compared {compared} samples ({compared / (double)Rate:F2} s); device silence before: {d} samples");
        Assert.True(compared >= Rate, $"only {compared} samples were played");
        Assert.Equal(source.AsSpan(s, compared).ToArray(), device.AsSpan(d, compared).ToArray());
    }

    private static float[] Decode(string clip)
    {
        // As the player reads it: aligned to the first video frame's time on the file's clock.
        var info = VideoProbe.Probe(clip);
        double videoStart = VideoProbe.ReadDecodedTimestamps(info, info.TimeBase, maxFrames: 1)[0] * info.TimeBase.ToDouble();
        var reader = new AudioReader(info, startTime: videoStart);
        Assert.Equal(Rate, reader.SampleRate);
        return AudioReaderTests.ReadAll(reader);
    }
}
