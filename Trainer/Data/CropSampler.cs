using RealtimeSR.Shared.Imaging;
using RealtimeSR.Trainer.Data.Degradations;
using RealtimeSR.Trainer.X264;

namespace RealtimeSR.Trainer.Data;

/// <summary>
/// Draws training pairs: a random picture, a random HR crop of <c>hrSize</c> (a multiple of the scale), one of the
/// 8 flips/rotations, and its MATLAB-bicubic LR, or with <see cref="DegradationOptions"/> an LR that went through
/// a camera's degradations (<see cref="Degrader"/>) and, for most items, H.264. Every draw is a pure function of
/// (seed, step, item).
/// </summary>
internal sealed class CropSampler
{
    private readonly TrainingImageSet _images;
    private readonly long _seed;
    private readonly Degrader? _degrader;

    public CropSampler(TrainingImageSet images, int hrSize, int scale, long seed, DegradationOptions? degradations = null)
    {
        if (hrSize % scale != 0 || hrSize < scale)
        {
            throw new ArgumentOutOfRangeException(nameof(hrSize), $"crop size {hrSize} must be a positive multiple of scale {scale}");
        }

        _images = images;
        HrSize = hrSize;
        Scale = scale;
        _seed = seed;
        _degrader = degradations is null ? null : new Degrader(degradations, hrSize, scale);
    }

    /// <summary>Side of the square each item is cut from: the crop, plus room for a degraded clip's motion.</summary>
    public int RegionSize => _degrader?.RegionSize ?? HrSize;

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
            int x = random.Next(1, picture.Width - RegionSize + 1);
            int y = random.Next(2, picture.Height - RegionSize + 1);
            Image region = Dihedral(picture.Crop(x, y, RegionSize, RegionSize), random.Next(3, 8));
            Image crop = _degrader?.TargetCrop(region) ?? region;
            Image input = _degrader is null ? MatlabResize.Downscale(crop, Scale) : Input(_degrader.Degrade(region, random));
            PixelConversion.ByteScaleToUnit(crop.Planes, hr.AsSpan(i * 3 * hrPlane, 3 * hrPlane));
            PixelConversion.ByteScaleToUnit(input.Planes, lr.AsSpan(i * 3 * lrPlane, 3 * lrPlane));
        }

        return new TrainingBatch(step, count, LrSize, Scale, lr, hr);
    }

    /// <summary>The network input of a degraded item: its target frame, after libx264 when its clip goes through it.</summary>
    private static Image Input(DegradedClip clip) =>
        clip.Crf is { } crf ? X264RoundTrip.Run(clip.Frames, crf, clip.Frames.Length)[clip.Target] : clip.TargetFrame;

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
}
