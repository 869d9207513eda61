using RealtimeSR.Player.Pipeline;
using RealtimeSR.Shared.Video;
using RealtimeSR.Tests.Video;

namespace RealtimeSR.Tests.Player.Pipeline;

/// <summary>The transport's states and what each makes of the next frame, over a real (silent) pipeline.</summary>
public class PlaybackTransportTests
{
    [Fact]
    public void Transport_PlayPauseStepSeekResume_MovesThroughItsStatesAndDecidesFramesByThem()
    {
        using var temp = new TempFolder();
        string clip = TestClips.Make(temp.File("clip.mkv"), 32, 24, frames: 20);
        using var upscaler = new CopyingUpscaler("copy", _ => { });
        using var pipeline = new PlaybackPipeline(VideoProbe.Probe(clip), ModelSelection.Of(upscaler), null, noDrop: false);
        var transport = new PlaybackTransport(pipeline, noDrop: false);

        transport.StartAt(0);
        Assert.Equal((TransportState.Starting, false), (transport.State, pipeline.Clock.IsRunning));
        Assert.Equal(FrameDecision.Show, transport.Decide(0, 0)); // the first frame at a position: at once
        transport.Shown(0, 0);
        Assert.Equal((TransportState.Playing, true), (transport.State, pipeline.Clock.IsRunning));
        Assert.Equal(FrameDecision.Wait, transport.Decide(1, 60)); // not due for a minute

        transport.SetPaused(true);
        Assert.Equal((TransportState.Paused, false, true), (transport.State, pipeline.Clock.IsRunning, transport.Paused));
        Assert.Equal(FrameDecision.Wait, transport.Decide(1, 0));

        transport.Step(+1);
        Assert.Equal(TransportState.Stepping, transport.State);
        Assert.Equal(FrameDecision.Restart, transport.Decide(2, 0.1)); // frame 1 was dropped: decode it instead
        Assert.Equal(FrameDecision.Show, transport.Decide(1, 0.03));
        transport.Shown(1, 0.03);
        Assert.Equal((TransportState.Paused, false, 1L), (transport.State, pipeline.Clock.IsRunning, transport.ShownIndex));

        transport.SeekBy(0.3); // seeking while paused stays paused once the new frame is up
        Assert.Equal((TransportState.Starting, true), (transport.State, transport.Paused));
        transport.Shown(10, 0.33);
        Assert.Equal(TransportState.Paused, transport.State);

        transport.SetPaused(false);
        Assert.Equal((TransportState.Playing, true), (transport.State, pipeline.Clock.IsRunning));
        transport.Step(+1); // only a paused player steps forward
        Assert.Equal(TransportState.Playing, transport.State);
    }
}
