using RealtimeSR.Player.Pipeline;
using RealtimeSR.Shared.Inference;

namespace RealtimeSR.Tests.Player.Pipeline;

public sealed class ModelSelectionTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public void SelectNext_ThreeModels_CyclesBackToTheFirst()
    {
        using var a = new BicubicUpscaler(2);
        using var b = new BicubicUpscaler(2);
        using var c = new BicubicUpscaler(2);
        var selection = new ModelSelection([a, b, c]);

        Assert.Equal(0, selection.Selected);
        Assert.Equal([1, 2, 0], new[] { selection.SelectNext(), selection.SelectNext(), selection.SelectNext() });
        Assert.Same(a, selection.Current);
    }

    [Fact]
    public void Constructor_ModelsOfDifferentScales_Refused()
    {
        using var x2 = new BicubicUpscaler(2);
        using var x4 = new BicubicUpscaler(4);

        var error = Assert.Throws<ArgumentException>(() => new ModelSelection([x2, x4]));
        Assert.Contains("must share a scale", error.Message);
    }

    [Fact]
    public void InferenceStage_SecondModelSelected_RunsItAndStampsEveryFrameWithItsIndex()
    {
        using var temp = new TempFolder();
        string clip = Video.TestClips.Make(temp.File("clip.mkv"), 32, 24, frames: 6);
        using var reader = new RealtimeSR.Shared.Video.VideoReader(clip);
        var copying = new CopyingUpscaler("copy", _ => { });
        var zero = new ZeroUpscaler();
        var selection = new ModelSelection([copying, zero]);
        selection.SelectNext();
        using var lrPool = new RealtimeSR.Shared.Video.FramePool(32, 24, 5);
        using var srPool = new RealtimeSR.Shared.Video.FramePool(32, 24, 5);
        using var stop = new CancellationTokenSource(Timeout);
        var decode = new DecodeStage(reader, lrPool, stop.Token);
        var inference = new InferenceStage(decode.Output, selection, srPool, stop.Token);
        decode.Start();
        inference.Start();
        int frames = 0;

        while (StageChannel.TryRead(inference.Output, out var frame, stop.Token))
        {
            Assert.Equal(1, frame.Sr.ModelIndex);
            Assert.All(frame.Sr.Pixels, v => Assert.Equal(0f, v));
            frame.Return();
            frames++;
        }

        Assert.True(inference.Join(Timeout));
        Assert.Equal(6, frames);
    }

    /// <summary>A "model" whose output is black, told apart from a copy at a glance.</summary>
    private sealed class ZeroUpscaler : IUpscaler
    {
        public string Name => "zero";

        public int Scale => 1;

        public string ExecutionProvider => "none";

        public int Threads => 0;

        public bool AllowSpinning => false;

        public void Upscale(ReadOnlySpan<float> lr, int width, int height, Span<float> sr) => sr.Clear();

        public void Dispose()
        {
        }
    }
}
