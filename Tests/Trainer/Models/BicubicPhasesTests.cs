using RealtimeSR.Shared.Imaging;
using RealtimeSR.Tests.Imaging;
using RealtimeSR.Trainer.Models;
using static TorchSharp.torch;

namespace RealtimeSR.Tests.Trainer.Models;

[Collection(TorchRandomCollection.Name)]
public class BicubicPhasesTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void PixelShuffledPhases_AnyPicture_EqualMatlabUpscaleUpToItsRounding(int scale)
    {
        // MATLAB rounds to 8 bits between its two passes and at the end; the fixed conv does not, so they may
        // differ by about one level, never more, borders included. Mid-range noise keeps the cubic's overshoot
        // inside [0, 255], where MATLAB would also clip.
        Image lr = TestImages.Noise(9, 6, seed: scale);
        for (int i = 0; i < lr.Planes.Length; i++)
        {
            lr.Planes[i] = 64 + lr.Planes[i] / 2;
        }

        Image matlab = MatlabResize.Upscale(lr, scale);
        using var phases = new BicubicPhases(3, scale);
        using var scope = NewDisposeScope();

        Tensor input = tensor(lr.Planes, [1, 3, 6, 9]);
        float[] ours = nn.functional.pixel_shuffle(phases.forward(input), scale).data<float>().ToArray();

        Assert.Equal(matlab.Planes.Length, ours.Length);
        double worst = matlab.Planes.Zip(ours, (m, o) => Math.Abs(m - o)).Max();
        Assert.InRange(worst, 0, 1.2);
    }

    [Fact]
    public void LumaPath_IdentityLikeCore_KeepsBicubicChromaAndCoreLuma()
    {
        manual_seed(5);
        using var core = new RealtimeCore(4, 1, 2);
        using var path = new LumaPath(core, 2);
        using var colour = new BicubicPhases(3, 2);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        Tensor input = rand(1, 3, 8, 8);

        Tensor output = path.forward(input);
        Tensor coreLuma = core.forward(path.Luma(input));
        Tensor bicubic = nn.functional.pixel_shuffle(colour.forward(input), 2);

        Assert.True(path.Luma(output).allclose(coreLuma, rtol: 0, atol: 1e-5));
        // Chroma difference signals (B − Y', R − Y' with full-range weights) are those of the bicubic picture.
        Tensor fullRangeLuma = tensor(new[] { 0.299f, 0.587f, 0.114f }).reshape(1, 3, 1, 1);
        Tensor ChromaB(Tensor rgb) => rgb[.., 2].sub(rgb.mul(fullRangeLuma).sum(1));
        Assert.True(ChromaB(output).allclose(ChromaB(bicubic), rtol: 0, atol: 1e-5));
    }
}
