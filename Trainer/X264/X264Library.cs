using System.Runtime.InteropServices;

namespace RealtimeSR.Trainer.X264;

/// <summary>
/// The few libx264 entry points the trainer calls, found at run time: the library is the one ffmpeg itself uses
/// (Debian's <c>libx264-164</c>, installed with ffmpeg), whose file name and <c>x264_encoder_open_BUILD</c> symbol
/// carry the build number. <c>x264_param_t</c> is an opaque block set through <c>x264_param_parse</c> by option
/// name except for the frame size at its stable head; of <c>x264_picture_t</c> only the stable head is laid out here.
/// </summary>
internal sealed class X264Library
{
    /// <summary>Bytes reserved for an <c>x264_param_t</c> (about 1 KB in build 164) or an <c>x264_picture_t</c> (240 bytes).</summary>
    public const int OpaqueBlockSize = 16 * 1024;

    // x264_picture_t: int i_type, i_qpplus1, i_pic_struct, b_keyframe; int64 i_pts, i_dts; x264_param_t *param;
    // x264_image_t img { int i_csp; int i_plane; int i_stride[4]; uint8_t *plane[4]; } ...
    public const int PtsOffset = 16;
    public const int CspOffset = 40;
    public const int PlaneCountOffset = 44;
    public const int StrideOffset = 48;
    public const int PlaneOffset = 64;

    // x264_param_t: uint32 cpu; int i_threads, i_lookahead_threads, b_sliced_threads, b_deterministic,
    // b_cpu_independent, i_sync_lookahead; int i_width, i_height, i_csp; ...
    public const int ParamWidthOffset = 28;
    public const int ParamHeightOffset = 32;
    public const int ParamCspOffset = 36;

    public const int CspI420 = 0x0002;
    public const int CspNv12 = 0x0004;
    public const int CspMask = 0x00ff;

    private static readonly Lazy<X264Library> Shared = new(Load);

    private X264Library(IntPtr handle, int build)
    {
        Build = build;
        DefaultPreset = Export<ParamDefaultPresetFn>(handle, "x264_param_default_preset");
        Parse = Export<ParamParseFn>(handle, "x264_param_parse");
        Open = Export<EncoderOpenFn>(handle, $"x264_encoder_open_{build}");
        Close = Export<EncoderCloseFn>(handle, "x264_encoder_close");
        Encode = Export<EncoderEncodeFn>(handle, "x264_encoder_encode");
        DelayedFrames = Export<EncoderDelayedFramesFn>(handle, "x264_encoder_delayed_frames");
        PictureInit = Export<PictureInitFn>(handle, "x264_picture_init");
        PictureAlloc = Export<PictureAllocFn>(handle, "x264_picture_alloc");
        PictureClean = Export<PictureCleanFn>(handle, "x264_picture_clean");
    }

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate int ParamDefaultPresetFn(IntPtr param, [MarshalAs(UnmanagedType.LPUTF8Str)] string preset, [MarshalAs(UnmanagedType.LPUTF8Str)] string? tune);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate int ParamParseFn(IntPtr param, [MarshalAs(UnmanagedType.LPUTF8Str)] string name, [MarshalAs(UnmanagedType.LPUTF8Str)] string value);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate IntPtr EncoderOpenFn(IntPtr param);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate void EncoderCloseFn(IntPtr encoder);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate int EncoderEncodeFn(IntPtr encoder, out IntPtr nals, out int nalCount, IntPtr pictureIn, IntPtr pictureOut);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate int EncoderDelayedFramesFn(IntPtr encoder);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate void PictureInitFn(IntPtr picture);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate int PictureAllocFn(IntPtr picture, int csp, int width, int height);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate void PictureCleanFn(IntPtr picture);

    /// <summary>The <c>X264_BUILD</c> of the loaded library.</summary>
    public int Build { get; }

    public ParamDefaultPresetFn DefaultPreset { get; }

    public ParamParseFn Parse { get; }

    public EncoderOpenFn Open { get; }

    public EncoderCloseFn Close { get; }

    public EncoderEncodeFn Encode { get; }

    public EncoderDelayedFramesFn DelayedFrames { get; }

    public PictureInitFn PictureInit { get; }

    public PictureAllocFn PictureAlloc { get; }

    public PictureCleanFn PictureClean { get; }

    /// <summary>The process's libx264, loaded on first use.</summary>
    /// <exception cref="X264Exception">No libx264 with a known build was found.</exception>
    public static X264Library Instance => Shared.Value;

    private static X264Library Load()
    {
        // Builds 148 (2016) onwards share the picture layout above; ffmpeg 4–7 link one of them.
        for (int build = 170; build >= 148; build--)
        {
            foreach (string name in new[] { $"libx264.so.{build}", $"libx264-{build}.dll", $"libx264.{build}.dylib" })
            {
                if (NativeLibrary.TryLoad(name, out IntPtr handle))
                {
                    return new X264Library(handle, build);
                }
            }
        }

        if (NativeLibrary.TryLoad("libx264", out IntPtr any))
        {
            for (int build = 170; build >= 148; build--)
            {
                if (NativeLibrary.TryGetExport(any, $"x264_encoder_open_{build}", out _))
                {
                    return new X264Library(any, build);
                }
            }
        }

        throw new X264Exception("not found (Debian: apt-get install libx264-164, which ffmpeg also needs); --degrade's H.264 step encodes with it");
    }

    private static T Export<T>(IntPtr handle, string name)
        where T : Delegate
    {
        if (!NativeLibrary.TryGetExport(handle, name, out IntPtr address))
        {
            throw new X264Exception($"the library has no {name}");
        }

        return Marshal.GetDelegateForFunctionPointer<T>(address);
    }
}
