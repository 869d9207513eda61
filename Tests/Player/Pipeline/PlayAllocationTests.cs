using RealtimeSR.Player.Commands;
using RealtimeSR.Player.Pipeline;
using RealtimeSR.Shared.Diagnostics;
using RealtimeSR.Tests.Player.Commands;
using RealtimeSR.Tests.Video;
using Xunit.Abstractions;

namespace RealtimeSR.Tests.Player.Pipeline;

/// <summary>
/// Steady playback allocates nothing per frame: each stage thread (decode, inference, render) measures its own
/// <c>GC.GetAllocatedBytesForCurrentThread</c> from its 30th frame on, here over 300 more frames (headless, EGL).
/// </summary>
[Collection(Platform.SdlCollection.Name)]
public sealed class PlayAllocationTests
{
    /// <summary>Bytes per frame still counted as none: a rare one-off (a list growing, a lazy init) spread over 300 frames.</summary>
    private const double NearlyNothing = 16;

    private readonly ITestOutputHelper _output;

    public PlayAllocationTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void Play_300SteadyFrames_EachStageThreadAllocatesNearlyNothingPerFrame()
    {
        using var temp = new TempFolder();
        string clip = TestClips.Make(temp.File("clip.mkv"), 96, 64, frames: 340);
        string model = TinyModelFile.Write(temp.Path, scale: 2);
        IReadOnlyList<StageStatistics>? stages = null;

        var parse = PlayCommand.Create().Parse([clip, "--model", model, "--ep", "cpu", "--headless", "--no-drop", "--exit-after-frames", "330",
            "--screenshot", temp.File("s.png"), "--timings", temp.File("t.csv")]);
        int exit = PlayCommand.Run(parse, new PlayHooks(Finished: (report, _) => stages = report.Stages));

        Assert.Equal(0, exit);
        Assert.NotNull(stages);
        foreach (StageStatistics stage in stages)
        {
            _output.WriteLine($"{stage.Name}: {stage.Frames} frames, {stage.SteadyAllocatedBytesPerFrame:F2} B/frame after warm-up");
            Assert.True(stage.Frames >= 330, $"{stage.Name} saw {stage.Frames} frames");
            Assert.True(stage.SteadyAllocatedBytesPerFrame <= NearlyNothing, $"{stage.Name} allocates {stage.SteadyAllocatedBytesPerFrame:F1} B/frame");
        }
    }
}
