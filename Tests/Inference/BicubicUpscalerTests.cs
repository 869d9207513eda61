using RealtimeSR.Shared.Imaging;
using RealtimeSR.Shared.Inference;
using RealtimeSR.Shared.Video;
using RealtimeSR.Tests.Imaging;

namespace RealtimeSR.Tests.Inference;

public class BicubicUpscalerTests
{
    [Theory]
    [InlineData(2, 33, 17)]
    [InlineData(4, 20, 12)]
    public void Upscale_Frame_EqualsMatlabResizeExactly(int scale, int width, int height)
    {
        Image picture = TestImages.Pattern(width, height, seed: 5);
        var lr = new VideoFrame(width, height);
        picture.ToRange(PixelRange.Unit).Planes.CopyTo(lr.Pixels, 0);
        var sr = new VideoFrame(width * scale, height * scale);
        using var upscaler = new BicubicUpscaler(scale);

        upscaler.Upscale(lr, sr);

        float[] expected = MatlabResize.Upscale(picture, scale).ToRange(PixelRange.Unit).Planes;
        Assert.Equal(expected, sr.Pixels);
    }

    [Fact]
    public void Upscale_SecondFrameOfTheSameSize_AllocatesNothing()
    {
        var lr = new VideoFrame(40, 24);
        TestImages.Pattern(40, 24).ToRange(PixelRange.Unit).Planes.CopyTo(lr.Pixels, 0);
        var sr = new VideoFrame(80, 48);
        using var upscaler = new BicubicUpscaler(2);
        upscaler.Upscale(lr, sr);

        long before = GC.GetAllocatedBytesForCurrentThread();
        upscaler.Upscale(lr, sr);

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
