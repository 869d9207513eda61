using System.Runtime.InteropServices;

namespace RealtimeSR.Player.Platform.Posix;

/// <summary>
/// Sets environment variables where native libraries read them. On Linux .NET keeps its own copy of the
/// environment, so <see cref="Environment.SetEnvironmentVariable(string, string)"/> never reaches the C
/// library's <c>getenv</c> that SDL uses (e.g. <c>SDL_AUDIODRIVER</c>, <c>SDL_DISKAUDIOFILE</c>, <c>DISPLAY</c>);
/// this calls libc <c>setenv</c> as well. On Windows the .NET call already updates the process environment.
/// </summary>
public static class NativeEnvironment
{
    /// <summary>Sets <paramref name="name"/> for both .NET and native code; null removes it.</summary>
    /// <exception cref="InvalidOperationException">libc refused the name (e.g. it contains '=').</exception>
    public static void Set(string name, string? value)
    {
        Environment.SetEnvironmentVariable(name, value);
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        NativeLibraryResolver.EnsureRegistered();
        int result = value is null ? unsetenv(name) : setenv(name, value, 1);
        if (result != 0)
        {
            throw new InvalidOperationException(
                $"cannot set the environment variable '{name}' (errno {Marshal.GetLastPInvokeError()})");
        }
    }

    /// <summary>The value native code sees (libc <c>getenv</c>), or null.</summary>
    public static string? Get(string name)
    {
        if (OperatingSystem.IsWindows())
        {
            return Environment.GetEnvironmentVariable(name);
        }

        NativeLibraryResolver.EnsureRegistered();
        return Marshal.PtrToStringUTF8(getenv(name));
    }

    [DllImport(NativeLibraryResolver.Libc, SetLastError = true)]
    private static extern int setenv(
        [MarshalAs(UnmanagedType.LPUTF8Str)] string name, [MarshalAs(UnmanagedType.LPUTF8Str)] string value, int overwrite);

    [DllImport(NativeLibraryResolver.Libc, SetLastError = true)]
    private static extern int unsetenv([MarshalAs(UnmanagedType.LPUTF8Str)] string name);

    [DllImport(NativeLibraryResolver.Libc)]
    private static extern IntPtr getenv([MarshalAs(UnmanagedType.LPUTF8Str)] string name);
}
