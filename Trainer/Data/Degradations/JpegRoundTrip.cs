using RealtimeSR.Shared.Imaging;
using StbImageSharp;
using StbImageWriteSharp;

namespace RealtimeSR.Trainer.Data.Degradations;

/// <summary>Saves a [0, 255] image as a baseline JPEG at a quality and decodes it again (8×8 blocks, chroma 4:2:0 below quality 91).</summary>
internal static class JpegRoundTrip
{
    public static Image Apply(Image image, int quality)
    {
        int width = image.Width, height = image.Height, n = image.PlaneLength;
        var rgb = new byte[3 * n];
        for (int c = 0; c < Image.Channels; c++)
        {
            ReadOnlySpan<float> plane = image.ReadPlane(c);
            for (int i = 0; i < n; i++)
            {
                rgb[3 * i + c] = PixelConversion.ToByte(plane[i]);
            }
        }

        using var encoded = new MemoryStream();
        new ImageWriter().WriteJpg(rgb, width, height, StbImageWriteSharp.ColorComponents.RedGreenBlue, encoded, quality);
        ImageResult decoded = ImageResult.FromMemory(encoded.ToArray(), StbImageSharp.ColorComponents.RedGreenBlue);
        var result = new Image(width, height, PixelRange.Byte, image.IsSingleChannelSource);
        for (int c = 0; c < Image.Channels; c++)
        {
            Span<float> plane = result.Plane(c);
            for (int i = 0; i < n; i++)
            {
                plane[i] = decoded.Data[3 * i + c];
            }
        }

        return result;
    }
}
