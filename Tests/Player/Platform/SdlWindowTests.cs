using System.Diagnostics;
using RealtimeSR.Player.Input;
using RealtimeSR.Player.Platform;
using RealtimeSR.Player.Platform.Sdl;
using RealtimeSR.Player.Rendering;
using RealtimeSR.Player.View;
using RealtimeSR.Shared.Imaging;
using RealtimeSR.Shared.Metrics;
using RealtimeSR.Tests.Imaging;
using RealtimeSR.Tests.Player.Rendering;

namespace RealtimeSR.Tests.Player.Platform;

/// <summary>
/// A real SDL window with a GL context on an X server (Xvfb in CI), driven by injected input the way a user would.
/// </summary>
[Collection(SdlCollection.Name)]
public sealed class SdlWindowTests : IDisposable
{
    private const int Width = 640;
    private const int Height = 360;
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(5);

    private readonly SdlWindow window;
    private readonly ViewRenderer renderer;
    private readonly Image lr = TestImages.Pattern(160, 90, seed: 5);
    private readonly Image sr = TestImages.Pattern(Width, Height, seed: 9);
    private readonly InputHandler handler = new();
    private readonly List<PlayerAction> actions = [];

    public SdlWindowTests()
    {
        window = new SdlWindow("RealtimeSR test", Width, Height, vsync: false);
        renderer = new ViewRenderer(window.Gl, new ShaderLibrary());
        renderer.SetFrame(HeadlessScene.Unit(lr), lr.Width, lr.Height, HeadlessScene.Unit(sr), sr.Width, sr.Height);
    }

    [Fact]
    public void Constructor_UnderX_OpensWindowThatRendersAndSwaps()
    {
        Assert.Equal((Width, Height), window.DrawableSize);
        Image shown = DrawAndCapture(new ViewState(ViewMode.Split));
        window.SwapBuffers();

        Image bicubic = MatlabResize.Upscale(lr, 4);
        double left = Psnr.OnRgb(bicubic.Crop(0, 40, 310, 320), shown.Crop(0, 40, 310, 320), 0);
        double right = Psnr.OnRgb(sr.Crop(330, 40, 310, 320), shown.Crop(330, 40, 310, 320), 0);
        Assert.True(left >= 40, $"bicubic side {left:F2} dB");
        Assert.True(right >= 40, $"SR side {right:F2} dB");
        Assert.Equal(Silk.NET.OpenGL.GLEnum.NoError, window.Gl.GetError());
    }

    [Fact]
    public void PollEvent_InjectedDragOnDivider_MovesDivider()
    {
        var injector = new SdlInputInjector(window);
        ViewState state = new(ViewMode.Split, Divider: 0.5);

        injector.Drag((320, 180), (480, 200));
        state = Pump(state, expectedEvents: 6);

        Assert.Equal(0.75, state.Divider, 6);
        Image shown = DrawAndCapture(state);
        Assert.Equal(255f, shown.ReadPlane(0)[200 * Width + 480]);
        Assert.Equal(sr.ReadPlane(1)[200 * Width + 560], shown.ReadPlane(1)[200 * Width + 560]);
    }

    [Fact]
    public void PollEvent_InjectedKeys_ChangeModePauseAndEmitActions()
    {
        var injector = new SdlInputInjector(window);
        foreach (PlayerKey key in new[] { PlayerKey.M, PlayerKey.Space, PlayerKey.Period, PlayerKey.Comma,
                     PlayerKey.Right, PlayerKey.Left, PlayerKey.Plus, PlayerKey.S, PlayerKey.Q })
        {
            injector.KeyDown(key);
        }

        injector.KeyDown(PlayerKey.M, repeat: true);
        ViewState state = Pump(new ViewState(), expectedEvents: 10);

        Assert.Equal(ViewMode.Side, state.Mode);
        Assert.True(state.Paused);
        Assert.Equal(
            [
                PlayerAction.SetPaused(true), PlayerAction.Step(1), PlayerAction.Step(-1), PlayerAction.Seek(5),
                PlayerAction.Seek(-5), PlayerAction.Volume(0.1), PlayerAction.Screenshot, PlayerAction.Quit,
            ],
            actions);
    }

    [Fact]
    public void PollEvent_InjectedWheel_ZoomsAboutPointer()
    {
        var injector = new SdlInputInjector(window);

        injector.Wheel(1, 100, 100);
        ViewState state = Pump(new ViewState(ViewMode.Sr), expectedEvents: 1);

        Assert.Equal(InputHandler.ZoomPerStep, state.Zoom, 9);
        Assert.True(state.CenterX < 0.5 && state.CenterY < 0.5, $"centre ({state.CenterX}, {state.CenterY})");
    }

    [Fact]
    public void Resize_WiderWindow_KeepsLetterboxing()
    {
        window.Resize(800, 300);
        var deadline = Stopwatch.StartNew();
        while (window.DrawableSize != (800, 300) && deadline.Elapsed < EventTimeout)
        {
            window.PollEvent(out _);
            Thread.Sleep(10);
        }

        Assert.Equal((800, 300), window.DrawableSize);
        Image shown = DrawAndCapture(new ViewState(ViewMode.Sr), 800, 300);

        // 640x360 fitted into 800x300 is 533x300 at x = 133: black bars left and right.
        Assert.Equal(0f, Sum(shown, 60, 150));
        Assert.Equal(0f, Sum(shown, 740, 150));
        Assert.NotEqual(0f, Sum(shown, 400, 150));
        Assert.Equal(0f, Sum(shown, 132, 150));
        Assert.NotEqual(0f, Sum(shown, 134, 150) + Sum(shown, 134, 151) + Sum(shown, 134, 152));
    }

    [Fact]
    public void SetFullscreen_On_FillsScreenAndLetterboxes()
    {
        window.SetFullscreen(true);
        var deadline = Stopwatch.StartNew();
        while (window.DrawableSize == (Width, Height) && deadline.Elapsed < EventTimeout)
        {
            window.PollEvent(out _);
            Thread.Sleep(10);
        }

        Assert.True(window.IsFullscreen);
        var (width, height) = window.DrawableSize;
        Assert.NotEqual((Width, Height), (width, height));
        ViewLayout layout = renderer.Layout(new ViewState(ViewMode.Sr), width, height);
        Assert.Equal((double)Width / Height, (double)layout.First.Fit.Width / layout.First.Fit.Height, 2);

        window.SetFullscreen(false);
        Assert.False(window.IsFullscreen);
    }

    [Fact]
    public void Probe_WithDisplay_ReportsAvailableDriver()
    {
        DisplayStatus status = DisplayProbe.Probe();

        Assert.True(status.Available, status.Description);
        Assert.Equal("x11", status.Description);
    }

    public void Dispose()
    {
        renderer.Dispose();
        window.Dispose();
    }

    private Image DrawAndCapture(ViewState state, int width = Width, int height = Height)
    {
        window.Gl.BindFramebuffer(Silk.NET.OpenGL.FramebufferTarget.Framebuffer, 0);
        renderer.Draw(state, width, height);
        return Screenshot.Capture(window.Gl, width, height);
    }

    /// <summary>Feeds queued events to the handler until <paramref name="expectedEvents"/> came through (or timeout).</summary>
    private ViewState Pump(ViewState state, int expectedEvents)
    {
        int handled = 0;
        var deadline = Stopwatch.StartNew();
        while (handled < expectedEvents && deadline.Elapsed < EventTimeout)
        {
            if (!window.PollEvent(out InputEvent e))
            {
                Thread.Sleep(5);
                continue;
            }

            if (e.Kind is InputEventKind.WindowResized)
            {
                continue;
            }

            var (width, height) = window.DrawableSize;
            state = handler.Handle(state, e, renderer.Layout(state, width, height), actions);
            handled++;
        }

        Assert.Equal(expectedEvents, handled);
        return state;
    }

    private static float Sum(Image image, int x, int y)
    {
        int i = y * image.Width + x;
        return image.ReadPlane(0)[i] + image.ReadPlane(1)[i] + image.ReadPlane(2)[i];
    }
}
