using System.Runtime.InteropServices;
using Silk.NET.OpenGL;

namespace RealtimeSR.Player.Platform.Egl;

/// <summary>
/// An OpenGL 3.3 core context with no window and no surface: Mesa's surfaceless EGL platform (no X server needed),
/// falling back to EGL's default display elsewhere. Draw into an offscreen framebuffer
/// (<see cref="Rendering.GlFramebuffer"/>); there is no default framebuffer. The context is current on the creating
/// thread; call <see cref="MakeCurrent"/> to move it to another one (it can be current on one thread at a time).
/// </summary>
/// <remarks>
/// The EGL display is a process-wide object shared by every context on it, so disposing releases this context but
/// does not terminate the display (that would break other live contexts).
/// </remarks>
public sealed class EglHeadlessContext : IDisposable
{
    private readonly IntPtr _display;
    private IntPtr _context;

    /// <exception cref="EglException">libEGL is missing, or EGL or a GL 3.3 core context is unavailable (with EGL's error).</exception>
    public EglHeadlessContext()
    {
        NativeLibraryResolver.EnsureRegistered();
        _display = SurfacelessDisplay();
        if (_display == IntPtr.Zero || EglNative.eglInitialize(_display, out _, out _) == 0)
        {
            // Not Mesa (or too old for surfaceless): let the vendor pick its default, headless where it can.
            _display = EglNative.eglGetDisplay(IntPtr.Zero);
            if (_display == IntPtr.Zero)
            {
                throw EglException.FromLastError("eglGetDisplay");
            }

            Check(EglNative.eglInitialize(_display, out _, out _), "eglInitialize");
        }

        Check(EglNative.eglBindAPI(EglNative.OpenGlApi), "eglBindAPI(OPENGL)");
        var configs = new IntPtr[1];
        int[] configAttributes =
        [
            EglNative.SurfaceType, EglNative.PbufferBit,
            EglNative.RenderableType, EglNative.OpenGlBit,
            EglNative.RedSize, 8, EglNative.GreenSize, 8, EglNative.BlueSize, 8,
            EglNative.None,
        ];
        Check(EglNative.eglChooseConfig(_display, configAttributes, configs, 1, out int count), "eglChooseConfig");
        if (count < 1)
        {
            throw new EglException("eglChooseConfig (no OpenGL config)", EglNative.eglGetError());
        }

        int[] contextAttributes =
        [
            EglNative.ContextMajorVersion, 3,
            EglNative.ContextMinorVersion, 3,
            EglNative.ContextOpenGlProfileMask, EglNative.ContextOpenGlCoreProfileBit,
            EglNative.None,
        ];
        _context = EglNative.eglCreateContext(_display, configs[0], IntPtr.Zero, contextAttributes);
        if (_context == IntPtr.Zero)
        {
            throw EglException.FromLastError("eglCreateContext(OpenGL 3.3 core)");
        }

        MakeCurrent();
        Gl = GL.GetApi(name => EglNative.eglGetProcAddress(name));
        Vendor = Marshal.PtrToStringUTF8(EglNative.eglQueryString(_display, EglNative.Vendor)) ?? "unknown";
    }

    /// <summary>GL entry points of this context.</summary>
    public GL Gl { get; }

    /// <summary>EGL's vendor string, e.g. "Mesa Project".</summary>
    public string Vendor { get; }

    /// <summary>Makes the context current on the calling thread (no surface: draw into framebuffer objects).</summary>
    public void MakeCurrent()
    {
        ObjectDisposedException.ThrowIf(_context == IntPtr.Zero, this);
        Check(EglNative.eglMakeCurrent(_display, IntPtr.Zero, IntPtr.Zero, _context), "eglMakeCurrent");
    }

    public void Dispose()
    {
        if (_context == IntPtr.Zero)
        {
            return;
        }

        Gl.Dispose();
        EglNative.eglMakeCurrent(_display, IntPtr.Zero, IntPtr.Zero, IntPtr.Zero);
        EglNative.eglDestroyContext(_display, _context);
        _context = IntPtr.Zero;
    }

    private static IntPtr SurfacelessDisplay()
    {
        try
        {
            return EglNative.eglGetPlatformDisplay(EglNative.PlatformSurfacelessMesa, IntPtr.Zero, [EglNative.None]);
        }
        catch (EntryPointNotFoundException)
        {
            // EGL 1.4: no platform displays; the default display is all there is.
            return IntPtr.Zero;
        }
        catch (DllNotFoundException e)
        {
            throw EglException.LibraryMissing(e);
        }
    }

    private static void Check(int result, string function)
    {
        if (result == 0)
        {
            throw EglException.FromLastError(function);
        }
    }
}
