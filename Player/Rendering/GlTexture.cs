using Silk.NET.OpenGL;

namespace RealtimeSR.Player.Rendering;

/// <summary>
/// A 2D texture holding one picture in a <see cref="TextureLayout"/>, row 0 = the top of the picture. Sampled only
/// with <c>texelFetch</c> (exact texels; filtering is done in the shaders), so filters are nearest and edges clamp.
/// Uploads reuse the texture's storage and a scratch buffer, so they allocate nothing after the first.
/// </summary>
public sealed class GlTexture : IDisposable
{
    private readonly GL _gl;
    private uint _handle;
    private float[] _interleaved = [];

    /// <summary>Allocates an uninitialised <paramref name="width"/>×<paramref name="height"/> picture texture.</summary>
    /// <exception cref="GlException">The size exceeds the driver's maximum texture size.</exception>
    public GlTexture(GL gl, int width, int height, TextureLayout layout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        _gl = gl;
        Width = width;
        Height = height;
        Layout = layout;
        int storedHeight = layout == TextureLayout.PlanarFloat ? 3 * height : height;
        gl.GetInteger(GetPName.MaxTextureSize, out int maxSize);
        if (width > maxSize || storedHeight > maxSize)
        {
            throw new GlException(
                $"a {width}x{height} picture needs a {width}x{storedHeight} texture; this driver allows {maxSize}x{maxSize}");
        }

        _handle = gl.GenTexture();
        gl.BindTexture(TextureTarget.Texture2D, _handle);
        gl.TexParameter(TextureTarget.Texture2D, TextureParameterName.TextureMinFilter, (int)TextureMinFilter.Nearest);
        gl.TexParameter(TextureTarget.Texture2D, TextureParameterName.TextureMagFilter, (int)TextureMagFilter.Nearest);
        gl.TexParameter(TextureTarget.Texture2D, TextureParameterName.TextureWrapS, (int)TextureWrapMode.ClampToEdge);
        gl.TexParameter(TextureTarget.Texture2D, TextureParameterName.TextureWrapT, (int)TextureWrapMode.ClampToEdge);
        gl.TexParameter(TextureTarget.Texture2D, TextureParameterName.TextureMaxLevel, 0);
        var (internalFormat, format, type) = Formats(layout);
        gl.TexImage2D(TextureTarget.Texture2D, 0, internalFormat, (uint)width, (uint)storedHeight, 0, format, type,
            ReadOnlySpan<byte>.Empty);
    }

    /// <summary>Picture width in pixels.</summary>
    public int Width { get; }

    /// <summary>Picture height in pixels (the planar layout stores three times as many rows).</summary>
    public int Height { get; }

    public TextureLayout Layout { get; }

    public uint Handle => _handle != 0 ? _handle : throw new ObjectDisposedException(nameof(GlTexture));

    /// <summary>Uploads a CHW float RGB picture (values as given; [0, 1] expected), length 3 × width × height.</summary>
    public void UploadPlanar(ReadOnlySpan<float> chw)
    {
        int plane = Width * Height;
        if (chw.Length != 3 * plane)
        {
            throw new ArgumentException(
                $"{chw.Length} samples do not make a {Width}x{Height} CHW RGB picture ({3 * plane})", nameof(chw));
        }

        _gl.BindTexture(TextureTarget.Texture2D, Handle);
        _gl.PixelStore(PixelStoreParameter.UnpackAlignment, 4);
        switch (Layout)
        {
            case TextureLayout.PlanarFloat:
                _gl.TexSubImage2D(TextureTarget.Texture2D, 0, 0, 0, (uint)Width, (uint)(3 * Height),
                    PixelFormat.Red, PixelType.Float, chw);
                break;
            case TextureLayout.RgbFloat:
                if (_interleaved.Length != 3 * plane)
                {
                    _interleaved = new float[3 * plane];
                }

                ReadOnlySpan<float> r = chw[..plane];
                ReadOnlySpan<float> g = chw.Slice(plane, plane);
                ReadOnlySpan<float> b = chw.Slice(2 * plane, plane);
                Span<float> rgb = _interleaved;
                for (int i = 0, j = 0; i < plane; i++, j += 3)
                {
                    rgb[j] = r[i];
                    rgb[j + 1] = g[i];
                    rgb[j + 2] = b[i];
                }

                _gl.TexSubImage2D(TextureTarget.Texture2D, 0, 0, 0, (uint)Width, (uint)Height,
                    PixelFormat.Rgb, PixelType.Float, (ReadOnlySpan<float>)_interleaved);
                break;
            default:
                throw new InvalidOperationException($"a {Layout} texture is not uploaded from CHW floats");
        }
    }

    /// <summary>Uploads interleaved RGBA bytes (straight alpha), length 4 × width × height, row 0 at the top.</summary>
    public void UploadRgba(ReadOnlySpan<byte> rgba)
    {
        if (Layout != TextureLayout.Rgba8)
        {
            throw new InvalidOperationException($"a {Layout} texture takes CHW floats, not RGBA bytes");
        }

        if (rgba.Length != 4 * Width * Height)
        {
            throw new ArgumentException(
                $"{rgba.Length} bytes do not make a {Width}x{Height} RGBA picture ({4 * Width * Height})", nameof(rgba));
        }

        _gl.BindTexture(TextureTarget.Texture2D, Handle);
        _gl.PixelStore(PixelStoreParameter.UnpackAlignment, 4);
        _gl.TexSubImage2D(TextureTarget.Texture2D, 0, 0, 0, (uint)Width, (uint)Height,
            PixelFormat.Rgba, PixelType.UnsignedByte, rgba);
    }

    /// <summary>
    /// Reads the texture back as CHW planar floats (R, G and B planes of <see cref="Width"/> × the picture's height, in
    /// GL's row order: for a texture drawn into as a framebuffer, bottom row first). Allocates; for snapshots, not per frame.
    /// </summary>
    public float[] DownloadPlanar()
    {
        // A planar texture holds its three planes as stacked rows: one channel, three times the picture's height.
        int planes = Layout switch
        {
            TextureLayout.PlanarFloat => 3,
            TextureLayout.RgbFloat => 3,
            TextureLayout.RgbaFloat => 4,
            _ => throw new InvalidOperationException($"a {Layout} texture holds bytes, not float pictures"),
        };
        var texels = new float[planes * Width * Height];
        var (_, format, _) = Formats(Layout);
        _gl.BindTexture(TextureTarget.Texture2D, Handle);
        _gl.PixelStore(PixelStoreParameter.PackAlignment, 4);
        _gl.GetTexImage(TextureTarget.Texture2D, 0, format, PixelType.Float, texels.AsSpan());
        if (Layout == TextureLayout.PlanarFloat)
        {
            return texels; // already CHW
        }

        int plane = Width * Height;
        var chw = new float[3 * plane];
        for (int i = 0; i < plane; i++)
        {
            chw[i] = texels[planes * i];
            chw[plane + i] = texels[planes * i + 1];
            chw[2 * plane + i] = texels[planes * i + 2];
        }

        return chw;
    }

    /// <summary>Binds the texture to texture unit <paramref name="unit"/>.</summary>
    public void Bind(int unit)
    {
        _gl.ActiveTexture(TextureUnit.Texture0 + unit);
        _gl.BindTexture(TextureTarget.Texture2D, Handle);
    }

    public void Dispose()
    {
        if (_handle != 0)
        {
            _gl.DeleteTexture(_handle);
            _handle = 0;
        }
    }

    private static (InternalFormat Internal, PixelFormat Format, PixelType Type) Formats(TextureLayout layout) => layout switch
    {
        TextureLayout.PlanarFloat => (InternalFormat.R32f, PixelFormat.Red, PixelType.Float),
        TextureLayout.RgbFloat => (InternalFormat.Rgb32f, PixelFormat.Rgb, PixelType.Float),
        TextureLayout.RgbaFloat => (InternalFormat.Rgba32f, PixelFormat.Rgba, PixelType.Float),
        _ => (InternalFormat.Rgba8, PixelFormat.Rgba, PixelType.UnsignedByte),
    };
}
