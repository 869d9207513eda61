using RealtimeSR.Player.Pipeline;
using RealtimeSR.Shared.Inference;
using RealtimeSR.Shared.Video;
using RealtimeSR.Tests.Onnx;
using RealtimeSR.Tests.Video;

namespace RealtimeSR.Tests.Player.Pipeline;

public class PipelineTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    [Fact]
    public void DecodeAndInference_TinyModel_DeliverEveryFrameInOrderFromBoundedPools()
    {
        using var temp = new TempFolder();
        string clip = TestClips.Make(temp.File("clip.mkv"), 48, 32, frames: 25, vfr: true);
        using var reader = new VideoReader(clip);
        using var session = new SrSession(TestModels.SuperResolutionBytes(TinySrWeights.Random(2)), "tiny", new SrSessionOptions { ExecutionProvider = ExecutionProvider.Cpu, AllowSpinning = false });
        using var upscaler = new OnnxUpscaler(session, "tiny");
        using var reference = new SrSession(TestModels.SuperResolutionBytes(TinySrWeights.Random(2)), "tiny", new SrSessionOptions { ExecutionProvider = ExecutionProvider.Cpu });
        using var lrPool = new FramePool(48, 32, 5);
        using var srPool = new FramePool(96, 64, 5);
        using var stop = new CancellationTokenSource(Timeout);
        var decode = new DecodeStage(reader, lrPool, stop.Token);
        var inference = new InferenceStage(decode.Output, ModelSelection.Of(upscaler), srPool, stop.Token);
        decode.Start();
        inference.Start();
        var seen = new List<(long Index, long Pts)>();
        var expected = new float[srPool.Width * srPool.Height * 3];

        while (StageChannel.TryRead(inference.Output, out var frame, stop.Token))
        {
            reference.Run(frame.Lr.Pixels, 32, 48, expected);
            Assert.Equal(expected, frame.Sr.Pixels);
            Assert.Equal(frame.Lr.Pts, frame.Sr.Pts);
            seen.Add((frame.Sr.Index, frame.Sr.Pts));
            frame.Return();
        }

        Assert.True(inference.Join(Timeout));
        Assert.True(inference.Completion.IsCompletedSuccessfully);
        Assert.Equal(Enumerable.Range(0, 25).Select(i => (long)i), seen.Select(s => s.Index));
        Assert.Equal(reader.ReadTimestamps(), seen.Select(s => s.Pts));
        Assert.InRange(lrPool.Created, 1, 5);
        Assert.InRange(srPool.Created, 1, 5);
        Assert.Equal(0, lrPool.Outstanding);
        Assert.Equal(0, srPool.Outstanding);
    }

    [Fact]
    public void Inference_DropPolicy_ReturnsDroppedFramesToTheirPool()
    {
        using var temp = new TempFolder();
        string clip = TestClips.Make(temp.File("clip.mkv"), 32, 16, frames: 10);
        using var reader = new VideoReader(clip);
        using var upscaler = new BicubicUpscaler(2);
        using var lrPool = new FramePool(32, 16, 5);
        using var srPool = new FramePool(64, 32, 5);
        using var stop = new CancellationTokenSource(Timeout);
        var decode = new DecodeStage(reader, lrPool, stop.Token);
        var inference = new InferenceStage(decode.Output, ModelSelection.Of(upscaler), srPool, stop.Token, frame => frame.Index % 2 == 1);
        decode.Start();
        inference.Start();
        var kept = new List<long>();

        while (StageChannel.TryRead(inference.Output, out var frame, stop.Token))
        {
            kept.Add(frame.Lr.Index);
            frame.Return();
        }

        Assert.Equal([0L, 2, 4, 6, 8], kept);
        Assert.Equal(5, inference.Dropped);
        Assert.Equal(0, lrPool.Outstanding);
    }

    [Fact]
    public void Inference_UpscalerFailsMidway_ConsumerSeesThatErrorOnce()
    {
        using var temp = new TempFolder();
        string clip = TestClips.Make(temp.File("clip.mkv"), 32, 16, frames: 12);
        using var reader = new VideoReader(clip);
        using var upscaler = CopyingUpscaler.Failing(failAt: 4);
        using var lrPool = new FramePool(32, 16, 5);
        using var srPool = new FramePool(32, 16, 5);
        using var stop = new CancellationTokenSource(Timeout);
        var decode = new DecodeStage(reader, lrPool, stop.Token);
        var inference = new InferenceStage(decode.Output, ModelSelection.Of(upscaler), srPool, stop.Token);
        decode.Start();
        inference.Start();
        int frames = 0;

        var e = Assert.Throws<InferenceException>(() =>
        {
            while (StageChannel.TryRead(inference.Output, out var frame, stop.Token))
            {
                frames++;
                frame.Return();
            }
        });

        stop.Cancel();
        Assert.True(decode.Join(Timeout));
        Assert.Equal("frame 4 failed", e.Message);
        Assert.Equal(4, frames);
        Assert.True(inference.Join(Timeout));
        Assert.Same(e, inference.Completion.Exception?.InnerException);
    }

    [Fact]
    public void Compose_Side_PutsBicubicLeftAndSrRight()
    {
        var lr = new VideoFrame(3, 2);
        Array.Fill(lr.Pixels, 0.25f);
        var sr = new VideoFrame(6, 4);
        Array.Fill(sr.Pixels, 0.75f);
        var composer = new CompareComposer(CompareMode.Side, 3, 2, 2);

        var picture = composer.Compose(new UpscaledFrame(lr, sr));

        Assert.Equal((12, 4), (picture.Width, picture.Height));
        Assert.Equal(0.25f, picture.Plane(0)[0], 0.002f);
        Assert.Equal(0.75f, picture.Plane(2)[12 * 3 + 11]);
    }
}
