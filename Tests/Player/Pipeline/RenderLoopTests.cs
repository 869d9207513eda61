using RealtimeSR.Player.Pipeline;
using RealtimeSR.Player.Rendering;
using RealtimeSR.Shared.Inference;
using RealtimeSR.Shared.Video;
using RealtimeSR.Tests.Video;

namespace RealtimeSR.Tests.Player.Pipeline;

/// <summary>The render loop over the live pipeline, headless (EGL): drops when SR is too slow, and stage failures.</summary>
public class RenderLoopTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    [Fact]
    public void Run_SrSlowerThanTheVideo_DropsLateFramesBeforeInferenceAndShowsTheRestInOrder()
    {
        using var temp = new TempFolder();
        string clip = TestClips.Make(temp.File("clip.mkv"), 32, 24, frames: 45);
        using var upscaler = CopyingUpscaler.Slow(milliseconds: 100);
        var shown = new List<long>();

        var (loop, pipeline) = Play(clip, upscaler, new PlaybackOptions(), snapshot =>
        {
            if (shown.Count == 0 || shown[^1] != snapshot.ShownIndex)
            {
                shown.Add(snapshot.ShownIndex);
            }
        });

        // At 100 ms per frame against 33 ms per frame of video, keeping pace means skipping about two in three.
        Assert.True(pipeline.Dropped > 0, "nothing was dropped");
        Assert.Equal(45, loop.Presented + pipeline.Dropped);
        Assert.Equal(shown.Where(i => i >= 0).Order(), shown.Where(i => i >= 0));
        Assert.Equal(loop.Presented, shown.Count(i => i >= 0));
    }

    [Fact]
    public void Run_NoDrop_ShowsEveryFrameEvenWhenSrIsSlow()
    {
        using var temp = new TempFolder();
        string clip = TestClips.Make(temp.File("clip.mkv"), 32, 24, frames: 12);
        using var upscaler = CopyingUpscaler.Slow(milliseconds: 60);

        var (loop, pipeline) = Play(clip, upscaler, new PlaybackOptions { NoDrop = true }, null);

        Assert.Equal(0, pipeline.Dropped);
        Assert.Equal(12, loop.Presented);
        Assert.Equal(11, loop.ShownIndex);
    }

    [Fact]
    public void Run_UpscalerFailsMidway_RethrowsThatFailureOnce()
    {
        using var temp = new TempFolder();
        string clip = TestClips.Make(temp.File("clip.mkv"), 32, 24, frames: 20);
        using var upscaler = CopyingUpscaler.Failing(failAt: 8);

        var error = Assert.Throws<InferenceException>(() => Play(clip, upscaler, new PlaybackOptions { NoDrop = true }, null));

        Assert.Equal("frame 8 failed", error.Message);
    }

    private static (RenderLoop Loop, PlaybackPipeline Pipeline) Play(string clip, IUpscaler upscaler, PlaybackOptions options, Action<PlayerSnapshot>? observer)
    {
        var info = VideoProbe.Probe(clip);
        using var target = new OffscreenRenderTarget(info.Width * upscaler.Scale, info.Height * upscaler.Scale);
        using var renderer = new ViewRenderer(target.Gl, new ShaderLibrary());
        using var pipeline = new PlaybackPipeline(info, ModelSelection.Of(upscaler), null, options.NoDrop);
        using var timeout = new CancellationTokenSource(Timeout);
        var loop = new RenderLoop(target, renderer, pipeline, options) { Observer = observer };
        loop.Run(timeout.Token);
        return (loop, pipeline);
    }
}
