using System.Reflection;
using System.Runtime.InteropServices;

namespace RealtimeSR.Player.Platform;

/// <summary>
/// Maps the short library names used in this assembly's <c>DllImport</c>s ("SDL2", "EGL", "libc", "kernel32") to the file each
/// operating system ships. Debian has no unversioned <c>libSDL2.so</c> without the -dev package, so the default
/// probing would not find it; Windows users put <c>SDL2.dll</c> beside the executable.
/// </summary>
internal static class NativeLibraryResolver
{
    public const string Sdl = "SDL2";
    public const string Egl = "EGL";
    public const string Libc = "libc";
    public const string Kernel32 = "kernel32";

    private static int _registered;

    /// <summary>Installs the resolver once per process; every native wrapper calls this before its first import.</summary>
    public static void EnsureRegistered()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
        {
            NativeLibrary.SetDllImportResolver(typeof(NativeLibraryResolver).Assembly, Resolve);
        }
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        foreach (string candidate in Candidates(name))
        {
            if (NativeLibrary.TryLoad(candidate, assembly, searchPath, out IntPtr handle))
            {
                return handle;
            }
        }

        // Zero lets the runtime try its own probing and raise its usual DllNotFoundException.
        return IntPtr.Zero;
    }

    private static IEnumerable<string> Candidates(string name)
    {
        bool windows = OperatingSystem.IsWindows();
        bool mac = OperatingSystem.IsMacOS();
        return name switch
        {
            Sdl when windows => ["SDL2.dll"],
            Sdl when mac => ["libSDL2-2.0.0.dylib", "libSDL2.dylib"],
            Sdl => ["libSDL2-2.0.so.0", "libSDL2.so"],
            Egl when windows => ["libEGL.dll"],
            Egl => ["libEGL.so.1", "libEGL.so"],
            Libc when mac => ["libc.dylib"],
            Libc => ["libc.so.6"],
            _ => [name],
        };
    }
}
