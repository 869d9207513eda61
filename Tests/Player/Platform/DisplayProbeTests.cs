using RealtimeSR.Player.Platform;
using RealtimeSR.Player.Platform.Posix;

namespace RealtimeSR.Tests.Player.Platform;

[Collection(SdlCollection.Name)]
public sealed class DisplayProbeTests
{
    [Fact]
    public void Probe_NoDisplayVariables_ReportsNoDisplay()
    {
        string? display = NativeEnvironment.Get("DISPLAY");
        string? wayland = NativeEnvironment.Get("WAYLAND_DISPLAY");
        try
        {
            NativeEnvironment.Set("DISPLAY", null);
            NativeEnvironment.Set("WAYLAND_DISPLAY", null);

            DisplayStatus status = DisplayProbe.Probe();

            Assert.False(status.Available);
            Assert.Contains("DISPLAY", status.Description);
        }
        finally
        {
            NativeEnvironment.Set("DISPLAY", display);
            NativeEnvironment.Set("WAYLAND_DISPLAY", wayland);
        }
    }

    [Fact]
    public void Probe_DisplayThatDoesNotExist_ReportsSdlReason()
    {
        string? display = NativeEnvironment.Get("DISPLAY");
        try
        {
            NativeEnvironment.Set("DISPLAY", ":4711");

            DisplayStatus status = DisplayProbe.Probe();

            Assert.False(status.Available, status.Description);
            Assert.StartsWith("no display (SDL ", status.Description);
        }
        finally
        {
            NativeEnvironment.Set("DISPLAY", display);
        }
    }
}
