using RealtimeSR.Shared.Imaging;

namespace RealtimeSR.Trainer.Data;

/// <summary>
/// Draws training pairs: a random picture, a random HR crop of <c>hrSize</c> (a multiple of the scale), one of the
/// 8 flips/rotations, and its MATLAB-bicubic LR. Every draw is a pure function of (seed, step, item).
/// </summary>
internal sealed class CropSampler
{
    private readonly TrainingImageSet _images;
    private readonly long _seed;

    public CropSampler(TrainingImageSet images, int hrSize, int scale, long seed)
    {
        if (hrSize % scale != 0 || hrSize < scale)
        {
            throw new ArgumentOutOfRangeException(nameof(hrSize), $"crop size {hrSize} must be a positive multiple of scale {scale}");
        }

        _images = images;
        HrSize = hrSize;
        Scale = scale;
        _seed = seed;
    }

    public int HrSize { get; }

    public int Scale { get; }

    public int LrSize => HrSize / Scale;

    /// <summary>Builds batch <paramref name="step"/> of <paramref name="count"/> pairs.</summary>
    public TrainingBatch Batch(long step, int count)
    {
        int hrPlane = HrSize * HrSize, lrPlane = LrSize * LrSize;
        var hr = new float[count * 3 * hrPlane];
        var lr = new float[count * 3 * lrPlane];
        for (int i = 0; i < count; i++)
        {
            var random = new StatelessRandom(_seed, step, i);
            Image picture = _images.Images[random.Next(0, _images.Images.Count)];
            int x = random.Next(1, picture.Width - HrSize + 1);
            int y = random.Next(2, picture.Height - HrSize + 1);
            Image crop = Dihedral(picture.Crop(x, y, HrSize, HrSize), random.Next(3, 8));
            Image small = MatlabResize.Downscale(crop, Scale);
            CopyUnit(crop, hr.AsSpan(i * 3 * hrPlane, 3 * hrPlane));
            CopyUnit(small, lr.AsSpan(i * 3 * lrPlane, 3 * lrPlane));
        }

        return new TrainingBatch(step, count, LrSize, Scale, lr, hr);
    }

    /// <summary>One of the 8 symmetries of the square: bit 0 flips horizontally, bit 1 vertically, bit 2 transposes.</summary>
    private static Image Dihedral(Image square, int transform)
    {
        if (transform == 0)
        {
            return square;
        }

        int n = square.Width;
        var result = new Image(n, n, square.Range, square.IsSingleChannelSource);
        for (int c = 0; c < Image.Channels; c++)
        {
            ReadOnlySpan<float> source = square.ReadPlane(c);
            Span<float> target = result.Plane(c);
            for (int y = 0; y < n; y++)
            {
                for (int x = 0; x < n; x++)
                {
                    int sx = (transform & 1) != 0 ? n - 1 - x : x;
                    int sy = (transform & 2) != 0 ? n - 1 - y : y;
                    if ((transform & 4) != 0)
                    {
                        (sx, sy) = (sy, sx);
                    }

                    target[y * n + x] = source[sy * n + sx];
                }
            }
        }

        return result;
    }

    private static void CopyUnit(Image image, Span<float> target)
    {
        ReadOnlySpan<float> source = image.Planes;
        for (int i = 0; i < source.Length; i++)
        {
            target[i] = source[i] / 255f;
        }
    }
}
