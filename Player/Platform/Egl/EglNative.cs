using System.Runtime.InteropServices;

namespace RealtimeSR.Player.Platform.Egl;

/// <summary>The EGL 1.5 calls used for headless GL (libEGL.so.1; Mesa through glvnd on Debian).</summary>
internal static class EglNative
{
    public const int None = 0x3038;
    public const int Success = 0x3000;
    public const int SurfaceType = 0x3033;
    public const int PbufferBit = 0x0001;
    public const int RenderableType = 0x3040;
    public const int OpenGlBit = 0x0008;
    public const int RedSize = 0x3024;
    public const int GreenSize = 0x3023;
    public const int BlueSize = 0x3022;
    public const int OpenGlApi = 0x30A2;
    public const int ContextMajorVersion = 0x3098;
    public const int ContextMinorVersion = 0x30FB;
    public const int ContextOpenGlProfileMask = 0x30FD;
    public const int ContextOpenGlCoreProfileBit = 0x0001;
    public const int Vendor = 0x3053;
    public const int Version = 0x3054;
    public const int Extensions = 0x3055;

    /// <summary>EGL_PLATFORM_SURFACELESS_MESA: a display with no window system at all.</summary>
    public const int PlatformSurfacelessMesa = 0x31DD;

    private const string Lib = NativeLibraryResolver.Egl;

    [DllImport(Lib)]
    public static extern IntPtr eglGetPlatformDisplay(int platform, IntPtr nativeDisplay, IntPtr[] attributes);

    [DllImport(Lib)]
    public static extern IntPtr eglGetDisplay(IntPtr nativeDisplay);

    [DllImport(Lib)]
    public static extern int eglInitialize(IntPtr display, out int major, out int minor);

    [DllImport(Lib)]
    public static extern int eglBindAPI(int api);

    [DllImport(Lib)]
    public static extern int eglChooseConfig(
        IntPtr display, int[] attributes, IntPtr[] configs, int configSize, out int configCount);

    [DllImport(Lib)]
    public static extern IntPtr eglCreateContext(IntPtr display, IntPtr config, IntPtr shareContext, int[] attributes);

    [DllImport(Lib)]
    public static extern int eglDestroyContext(IntPtr display, IntPtr context);

    [DllImport(Lib)]
    public static extern int eglMakeCurrent(IntPtr display, IntPtr draw, IntPtr read, IntPtr context);

    [DllImport(Lib)]
    public static extern int eglGetError();

    [DllImport(Lib)]
    public static extern IntPtr eglQueryString(IntPtr display, int name);

    [DllImport(Lib)]
    public static extern IntPtr eglGetProcAddress([MarshalAs(UnmanagedType.LPUTF8Str)] string name);
}
