using RealtimeSR.Player.Commands;
using RealtimeSR.Shared.Video;
using RealtimeSR.Tests.Imaging;
using RealtimeSR.Tests.Video;

namespace RealtimeSR.Tests.Player.Commands;

/// <summary>Without --model, a heavily compressed video gets the camera-degradation model and anything else realtime ×4.</summary>
public sealed class DefaultModelTests
{
    [Fact]
    public void DefaultModelPath_ChoosesByTheSourcesBitsPerPixel()
    {
        using var temp = new TempFolder();
        VideoInfo squeezed = VideoProbe.Probe(TestClips.Make(temp.File("20k.mp4"), 160, 120, frames: 60,
            codecArgs: "-c:v libx264 -preset ultrafast -b:v 20k -maxrate 20k -bufsize 40k -pix_fmt yuv420p"));
        VideoInfo generous = VideoProbe.Probe(TestClips.Make(temp.File("crf10.mp4"), 160, 120, frames: 60,
            codecArgs: "-c:v libx264 -preset ultrafast -crf 10 -pix_fmt yuv420p"));

        Assert.True(squeezed.BitsPerPixel < ModelOptions.CompressedBitsPerPixel, $"20 kbit/s clip at {squeezed.BitsPerPixel} bits/pixel");
        Assert.True(generous.BitsPerPixel > ModelOptions.CompressedBitsPerPixel, $"CRF 10 clip at {generous.BitsPerPixel} bits/pixel");
        Assert.Equal(BundledMedia.File(BundledMedia.CompressedVideoModel), ModelOptions.DefaultModelPath(squeezed));
        Assert.Equal(BundledMedia.File(BundledMedia.DefaultModel), ModelOptions.DefaultModelPath(generous));
        Assert.Equal(BundledMedia.File(BundledMedia.DefaultModel), ModelOptions.DefaultModelPath());
        Assert.True(File.Exists(ModelOptions.DefaultModelPath(squeezed)), "the compressed-video model ships in media/models");
    }
}
