using System.Diagnostics;
using RealtimeSR.Player.Platform.Posix;

namespace RealtimeSR.Tests.Player.Platform;

/// <summary>
/// Makes sure SDL can open windows: keeps an existing DISPLAY (e.g. from <c>xvfb-run</c> in <c>./rtsr test</c>),
/// otherwise starts a private Xvfb and points DISPLAY at it (through libc, where SDL reads it). Without either the
/// window tests fail with this reason; they are never skipped.
/// </summary>
public sealed class XDisplayFixture : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    private readonly Process? _xvfb;

    public XDisplayFixture()
    {
        if (OperatingSystem.IsWindows() || OperatingSystem.IsMacOS()
            || !string.IsNullOrEmpty(NativeEnvironment.Get("DISPLAY")))
        {
            return;
        }

        var start = new ProcessStartInfo("Xvfb", "-displayfd 1 -screen 0 1280x720x24 -nolisten tcp")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            _xvfb = Process.Start(start) ?? throw new InvalidOperationException("Process.Start returned null");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new InvalidOperationException(
                $"no DISPLAY and Xvfb cannot be started ({e.Message}); install xvfb or run under xvfb-run", e);
        }

        _xvfb.ErrorDataReceived += (_, _) => { };
        _xvfb.BeginErrorReadLine();
        Task<string?> displayNumber = _xvfb.StandardOutput.ReadLineAsync();
        if (!displayNumber.Wait(StartTimeout) || string.IsNullOrWhiteSpace(displayNumber.Result))
        {
            Dispose();
            throw new InvalidOperationException($"Xvfb did not report a display within {StartTimeout.TotalSeconds} s");
        }

        Display = ":" + displayNumber.Result.Trim();
        NativeEnvironment.Set("DISPLAY", Display);
    }

    /// <summary>The display this fixture started, or null when one was already there.</summary>
    public string? Display { get; }

    public void Dispose()
    {
        if (_xvfb is null)
        {
            return;
        }

        if (Display is not null)
        {
            NativeEnvironment.Set("DISPLAY", null);
        }

        if (!_xvfb.HasExited)
        {
            _xvfb.Kill();
            _xvfb.WaitForExit(5000);
        }

        _xvfb.Dispose();
    }
}
