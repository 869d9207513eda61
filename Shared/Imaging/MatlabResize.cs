namespace RealtimeSR.Shared.Imaging;

/// <summary>
/// MATLAB's <c>imresize(im, scale, 'bicubic')</c> on 8-bit images: the Keys cubic (a = −0.5), widened by 1/scale
/// and scaled down when shrinking (antialiasing). The details below are what make the output equal MATLAB's,
/// pixel for pixel, on the published benchmark LR images (measured on all 57 Set5/Set14 ×2/×3/×4 pairs):
/// rows (height) are resized before columns, the intermediate is rounded to 8 bits half away from zero, and
/// taps outside the image take the edge pixel.
/// </summary>
public static class MatlabResize
{
    /// <summary>
    /// Resizes by <paramref name="scale"/> (&lt; 1 shrinks) to ceil(size × scale), as MATLAB does. The input must be
    /// in <see cref="PixelRange.Byte"/>; the output is in [0, 255] and integral, like MATLAB's uint8 result.
    /// </summary>
    public static Image Resize(Image image, double scale)
    {
        if (!(scale > 0) || double.IsInfinity(scale))
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "scale must be a positive number");
        }

        // MATLAB computes the output size as ceil(size * scale); the tiny epsilon keeps 1/3 * 3 at 1.
        int width = (int)Math.Ceiling(image.Width * scale - 1e-9);
        int height = (int)Math.Ceiling(image.Height * scale - 1e-9);
        return Resize(image, width, height, scale, scale);
    }

    /// <summary>Resizes to <paramref name="width"/>×<paramref name="height"/>, each axis scaled by its own ratio.</summary>
    public static Image ResizeTo(Image image, int width, int height) =>
        Resize(image, width, height, (double)width / image.Width, (double)height / image.Height);

    /// <summary>Downscales by an integer factor, after the benchmark's mod-crop so that LR × factor = HR exactly.</summary>
    public static Image Downscale(Image hr, int factor)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(factor, 1);
        Image cropped = hr.CropToMultipleOf(factor);
        return Resize(cropped, cropped.Width / factor, cropped.Height / factor, 1.0 / factor, 1.0 / factor);
    }

    /// <summary>Upscales by an integer factor with the same kernel (no antialiasing is involved when growing).</summary>
    public static Image Upscale(Image lr, int factor)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(factor, 1);
        return Resize(lr, lr.Width * factor, lr.Height * factor, factor, factor);
    }

    private static Image Resize(Image image, int width, int height, double scaleX, double scaleY)
    {
        if (image.Range != PixelRange.Byte)
        {
            throw new ArgumentException("MATLAB-style resize works on [0, 255] images", nameof(image));
        }

        if (width < 1 || height < 1)
        {
            throw new ImageTooSmallException(image.Width, image.Height,
                (int)Math.Ceiling(1 / scaleX), (int)Math.Ceiling(1 / scaleY), $"a resize by {scaleX:0.###}");
        }

        ResizeWeights rows = ResizeWeights.For(image.Height, height, scaleY);
        ResizeWeights columns = ResizeWeights.For(image.Width, width, scaleX);

        var result = new Image(width, height, PixelRange.Byte, image.IsSingleChannelSource);
        ResizePlanes(image.Planes, image.Width, rows, columns, new float[image.Width * height], new double[image.Width], result.Planes);
        return result;
    }

    /// <summary>
    /// Resizes the <see cref="Image.Channels"/> planes of <paramref name="source"/> (planar, [0, 255], width
    /// <paramref name="sourceWidth"/>) into <paramref name="target"/>: rows first, the intermediate rounded to 8 bits.
    /// The caller owns the scratch buffers (intermediate: sourceWidth × output height; accumulator: sourceWidth),
    /// so a caller that resizes one size over and over (<see cref="MatlabUpscaler"/>) allocates nothing.
    /// </summary>
    internal static void ResizePlanes(
        ReadOnlySpan<float> source, int sourceWidth, ResizeWeights rows, ResizeWeights columns,
        Span<float> intermediate, Span<double> accumulator, Span<float> target)
    {
        int sourcePlane = sourceWidth * rows.InputLength;
        int targetPlane = columns.OutputLength * rows.OutputLength;
        for (int c = 0; c < Image.Channels; c++)
        {
            ResizeColumnsOfPixels(source.Slice(c * sourcePlane, sourcePlane), sourceWidth, rows, accumulator, intermediate);
            ResizeRowsOfPixels(intermediate, sourceWidth, rows.OutputLength, columns, target.Slice(c * targetPlane, targetPlane));
        }
    }

    /// <summary>The vertical pass: each output row is a weighted sum of input rows, rounded to 8 bits.</summary>
    private static void ResizeColumnsOfPixels(
        ReadOnlySpan<float> source, int width, ResizeWeights rows, Span<double> accumulator, Span<float> target)
    {
        for (int outRow = 0; outRow < rows.OutputLength; outRow++)
        {
            accumulator.Clear();
            for (int t = 0; t < rows.TapCount; t++)
            {
                double weight = rows.Weight(outRow, t);
                ReadOnlySpan<float> inRow = source.Slice(rows.Index(outRow, t) * width, width);
                for (int x = 0; x < width; x++)
                {
                    accumulator[x] += weight * inRow[x];
                }
            }

            Span<float> outPixels = target.Slice(outRow * width, width);
            for (int x = 0; x < width; x++)
            {
                outPixels[x] = PixelConversion.ToByte(accumulator[x]);
            }
        }
    }

    /// <summary>The horizontal pass: each output column is a weighted sum of input columns, rounded to 8 bits.</summary>
    private static void ResizeRowsOfPixels(
        ReadOnlySpan<float> source, int sourceWidth, int height, ResizeWeights columns, Span<float> target)
    {
        int width = columns.OutputLength;
        for (int y = 0; y < height; y++)
        {
            ReadOnlySpan<float> inRow = source.Slice(y * sourceWidth, sourceWidth);
            Span<float> outRow = target.Slice(y * width, width);
            for (int x = 0; x < width; x++)
            {
                double acc = 0;
                for (int t = 0; t < columns.TapCount; t++)
                {
                    acc += columns.Weight(x, t) * inRow[columns.Index(x, t)];
                }

                outRow[x] = PixelConversion.ToByte(acc);
            }
        }
    }
}
