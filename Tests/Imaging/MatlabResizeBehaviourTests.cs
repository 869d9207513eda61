using RealtimeSR.Shared.Imaging;

namespace RealtimeSR.Tests.Imaging;

public class MatlabResizeBehaviourTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void UpscaleAndDownscale_ConstantImage_StaysConstant(int factor)
    {
        Image constant = TestImages.Constant(9, 6, 77);

        Assert.All(MatlabResize.Upscale(constant, factor).Planes, v => Assert.Equal(77f, v));
        Assert.All(MatlabResize.Downscale(TestImages.Constant(12, 12, 77), factor).Planes, v => Assert.Equal(77f, v));
    }

    [Fact]
    public void Downscale_OddSize_CropsToMultipleFirst()
    {
        Image lr = MatlabResize.Downscale(TestImages.Pattern(250, 361), 4);

        Assert.Equal((62, 90), (lr.Width, lr.Height));
    }

    [Fact]
    public void Resize_NonIntegerScale_SizeIsCeilingLikeMatlab()
    {
        Image resized = MatlabResize.Resize(TestImages.Pattern(10, 7), 1.5);

        Assert.Equal((15, 11), (resized.Width, resized.Height));
        Assert.All(resized.Planes, v => Assert.Equal(MathF.Round(v), v));
    }

    [Fact]
    public void Upscale_HorizontalRamp_InterpolatesLinearlyInside()
    {
        // The cubic kernel reproduces linear functions away from the borders.
        var ramp = new Image(16, 4, PixelRange.Byte);
        for (int c = 0; c < Image.Channels; c++)
        {
            for (int y = 0; y < 4; y++)
            {
                for (int x = 0; x < 16; x++)
                {
                    ramp.Plane(c)[y * 16 + x] = 10 * x;
                }
            }
        }

        Image up = MatlabResize.Upscale(ramp, 2);

        // Output column X sits at input position (X + 0.5)/2 − 0.5, so its value is 10 times that.
        for (int x = 4; x < 28; x++)
        {
            Assert.Equal(PixelConversion.ToByte(10 * ((x + 0.5) / 2 - 0.5)), up.Plane(0)[x]);
        }
    }

    [Fact]
    public void Downscale_ImageSmallerThanFactor_ThrowsImageTooSmall()
    {
        Assert.Throws<ImageTooSmallException>(() => MatlabResize.Downscale(TestImages.Pattern(3, 40), 4));
    }

    [Fact]
    public void Resize_UnitRangeInput_IsRejected()
    {
        Image unit = TestImages.Pattern(8, 8).ToRange(PixelRange.Unit);

        Assert.Throws<ArgumentException>(() => MatlabResize.Upscale(unit, 2));
    }
}
