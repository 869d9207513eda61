using System.Globalization;
using System.Runtime.InteropServices;
using RealtimeSR.Shared.Imaging;

namespace RealtimeSR.Trainer.X264;

/// <summary>
/// A short clip through libx264 in this process, returning what a decoder would show: x264's own reconstruction
/// of each frame, which is the decoded picture (deblocked; every frame is a reference because there are no
/// B-frames, as in most cameras' streams). RGB goes to Y'CbCr 4:2:0 as ffmpeg does by default for these sizes
/// (BT.601, limited range, 2×2 chroma means) and back (chroma repeated over its 2×2 pixels). One encoder per clip,
/// one thread, CPU-independent algorithms: the result is a function of the frames and settings alone, on any
/// machine. In process because starting ffmpeg for every batch cost about as much CPU as training on it (media/README.md).
/// </summary>
internal static class X264RoundTrip
{
    /// <param name="frames">[0, 255] RGB frames of one even size, in display order; the first becomes an IDR frame.</param>
    /// <param name="crf">Constant rate factor, 0–51.</param>
    /// <param name="keyframeInterval">Frames from one IDR frame to the next.</param>
    /// <returns>The decoded frames, [0, 255] integral RGB, in display order.</returns>
    /// <exception cref="X264Exception">libx264 is missing or refused the settings or a frame.</exception>
    public static Image[] Run(IReadOnlyList<Image> frames, int crf, int keyframeInterval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(frames.Count, 1);
        int width = frames[0].Width, height = frames[0].Height;
        if (width % 2 != 0 || height % 2 != 0 || frames.Any(f => f.Width != width || f.Height != height || f.Range != PixelRange.Byte))
        {
            throw new ArgumentException($"frames must be [0, 255] and of one even size (first: {width}x{height})", nameof(frames));
        }

        X264Library x264 = X264Library.Instance;
        IntPtr param = Marshal.AllocHGlobal(X264Library.OpaqueBlockSize);
        IntPtr input = Marshal.AllocHGlobal(X264Library.OpaqueBlockSize);
        IntPtr output = Marshal.AllocHGlobal(X264Library.OpaqueBlockSize);
        IntPtr encoder = IntPtr.Zero;
        bool pictureAllocated = false;
        try
        {
            Clear(param);
            Clear(input);
            Clear(output);
            Check(x264.DefaultPreset(param, "medium", null), "preset medium");
            Set(x264, param, "log", "-1");
            Set(x264, param, "threads", "1");
            Set(x264, param, "lookahead-threads", "1");
            Set(x264, param, "cpu-independent", "1");
            SetSize(param, width, height);
            Set(x264, param, "fps", "25");
            Set(x264, param, "crf", crf.ToString(CultureInfo.InvariantCulture));
            Set(x264, param, "bframes", "0");
            Set(x264, param, "keyint", keyframeInterval.ToString(CultureInfo.InvariantCulture));
            Set(x264, param, "min-keyint", keyframeInterval.ToString(CultureInfo.InvariantCulture));
            Set(x264, param, "scenecut", "0");
            encoder = x264.Open(param);
            if (encoder == IntPtr.Zero)
            {
                throw new X264Exception($"could not open an encoder for {width}x{height} at CRF {crf}");
            }

            x264.PictureInit(input);
            Check(x264.PictureAlloc(input, X264Library.CspI420, width, height), "picture alloc");
            pictureAllocated = true;
            var decoded = new Image[frames.Count];
            for (int i = 0; i < frames.Count; i++)
            {
                WriteI420(frames[i], input);
                Marshal.WriteInt64(input, X264Library.PtsOffset, i);
                Collect(x264.Encode(encoder, out _, out _, input, output), output, decoded, width, height);
            }

            while (x264.DelayedFrames(encoder) > 0)
            {
                Collect(x264.Encode(encoder, out _, out _, IntPtr.Zero, output), output, decoded, width, height);
            }

            int missing = Array.IndexOf(decoded, null);
            return missing < 0 ? decoded : throw new X264Exception($"frame {missing} of {frames.Count} never came out of the encoder");
        }
        finally
        {
            if (pictureAllocated)
            {
                x264.PictureClean(input);
            }

            if (encoder != IntPtr.Zero)
            {
                x264.Close(encoder);
            }

            Marshal.FreeHGlobal(param);
            Marshal.FreeHGlobal(input);
            Marshal.FreeHGlobal(output);
        }
    }

    private static void Collect(int frameSize, IntPtr picture, Image?[] decoded, int width, int height)
    {
        Check(frameSize, "encode");
        if (frameSize == 0)
        {
            return; // still in the lookahead
        }

        long pts = Marshal.ReadInt64(picture, X264Library.PtsOffset);
        if (pts < 0 || pts >= decoded.Length || decoded[pts] is not null)
        {
            throw new X264Exception($"the encoder returned frame {pts}, which was not expected");
        }

        decoded[pts] = ReadReconstruction(picture, width, height);
    }

    /// <summary>Writes <paramref name="frame"/> into the I420 planes x264_picture_alloc made.</summary>
    private static void WriteI420(Image frame, IntPtr picture)
    {
        int width = frame.Width, height = frame.Height, cw = width / 2;
        YCbCrPlanes yuv = YCbCr.FromRgb(frame, ColorMatrix.Bt601, ColorRange.Limited);
        var row = new byte[width];
        IntPtr luma = Marshal.ReadIntPtr(picture, X264Library.PlaneOffset);
        int lumaStride = Marshal.ReadInt32(picture, X264Library.StrideOffset);
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                row[x] = PixelConversion.ToByte(yuv.Y[y * width + x]);
            }

            Marshal.Copy(row, 0, luma + y * lumaStride, width);
        }

        for (int c = 0; c < 2; c++)
        {
            float[] plane = c == 0 ? yuv.Cb : yuv.Cr;
            IntPtr target = Marshal.ReadIntPtr(picture, X264Library.PlaneOffset + 8 * (1 + c));
            int stride = Marshal.ReadInt32(picture, X264Library.StrideOffset + 4 * (1 + c));
            for (int y = 0; y < height / 2; y++)
            {
                for (int x = 0; x < cw; x++)
                {
                    int i = 2 * y * width + 2 * x;
                    row[x] = PixelConversion.ToByte((plane[i] + plane[i + 1] + plane[i + width] + plane[i + width + 1]) / 4.0);
                }

                Marshal.Copy(row, 0, target + y * stride, cw);
            }
        }
    }

    /// <summary>The reconstructed frame an output picture points at (NV12 inside x264, I420 in older builds) as RGB.</summary>
    private static Image ReadReconstruction(IntPtr picture, int width, int height)
    {
        int csp = Marshal.ReadInt32(picture, X264Library.CspOffset) & X264Library.CspMask;
        if (csp is not (X264Library.CspNv12 or X264Library.CspI420))
        {
            throw new X264Exception($"reconstructed frames in colour space {csp}, which this binding does not read");
        }

        int n = width * height;
        var y = new float[n];
        var cb = new float[n];
        var cr = new float[n];
        var row = new byte[width];
        IntPtr luma = Marshal.ReadIntPtr(picture, X264Library.PlaneOffset);
        int lumaStride = Marshal.ReadInt32(picture, X264Library.StrideOffset);
        for (int r = 0; r < height; r++)
        {
            Marshal.Copy(luma + r * lumaStride, row, 0, width);
            for (int x = 0; x < width; x++)
            {
                y[r * width + x] = row[x];
            }
        }

        IntPtr first = Marshal.ReadIntPtr(picture, X264Library.PlaneOffset + 8);
        int firstStride = Marshal.ReadInt32(picture, X264Library.StrideOffset + 4);
        IntPtr second = Marshal.ReadIntPtr(picture, X264Library.PlaneOffset + 16);
        int secondStride = Marshal.ReadInt32(picture, X264Library.StrideOffset + 8);
        var cbRow = new byte[width];
        var crRow = new byte[width];
        for (int r = 0; r < height / 2; r++)
        {
            if (csp == X264Library.CspNv12)
            {
                Marshal.Copy(first + r * firstStride, row, 0, width); // Cb, Cr interleaved
                for (int x = 0; x < width / 2; x++)
                {
                    cbRow[x] = row[2 * x];
                    crRow[x] = row[2 * x + 1];
                }
            }
            else
            {
                Marshal.Copy(first + r * firstStride, cbRow, 0, width / 2);
                Marshal.Copy(second + r * secondStride, crRow, 0, width / 2);
            }

            for (int dy = 0; dy < 2; dy++)
            {
                for (int x = 0; x < width; x++)
                {
                    int i = (2 * r + dy) * width + x;
                    cb[i] = cbRow[x / 2];
                    cr[i] = crRow[x / 2];
                }
            }
        }

        return YCbCr.ToRgb(new YCbCrPlanes(width, height, y, cb, cr, ColorMatrix.Bt601, ColorRange.Limited)).Quantised();
    }

    /// <summary>
    /// The frame size, which x264_param_parse does not take: <c>i_width</c>, <c>i_height</c> follow seven 32-bit
    /// fields at the start of <c>x264_param_t</c>, then <c>i_csp</c>, which the preset leaves at I420 (checked,
    /// so a library with another layout fails here rather than encoding garbage).
    /// </summary>
    private static void SetSize(IntPtr param, int width, int height)
    {
        if (Marshal.ReadInt32(param, X264Library.ParamCspOffset) != X264Library.CspI420)
        {
            throw new X264Exception($"build {X264Library.Instance.Build}'s parameter block is laid out differently from what this binding expects");
        }

        Marshal.WriteInt32(param, X264Library.ParamWidthOffset, width);
        Marshal.WriteInt32(param, X264Library.ParamHeightOffset, height);
    }

    private static void Clear(IntPtr block) => Marshal.Copy(new byte[X264Library.OpaqueBlockSize], 0, block, X264Library.OpaqueBlockSize);

    private static void Set(X264Library x264, IntPtr param, string name, string value) =>
        Check(x264.Parse(param, name, value), $"{name}={value}");

    private static void Check(int status, string what)
    {
        if (status < 0)
        {
            throw new X264Exception($"{what} failed (status {status})");
        }
    }
}
