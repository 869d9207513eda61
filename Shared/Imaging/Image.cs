namespace RealtimeSR.Shared.Imaging;

/// <summary>
/// An RGB picture stored planar (CHW: all R, then all G, then all B; rows top to bottom) as float32, with the
/// meaning of the values given by <see cref="Range"/>. A picture whose file had a single grey channel is held
/// as R = G = B and says so in <see cref="IsSingleChannelSource"/>, because the benchmark metrics score such
/// pictures on their own grey values rather than through the luma formula.
/// </summary>
public sealed class Image
{
    /// <summary>Always three planes: R, G, B.</summary>
    public const int Channels = 3;

    public Image(int width, int height, PixelRange range, bool isSingleChannelSource = false)
        : this(width, height, range, new float[checked(Channels * width * height)], isSingleChannelSource)
    {
    }

    /// <summary>Wraps <paramref name="planes"/> (CHW, length 3 × width × height) without copying.</summary>
    public Image(int width, int height, PixelRange range, float[] planes, bool isSingleChannelSource = false)
    {
        if (width < 1 || height < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"image size {width}x{height} must be at least 1x1");
        }

        if (planes.Length != Channels * width * height)
        {
            throw new ArgumentException(
                $"{planes.Length} samples do not make a {width}x{height} RGB image ({Channels * width * height})",
                nameof(planes));
        }

        Width = width;
        Height = height;
        Range = range;
        Planes = planes;
        IsSingleChannelSource = isSingleChannelSource;
    }

    public int Width { get; }

    public int Height { get; }

    public PixelRange Range { get; }

    /// <summary>CHW float samples, length 3 × <see cref="Width"/> × <see cref="Height"/>.</summary>
    public float[] Planes { get; }

    /// <summary>True when the source file stored one grey channel (R = G = B here).</summary>
    public bool IsSingleChannelSource { get; }

    public int PlaneLength => Width * Height;

    /// <summary>One colour plane (0 = R, 1 = G, 2 = B), row-major.</summary>
    public Span<float> Plane(int channel) => Planes.AsSpan(channel * PlaneLength, PlaneLength);

    /// <summary>One colour plane (0 = R, 1 = G, 2 = B), row-major, read-only.</summary>
    public ReadOnlySpan<float> ReadPlane(int channel) => Planes.AsSpan(channel * PlaneLength, PlaneLength);

    /// <summary>A copy holding the rectangle at (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public Image Crop(int x, int y, int width, int height)
    {
        if (x < 0 || y < 0 || width < 1 || height < 1 || x + width > Width || y + height > Height)
        {
            throw new ArgumentOutOfRangeException(
                nameof(width), $"crop {width}x{height}+{x}+{y} does not fit in a {Width}x{Height} image");
        }

        var result = new Image(width, height, Range, IsSingleChannelSource);
        for (int c = 0; c < Channels; c++)
        {
            ReadOnlySpan<float> source = ReadPlane(c);
            Span<float> target = result.Plane(c);
            for (int row = 0; row < height; row++)
            {
                source.Slice((y + row) * Width + x, width).CopyTo(target.Slice(row * width, width));
            }
        }

        return result;
    }

    /// <summary>
    /// The top-left part whose sides are multiples of <paramref name="multiple"/> (the SR protocol's mod-crop,
    /// so that LR × scale = HR exactly).
    /// </summary>
    public Image CropToMultipleOf(int multiple)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(multiple, 1);
        int width = Width - Width % multiple;
        int height = Height - Height % multiple;
        if (width == 0 || height == 0)
        {
            throw new ImageTooSmallException(Width, Height, multiple, multiple);
        }

        return width == Width && height == Height ? this : Crop(0, 0, width, height);
    }

    /// <summary>
    /// The same picture in <paramref name="range"/>. Going to <see cref="PixelRange.Byte"/> quantises: values
    /// are scaled, rounded half away from zero and clamped to [0, 255], as saving to an 8-bit file would.
    /// </summary>
    public Image ToRange(PixelRange range)
    {
        if (range == Range)
        {
            return this;
        }

        var result = new Image(Width, Height, range, IsSingleChannelSource);
        if (range == PixelRange.Unit)
        {
            PixelConversion.ByteScaleToUnit(Planes, result.Planes);
        }
        else
        {
            PixelConversion.UnitToByteScale(Planes, result.Planes);
        }

        return result;
    }

    /// <summary>A copy of the samples rounded to [0, 255] integers (only meaningful for <see cref="PixelRange.Byte"/>).</summary>
    public Image Quantised()
    {
        if (Range != PixelRange.Byte)
        {
            return ToRange(PixelRange.Byte);
        }

        var result = new Image(Width, Height, Range, IsSingleChannelSource);
        for (int i = 0; i < Planes.Length; i++)
        {
            result.Planes[i] = PixelConversion.ToByte(Planes[i]);
        }

        return result;
    }
}
