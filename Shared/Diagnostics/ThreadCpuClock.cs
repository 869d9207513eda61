using System.Runtime.InteropServices;

namespace RealtimeSR.Shared.Diagnostics;

/// <summary>
/// CPU time consumed by the calling thread (user + kernel), so each pipeline stage can report what it costs on a
/// machine whose few cores are shared by decode, inference and a software rasteriser. Linux reads
/// <c>CLOCK_THREAD_CPUTIME_ID</c>, Windows <c>GetThreadTimes</c>; elsewhere the value is NaN (unknown).
/// </summary>
public static class ThreadCpuClock
{
    /// <summary>Linux's clock id for the calling thread's CPU time (bits/time.h).</summary>
    private const int ClockThreadCpuTimeId = 3;

    /// <summary>CPU milliseconds the calling thread has used since it started; NaN where unsupported.</summary>
    public static double CurrentThreadMilliseconds()
    {
        if (OperatingSystem.IsLinux())
        {
            return clock_gettime(ClockThreadCpuTimeId, out TimeSpec now) == 0 ? now.Seconds * 1e3 + now.Nanoseconds / 1e6 : double.NaN;
        }

        if (OperatingSystem.IsWindows())
        {
            return GetThreadTimes(GetCurrentThread(), out _, out _, out long kernel, out long user) ? (kernel + user) / 1e4 : double.NaN;
        }

        return double.NaN;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public nint Seconds;
        public nint Nanoseconds;
    }

    [DllImport("libc.so.6")] // the versioned name: plain "libc.so" is a linker script on Debian
    private static extern int clock_gettime(int clockId, out TimeSpec time);

    [DllImport("kernel32")]
    private static extern IntPtr GetCurrentThread();

    [DllImport("kernel32")]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static extern bool GetThreadTimes(IntPtr thread, out long creation, out long exit, out long kernel, out long user);
}
