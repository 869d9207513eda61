using RealtimeSR.Player.Platform.Posix;
using RealtimeSR.Player.Platform.Sdl;

namespace RealtimeSR.Player.Platform;

/// <summary>
/// Tells whether the player can open a window, so that a command can say "no display" in one line and render
/// headless through EGL instead. On Linux and the BSDs an unset <c>DISPLAY</c> and <c>WAYLAND_DISPLAY</c> settles it
/// without touching SDL; otherwise SDL's video subsystem is started once and shut down again, and SDL's invisible
/// fallback drivers (offscreen, dummy) count as no display.
/// </summary>
public static class DisplayProbe
{
    public static DisplayStatus Probe()
    {
        bool unixDesktop = !OperatingSystem.IsWindows() && !OperatingSystem.IsMacOS();
        if (unixDesktop && string.IsNullOrEmpty(NativeEnvironment.Get("DISPLAY"))
            && string.IsNullOrEmpty(NativeEnvironment.Get("WAYLAND_DISPLAY")))
        {
            return new DisplayStatus(false, "no display (neither DISPLAY nor WAYLAND_DISPLAY is set)");
        }

        try
        {
            if (SdlLibrary.InitSubSystem(SdlNative.InitVideo) < 0)
            {
                return new DisplayStatus(false, $"no display (SDL video: {SdlNative.LastError()})");
            }
        }
        catch (SdlException e)
        {
            return new DisplayStatus(false, $"no display ({e.Message})");
        }

        string driver = SdlWindow.VideoDriver;
        SdlNative.SDL_QuitSubSystem(SdlNative.InitVideo);

        // When the window system cannot be reached SDL quietly falls back to drivers whose windows nobody sees
        // (measured: an unreachable DISPLAY gives "offscreen" on Debian's SDL 2.26).
        return driver is "offscreen" or "dummy"
            ? new DisplayStatus(false, $"no display (SDL found no window system and fell back to its '{driver}' driver)")
            : new DisplayStatus(true, driver);
    }
}
