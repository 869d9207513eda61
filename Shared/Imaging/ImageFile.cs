using RealtimeSR.Shared.Commands;
using RealtimeSR.Shared.IO;
using StbImageSharp;
using StbImageWriteSharp;

namespace RealtimeSR.Shared.Imaging;

/// <summary>Reads and writes PNG, BMP and JPEG files as <see cref="Image"/>s in <see cref="PixelRange.Byte"/>.</summary>
public static class ImageFile
{
    /// <summary>File name extensions (lower case, with the dot) that <see cref="Load"/> reads.</summary>
    public static readonly IReadOnlySet<string> ReadableExtensions =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".png", ".bmp", ".jpg", ".jpeg" };

    private const int JpegQuality = 95;

    /// <summary>True when <paramref name="path"/> has an extension this class reads.</summary>
    public static bool IsImagePath(string path) => ReadableExtensions.Contains(System.IO.Path.GetExtension(path));

    /// <summary>
    /// Loads an 8-bit (or 16-bit, reduced to 8) PNG, BMP or JPEG into a planar RGB image in [0, 255]. A grey
    /// file becomes R = G = B with <see cref="Image.IsSingleChannelSource"/> set; alpha is dropped.
    /// </summary>
    /// <exception cref="ImageFileException">The file is missing, unreadable or not a decodable image.</exception>
    public static Image Load(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ImageFileException(path, e is FileNotFoundException or DirectoryNotFoundException
                ? "file not found"
                : $"cannot read the file ({e.Message})", e);
        }

        return Decode(bytes, path);
    }

    /// <summary>Decodes an encoded image held in memory; <paramref name="name"/> is used in error messages.</summary>
    public static Image Decode(byte[] bytes, string name)
    {
        ImageResult decoded;
        try
        {
            decoded = ImageResult.FromMemory(bytes, StbImageSharp.ColorComponents.RedGreenBlue);
        }
        catch (Exception e)
        {
            // stb reports every decoding problem as a plain Exception carrying its own reason.
            throw new ImageFileException(name, $"not a readable PNG/BMP/JPEG image ({e.Message})", e);
        }

        if (decoded?.Data is null || decoded.Width < 1 || decoded.Height < 1)
        {
            throw new ImageFileException(name, "not a readable PNG/BMP/JPEG image");
        }

        bool grey = decoded.SourceComp is StbImageSharp.ColorComponents.Grey
            or StbImageSharp.ColorComponents.GreyAlpha;
        var image = new Image(decoded.Width, decoded.Height, PixelRange.Byte, grey);
        Deinterleave(decoded.Data, image);
        return image;
    }

    /// <summary>
    /// Writes <paramref name="image"/> as PNG, BMP or JPEG (chosen by the extension), quantised to 8 bits. A
    /// single-channel source is written as a grey file. The file appears complete or not at all: it is written
    /// under a temporary name and renamed.
    /// </summary>
    public static void Save(Image image, string path)
    {
        string extension = System.IO.Path.GetExtension(path).ToLowerInvariant();
        if (!ReadableExtensions.Contains(extension))
        {
            throw new UsageException($"{path}: unknown image type '{extension}' (use .png, .bmp, .jpg or .jpeg)");
        }

        Image bytes = image.ToRange(PixelRange.Byte);
        bool grey = image.IsSingleChannelSource;
        byte[] interleaved = Interleave(bytes, grey);
        var components = grey ? StbImageWriteSharp.ColorComponents.Grey : StbImageWriteSharp.ColorComponents.RedGreenBlue;

        try
        {
            AtomicFile.Write(path, temporary =>
            {
                using var stream = File.Create(temporary);
                var writer = new ImageWriter();
                switch (extension)
                {
                    case ".png":
                        writer.WritePng(interleaved, bytes.Width, bytes.Height, components, stream);
                        break;
                    case ".bmp":
                        writer.WriteBmp(interleaved, bytes.Width, bytes.Height, components, stream);
                        break;
                    default:
                        writer.WriteJpg(interleaved, bytes.Width, bytes.Height, components, stream, JpegQuality);
                        break;
                }
            });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ImageWriteException(path, e.Message, e);
        }
    }

    private static void Deinterleave(byte[] rgb, Image target)
    {
        Span<float> r = target.Plane(0);
        Span<float> g = target.Plane(1);
        Span<float> b = target.Plane(2);
        for (int i = 0, j = 0; i < r.Length; i++, j += 3)
        {
            r[i] = rgb[j];
            g[i] = rgb[j + 1];
            b[i] = rgb[j + 2];
        }
    }

    private static byte[] Interleave(Image image, bool grey)
    {
        ReadOnlySpan<float> r = image.ReadPlane(0);
        ReadOnlySpan<float> g = image.ReadPlane(1);
        ReadOnlySpan<float> b = image.ReadPlane(2);
        if (grey)
        {
            var values = new byte[r.Length];
            for (int i = 0; i < r.Length; i++)
            {
                values[i] = PixelConversion.ToByte(YCbCr.Grey(r[i], g[i], b[i]));
            }

            return values;
        }

        var rgb = new byte[r.Length * 3];
        for (int i = 0, j = 0; i < r.Length; i++, j += 3)
        {
            rgb[j] = PixelConversion.ToByte(r[i]);
            rgb[j + 1] = PixelConversion.ToByte(g[i]);
            rgb[j + 2] = PixelConversion.ToByte(b[i]);
        }

        return rgb;
    }
}
