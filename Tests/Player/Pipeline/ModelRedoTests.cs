using RealtimeSR.Player.Pipeline;
using RealtimeSR.Shared.Video;

namespace RealtimeSR.Tests.Player.Pipeline;

/// <summary>The hand-over of queued frames between the render loop and the inference stage after a model switch.</summary>
public sealed class ModelRedoTests
{
    [Fact]
    public void SendTakeDone_FramesComeBackInTheOrderSent()
    {
        using var lr = new FramePool(4, 4, 3);
        using var sr = new FramePool(8, 8, 3);
        var redo = new ModelRedo();
        var frames = Enumerable.Range(0, 3).Select(i => Pair(lr, sr, i)).ToArray();
        foreach (var frame in frames)
        {
            redo.Send(frame);
        }

        Assert.Equal(3, redo.Outstanding);
        Assert.False(redo.TryTakeBack(out _));
        while (redo.TryTake(out var again))
        {
            again.Sr.ModelIndex = 1;
            redo.Done(again);
        }

        for (int i = 0; i < 3; i++)
        {
            Assert.True(redo.TryTakeBack(out var back));
            Assert.Equal((i, 1), (back.Sr.Index, back.Sr.ModelIndex));
        }

        Assert.Equal(0, redo.Outstanding);
    }

    [Fact]
    public void GiveBackWaiting_AfterTheInferenceEnded_ReturnsTheFramesUnchangedSoNothingWaitsForever()
    {
        using var lr = new FramePool(4, 4, 2);
        using var sr = new FramePool(8, 8, 2);
        var redo = new ModelRedo();
        redo.Send(Pair(lr, sr, 7));

        redo.GiveBackWaiting();

        Assert.True(redo.TryTakeBack(out var back));
        Assert.Equal((7, 0), (back.Sr.Index, back.Sr.ModelIndex));
        Assert.Equal(0, redo.Outstanding);
    }

    [Fact]
    public void Clear_ReturnsEveryFrameInEitherDirectionToItsPools()
    {
        using var lr = new FramePool(4, 4, 2);
        using var sr = new FramePool(8, 8, 2);
        var redo = new ModelRedo();
        redo.Send(Pair(lr, sr, 0));
        redo.Send(Pair(lr, sr, 1));
        Assert.True(redo.TryTake(out var first));
        redo.Done(first);

        redo.Clear();

        Assert.Equal((0, 0, 0), (redo.Outstanding, lr.Outstanding, sr.Outstanding));
    }

    private static UpscaledFrame Pair(FramePool lr, FramePool sr, long index)
    {
        using var quick = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var pair = new UpscaledFrame(lr.Rent(quick.Token), sr.Rent(quick.Token));
        pair.Lr.Index = pair.Sr.Index = index;
        pair.Sr.ModelIndex = 0;
        return pair;
    }
}
