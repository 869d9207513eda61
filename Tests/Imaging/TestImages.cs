using RealtimeSR.Shared.Imaging;

namespace RealtimeSR.Tests.Imaging;

/// <summary>Small synthetic pictures for tests that must not depend on the shared data.</summary>
internal static class TestImages
{
    /// <summary>Every sample of every channel set to <paramref name="value"/> (range Byte).</summary>
    public static Image Constant(int width, int height, float value, bool singleChannel = false)
    {
        var image = new Image(width, height, PixelRange.Byte, singleChannel);
        image.Planes.AsSpan().Fill(value);
        return image;
    }

    /// <summary>A smooth colourful pattern with some texture, integral values in [0, 255].</summary>
    public static Image Pattern(int width, int height, int seed = 1)
    {
        var random = new Random(seed);
        var image = new Image(width, height, PixelRange.Byte);
        double phase = random.NextDouble() * Math.PI;
        for (int c = 0; c < Image.Channels; c++)
        {
            Span<float> plane = image.Plane(c);
            for (int y = 0; y < height; y++)
            {
                for (int x = 0; x < width; x++)
                {
                    double v = 128 + 80 * Math.Sin(x * 0.07 * (c + 1) + phase) * Math.Cos(y * 0.05 + c)
                               + 30 * Math.Sin((x + y) * 0.3);
                    plane[y * width + x] = PixelConversion.ToByte(v);
                }
            }
        }

        return image;
    }

    /// <summary>Uniform noise in [0, 255], integral.</summary>
    public static Image Noise(int width, int height, int seed)
    {
        var random = new Random(seed);
        var image = new Image(width, height, PixelRange.Byte);
        for (int i = 0; i < image.Planes.Length; i++)
        {
            image.Planes[i] = random.Next(256);
        }

        return image;
    }
}
