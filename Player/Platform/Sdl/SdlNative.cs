using System.Runtime.InteropServices;

namespace RealtimeSR.Player.Platform.Sdl;

/// <summary>
/// The part of the SDL 2 C API the player uses (SDL ≥ 2.0.18; Debian 12 ships 2.26). Only blittable arguments and
/// UTF-8 strings cross the boundary, so no unsafe code is needed. Callers check every return code and turn failures
/// into <see cref="SdlException"/>; call <see cref="NativeLibraryResolver.EnsureRegistered"/> before the first call.
/// </summary>
internal static class SdlNative
{
    public const uint InitAudio = 0x00000010;
    public const uint InitVideo = 0x00000020;

    public const uint WindowFullscreenDesktop = 0x00001001;
    public const uint WindowOpenGl = 0x00000002;
    public const uint WindowShown = 0x00000004;
    public const uint WindowHidden = 0x00000008;
    public const uint WindowResizable = 0x00000020;
    public const uint WindowAllowHighDpi = 0x00002000;
    public const int WindowPosCentered = 0x2FFF0000;

    public const int GlDoubleBuffer = 5;
    public const int GlContextMajorVersion = 17;
    public const int GlContextMinorVersion = 18;
    public const int GlContextProfileMask = 21;
    public const int GlContextProfileCore = 1;

    public const ushort AudioS16Lsb = 0x8010;
    public const ushort AudioF32Lsb = 0x8120;

    private const string Lib = NativeLibraryResolver.Sdl;

    [DllImport(Lib)]
    public static extern int SDL_InitSubSystem(uint flags);

    [DllImport(Lib)]
    public static extern void SDL_QuitSubSystem(uint flags);

    [DllImport(Lib)]
    public static extern IntPtr SDL_GetError();

    [DllImport(Lib)]
    public static extern void SDL_ClearError();

    [DllImport(Lib)]
    public static extern int SDL_SetHint(
        [MarshalAs(UnmanagedType.LPUTF8Str)] string name, [MarshalAs(UnmanagedType.LPUTF8Str)] string value);

    [DllImport(Lib)]
    public static extern IntPtr SDL_GetCurrentVideoDriver();

    [DllImport(Lib)]
    public static extern IntPtr SDL_GetCurrentAudioDriver();

    [DllImport(Lib)]
    public static extern IntPtr SDL_CreateWindow(
        [MarshalAs(UnmanagedType.LPUTF8Str)] string title, int x, int y, int width, int height, uint flags);

    [DllImport(Lib)]
    public static extern void SDL_DestroyWindow(IntPtr window);

    [DllImport(Lib)]
    public static extern uint SDL_GetWindowID(IntPtr window);

    [DllImport(Lib)]
    public static extern uint SDL_GetWindowFlags(IntPtr window);

    [DllImport(Lib)]
    public static extern void SDL_GetWindowSize(IntPtr window, out int width, out int height);

    [DllImport(Lib)]
    public static extern void SDL_SetWindowSize(IntPtr window, int width, int height);

    [DllImport(Lib)]
    public static extern void SDL_SetWindowTitle(IntPtr window, [MarshalAs(UnmanagedType.LPUTF8Str)] string title);

    [DllImport(Lib)]
    public static extern int SDL_SetWindowFullscreen(IntPtr window, uint flags);

    [DllImport(Lib)]
    public static extern int SDL_GL_SetAttribute(int attribute, int value);

    [DllImport(Lib)]
    public static extern IntPtr SDL_GL_CreateContext(IntPtr window);

    [DllImport(Lib)]
    public static extern void SDL_GL_DeleteContext(IntPtr context);

    [DllImport(Lib)]
    public static extern int SDL_GL_MakeCurrent(IntPtr window, IntPtr context);

    [DllImport(Lib)]
    public static extern IntPtr SDL_GL_GetProcAddress([MarshalAs(UnmanagedType.LPUTF8Str)] string name);

    [DllImport(Lib)]
    public static extern int SDL_GL_SetSwapInterval(int interval);

    [DllImport(Lib)]
    public static extern void SDL_GL_SwapWindow(IntPtr window);

    [DllImport(Lib)]
    public static extern void SDL_GL_GetDrawableSize(IntPtr window, out int width, out int height);

    [DllImport(Lib)]
    public static extern int SDL_PollEvent(out SdlEvent sdlEvent);

    [DllImport(Lib)]
    public static extern int SDL_PushEvent(ref SdlEvent sdlEvent);

    [DllImport(Lib)]
    public static extern void SDL_PumpEvents();

    /// <summary>Modifier keys held now (<c>SDL_Keymod</c> bits; Ctrl = 0x0040 left | 0x0080 right).</summary>
    [DllImport(Lib)]
    public static extern int SDL_GetModState();

    [DllImport(Lib)]
    public static extern void SDL_SetModState(int modState);

    [DllImport(Lib)]
    public static extern uint SDL_OpenAudioDevice(
        [MarshalAs(UnmanagedType.LPUTF8Str)] string? device, int isCapture, ref SdlAudioSpec desired,
        out SdlAudioSpec obtained, int allowedChanges);

    [DllImport(Lib)]
    public static extern void SDL_CloseAudioDevice(uint device);

    [DllImport(Lib)]
    public static extern int SDL_QueueAudio(uint device, ref byte data, uint length);

    [DllImport(Lib)]
    public static extern uint SDL_GetQueuedAudioSize(uint device);

    [DllImport(Lib)]
    public static extern void SDL_ClearQueuedAudio(uint device);

    [DllImport(Lib)]
    public static extern void SDL_PauseAudioDevice(uint device, int pauseOn);

    /// <summary>SDL's last error text ("" when none).</summary>
    public static string LastError() => Marshal.PtrToStringUTF8(SDL_GetError()) ?? string.Empty;
}
