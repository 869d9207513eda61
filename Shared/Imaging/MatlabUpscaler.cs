namespace RealtimeSR.Shared.Imaging;

/// <summary>
/// <see cref="MatlabResize.Upscale"/> for a stream of same-sized pictures: the weights and scratch buffers are made
/// once, so upscaling a frame allocates nothing (the player's and bench's bicubic baseline runs per video frame).
/// Pixels are planar RGB in [0, 255]; results equal <see cref="MatlabResize.Upscale"/> exactly. One thread at a time.
/// </summary>
public sealed class MatlabUpscaler
{
    private readonly ResizeWeights _rows;
    private readonly ResizeWeights _columns;
    private readonly float[] _intermediate;
    private readonly double[] _accumulator;

    public MatlabUpscaler(int width, int height, int factor)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(factor, 1);
        Width = width;
        Height = height;
        Factor = factor;
        _rows = ResizeWeights.For(height, height * factor, factor);
        _columns = ResizeWeights.For(width, width * factor, factor);
        _intermediate = new float[width * height * factor];
        _accumulator = new double[width];
    }

    public int Width { get; }

    public int Height { get; }

    public int Factor { get; }

    /// <param name="source">3 planes of Width × Height, [0, 255].</param>
    /// <param name="target">3 planes of (Width·Factor) × (Height·Factor), [0, 255] (whole numbers).</param>
    public void Upscale(ReadOnlySpan<float> source, Span<float> target)
    {
        int planes = Image.Channels;
        if (source.Length != planes * Width * Height || target.Length != planes * Width * Height * Factor * Factor)
        {
            throw new ArgumentException($"expected {Width}x{Height} in and {Width * Factor}x{Height * Factor} out, 3 planes each");
        }

        MatlabResize.ResizePlanes(source, Width, _rows, _columns, _intermediate, _accumulator, target);
    }
}
