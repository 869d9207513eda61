using System.Runtime.InteropServices;
using RealtimeSR.Player.Input;
using Silk.NET.OpenGL;

namespace RealtimeSR.Player.Platform.Sdl;

/// <summary>
/// A resizable SDL2 window with an OpenGL 3.3 core context made current on the creating thread, and GL entry points
/// loaded through <c>SDL_GL_GetProcAddress</c>. Input is translated to <see cref="InputEvent"/>s in drawable pixels.
/// Use it from the creating thread only (on macOS that must be the process's main thread); dispose it there too,
/// after the GL objects made with its context.
/// </summary>
public sealed class SdlWindow : IPlayerWindow
{
    private IntPtr _window;
    private IntPtr _context;
    private bool _videoInitialised;

    /// <summary>Opens the window (<paramref name="width"/>×<paramref name="height"/> points) and its GL context.</summary>
    /// <param name="title">Window title.</param>
    /// <param name="width">Initial width in screen points, ≥ 1.</param>
    /// <param name="height">Initial height in screen points, ≥ 1.</param>
    /// <param name="vsync">Wait for vertical sync in <see cref="SwapBuffers"/> (ignored where the driver cannot).</param>
    /// <exception cref="SdlException">No display, no GL 3.3 core, or any other SDL failure, with SDL's reason.</exception>
    public SdlWindow(string title, int width, int height, bool vsync = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        NativeLibraryResolver.EnsureRegistered();
        try
        {
            Check(SdlLibrary.InitSubSystem(SdlNative.InitVideo), "SDL_InitSubSystem(VIDEO)");
            _videoInitialised = true;
            Check(SdlNative.SDL_GL_SetAttribute(SdlNative.GlContextMajorVersion, 3), "SDL_GL_SetAttribute(MAJOR)");
            Check(SdlNative.SDL_GL_SetAttribute(SdlNative.GlContextMinorVersion, 3), "SDL_GL_SetAttribute(MINOR)");
            Check(SdlNative.SDL_GL_SetAttribute(SdlNative.GlContextProfileMask, SdlNative.GlContextProfileCore),
                "SDL_GL_SetAttribute(PROFILE)");
            Check(SdlNative.SDL_GL_SetAttribute(SdlNative.GlDoubleBuffer, 1), "SDL_GL_SetAttribute(DOUBLEBUFFER)");

            _window = SdlNative.SDL_CreateWindow(title, SdlNative.WindowPosCentered, SdlNative.WindowPosCentered,
                width, height,
                SdlNative.WindowOpenGl | SdlNative.WindowResizable | SdlNative.WindowShown | SdlNative.WindowAllowHighDpi);
            if (_window == IntPtr.Zero)
            {
                throw SdlException.FromLastError("SDL_CreateWindow");
            }

            _context = SdlNative.SDL_GL_CreateContext(_window);
            if (_context == IntPtr.Zero)
            {
                throw SdlException.FromLastError("SDL_GL_CreateContext");
            }

            Check(SdlNative.SDL_GL_MakeCurrent(_window, _context), "SDL_GL_MakeCurrent");

            // Vsync is a preference: some drivers (Xvfb's llvmpipe among them) refuse it, and that is not an error.
            SdlNative.SDL_GL_SetSwapInterval(vsync ? 1 : 0);
            Gl = GL.GetApi(name => SdlNative.SDL_GL_GetProcAddress(name));
            WindowId = SdlNative.SDL_GetWindowID(_window);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public GL Gl { get; } = null!;

    /// <summary>SDL's id of this window (events carry it).</summary>
    public uint WindowId { get; }

    /// <inheritdoc />
    public (int Width, int Height) DrawableSize
    {
        get
        {
            SdlNative.SDL_GL_GetDrawableSize(Handle, out int width, out int height);
            return (width, height);
        }
    }

    /// <summary>Size in screen points (what <see cref="Resize"/> takes; equal to pixels unless high-DPI).</summary>
    public (int Width, int Height) WindowSize
    {
        get
        {
            SdlNative.SDL_GetWindowSize(Handle, out int width, out int height);
            return (width, height);
        }
    }

    /// <inheritdoc />
    public bool IsFullscreen => (SdlNative.SDL_GetWindowFlags(Handle) & SdlNative.WindowFullscreenDesktop) != 0;

    /// <summary>The SDL video driver in use, e.g. "x11" or "wayland".</summary>
    public static string VideoDriver => Marshal.PtrToStringUTF8(SdlNative.SDL_GetCurrentVideoDriver()) ?? "none";

    internal IntPtr Handle => _window != IntPtr.Zero ? _window : throw new ObjectDisposedException(nameof(SdlWindow));

    /// <inheritdoc />
    public void SetFullscreen(bool fullscreen) =>
        Check(SdlNative.SDL_SetWindowFullscreen(Handle, fullscreen ? SdlNative.WindowFullscreenDesktop : 0),
            "SDL_SetWindowFullscreen");

    /// <summary>Asks for a new window size in screen points (the window manager may adjust it).</summary>
    public void Resize(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        SdlNative.SDL_SetWindowSize(Handle, width, height);
    }

    /// <inheritdoc />
    public void SetTitle(string title) => SdlNative.SDL_SetWindowTitle(Handle, title);

    /// <inheritdoc />
    public bool PollEvent(out InputEvent inputEvent)
    {
        while (SdlNative.SDL_PollEvent(out SdlEvent e) != 0)
        {
            if (Translate(e, out inputEvent))
            {
                return true;
            }
        }

        inputEvent = default;
        return false;
    }

    /// <inheritdoc />
    public void SwapBuffers() => SdlNative.SDL_GL_SwapWindow(Handle);

    public void Dispose()
    {
        if (_context != IntPtr.Zero)
        {
            Gl?.Dispose();
            SdlNative.SDL_GL_DeleteContext(_context);
            _context = IntPtr.Zero;
        }

        if (_window != IntPtr.Zero)
        {
            SdlNative.SDL_DestroyWindow(_window);
            _window = IntPtr.Zero;
        }

        if (_videoInitialised)
        {
            SdlNative.SDL_QuitSubSystem(SdlNative.InitVideo);
            _videoInitialised = false;
        }
    }

    /// <summary>Window points → drawable pixels (the ratio is 1 except on high-DPI screens).</summary>
    internal (float X, float Y) ToPixels(float x, float y)
    {
        var (pixelWidth, pixelHeight) = DrawableSize;
        var (pointWidth, pointHeight) = WindowSize;
        return (x * pixelWidth / Math.Max(1, pointWidth), y * pixelHeight / Math.Max(1, pointHeight));
    }

    /// <summary>Drawable pixels → window points, the inverse of <see cref="ToPixels"/>.</summary>
    internal (int X, int Y) ToPoints(float x, float y)
    {
        var (pixelWidth, pixelHeight) = DrawableSize;
        var (pointWidth, pointHeight) = WindowSize;
        return ((int)MathF.Round(x * pointWidth / Math.Max(1, pixelWidth)),
            (int)MathF.Round(y * pointHeight / Math.Max(1, pixelHeight)));
    }

    private bool Translate(in SdlEvent e, out InputEvent inputEvent)
    {
        inputEvent = default;
        switch (e.Type)
        {
            case SdlEvent.Quit:
                inputEvent = new InputEvent(InputEventKind.Quit);
                return true;
            case SdlEvent.WindowEvent when e.Byte12 == SdlEvent.WindowEventSizeChanged:
                var (width, height) = DrawableSize;
                inputEvent = new InputEvent(InputEventKind.WindowResized, X: width, Y: height);
                return true;
            case SdlEvent.KeyDown:
                PlayerKey key = SdlKeys.ToPlayerKey(e.Int20);
                inputEvent = InputEvent.KeyDown(key) with { Repeat = e.Byte13 != 0 };
                return key != PlayerKey.Unknown;
            case SdlEvent.MouseMotion:
            {
                var (x, y) = ToPixels(e.Int20, e.Int24);
                inputEvent = InputEvent.MouseMove(x, y);
                return true;
            }

            case SdlEvent.MouseButtonDown or SdlEvent.MouseButtonUp:
            {
                var (x, y) = ToPixels(e.Int20, e.Int24);
                MouseButton button = ToButton((byte)e.Int16);
                inputEvent = e.Type == SdlEvent.MouseButtonDown
                    ? InputEvent.MouseDown(button, x, y)
                    : InputEvent.MouseUp(button, x, y);
                return button != MouseButton.None;
            }

            case SdlEvent.MouseWheel:
            {
                // Smooth-scrolling devices send fractions in preciseY and often 0 in the integer field.
                float steps = e.Float32 != 0 ? e.Float32 : e.Int20;
                steps = e.Int24 == SdlEvent.WheelFlipped ? -steps : steps;
                var (x, y) = ToPixels(e.Int36, e.Int40);
                // Wheel events carry no modifiers: the keyboard's state at the time it is read stands in.
                inputEvent = InputEvent.MouseWheel(steps, x, y, ctrl: (SdlNative.SDL_GetModState() & SdlEvent.ControlModifiers) != 0);
                return steps != 0;
            }

            default:
                return false;
        }
    }

    private static MouseButton ToButton(byte sdlButton) => sdlButton switch
    {
        1 => MouseButton.Left,
        2 => MouseButton.Middle,
        3 => MouseButton.Right,
        _ => MouseButton.None,
    };

    internal static byte FromButton(MouseButton button) => button switch
    {
        MouseButton.Left => 1,
        MouseButton.Middle => 2,
        MouseButton.Right => 3,
        _ => throw new ArgumentOutOfRangeException(nameof(button), button, "not a mouse button"),
    };

    private static void Check(int result, string function)
    {
        if (result < 0)
        {
            throw SdlException.FromLastError(function);
        }
    }
}
