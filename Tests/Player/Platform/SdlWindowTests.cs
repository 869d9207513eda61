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

    private readonly SdlWindow _window;
    private readonly ViewRenderer _renderer;
    private readonly Image _lr = TestImages.Pattern(160, 90, seed: 5);
    private readonly Image _sr = TestImages.Pattern(Width, Height, seed: 9);
    private readonly InputHandler _handler = new();
    private readonly List<PlayerAction> _actions = [];

    public SdlWindowTests()
    {
        _window = new SdlWindow("RealtimeSR test", Width, Height, vsync: false);
        _renderer = new ViewRenderer(_window.Gl, new ShaderLibrary());
        _renderer.SetFrame(HeadlessScene.Unit(_lr), _lr.Width, _lr.Height, HeadlessScene.Unit(_sr), _sr.Width, _sr.Height);
    }

    [Fact]
    public void Constructor_UnderX_OpensWindowThatRendersAndSwaps()
    {
        Assert.Equal((Width, Height), _window.DrawableSize);
        Image shown = DrawAndCapture(new ViewState(ViewMode.Split));
        _window.SwapBuffers();

        Image bicubic = MatlabResize.Upscale(_lr, 4);
        double left = Psnr.OnRgb(bicubic.Crop(0, 40, 310, 320), shown.Crop(0, 40, 310, 320), 0);
        double right = Psnr.OnRgb(_sr.Crop(330, 40, 310, 320), shown.Crop(330, 40, 310, 320), 0);
        Assert.True(left >= 40, $"bicubic side {left:F2} dB");
        Assert.True(right >= 40, $"SR side {right:F2} dB");
        Assert.Equal(Silk.NET.OpenGL.GLEnum.NoError, _window.Gl.GetError());
    }

    [Fact]
    public void PollEvent_InjectedDragOnDivider_MovesDivider()
    {
        var injector = new SdlInputInjector(_window);
        ViewState state = new(ViewMode.Split, Divider: 0.5);

        injector.Drag((320, 180), (480, 200));
        state = Pump(state, expectedEvents: 6);

        Assert.Equal(0.75, state.Divider, 6);
        Image shown = DrawAndCapture(state);
        Assert.Equal(255f, shown.ReadPlane(0)[200 * Width + 480]);
        Assert.Equal(_sr.ReadPlane(1)[200 * Width + 560], shown.ReadPlane(1)[200 * Width + 560]);
    }

    [Fact]
    public void PollEvent_InjectedKeys_ChangeModePauseAndEmitActions()
    {
        var injector = new SdlInputInjector(_window);
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
            _actions);
    }

    [Fact]
    public void PollEvent_InjectedAbKeys_SwapHalvesThenFlipFullPicture()
    {
        var injector = new SdlInputInjector(_window);
        foreach (PlayerKey key in new[] { PlayerKey.X, PlayerKey.B, PlayerKey.B })
        {
            injector.KeyDown(key);
        }

        ViewState state = Pump(new ViewState(), expectedEvents: 3);

        Assert.True(state.Swapped);
        Assert.Equal(ViewMode.Bicubic, state.Mode);
        Assert.Empty(_actions);
    }

    [Fact]
    public void PollEvent_InjectedInspectionKeys_DifferenceWithGainThenLoupeZoomedByCtrlWheel()
    {
        var injector = new SdlInputInjector(_window);
        foreach (PlayerKey key in new[] { PlayerKey.D, PlayerKey.RightBracket, PlayerKey.L })
        {
            injector.KeyDown(key);
        }

        injector.Wheel(1, 120, 90, ctrl: true);
        ViewState state = Pump(new ViewState(), expectedEvents: 4);

        Assert.Equal(ViewMode.Difference, state.Mode);
        Assert.Equal(16, state.DifferenceGain);
        Assert.True(state.Loupe);
        Assert.Equal(8, state.LoupeZoom);
        Assert.Equal((120f, 90f), (state.PointerX, state.PointerY)); // the loupe looks where the wheel turned
        Assert.Equal(1, state.Zoom); // the ctrl+wheel went to the loupe, not the view
    }

    [Fact]
    public void PollEvent_InjectedWheel_ZoomsAboutPointer()
    {
        var injector = new SdlInputInjector(_window);

        injector.Wheel(1, 100, 100);
        ViewState state = Pump(new ViewState(ViewMode.Sr), expectedEvents: 1);

        Assert.Equal(InputHandler.ZoomPerStep, state.Zoom, 9);
        Assert.True(state.CenterX < 0.5 && state.CenterY < 0.5, $"centre ({state.CenterX}, {state.CenterY})");
    }

    [Fact]
    public void Resize_WiderWindow_KeepsLetterboxing()
    {
        _window.Resize(800, 300);
        var deadline = Stopwatch.StartNew();
        while (_window.DrawableSize != (800, 300) && deadline.Elapsed < EventTimeout)
        {
            _window.PollEvent(out _);
            Thread.Sleep(10);
        }

        Assert.Equal((800, 300), _window.DrawableSize);
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
        _window.SetFullscreen(true);
        var deadline = Stopwatch.StartNew();
        while (_window.DrawableSize == (Width, Height) && deadline.Elapsed < EventTimeout)
        {
            _window.PollEvent(out _);
            Thread.Sleep(10);
        }

        Assert.True(_window.IsFullscreen);
        var (width, height) = _window.DrawableSize;
        Assert.NotEqual((Width, Height), (width, height));
        ViewLayout layout = _renderer.Layout(new ViewState(ViewMode.Sr), width, height);
        Assert.Equal((double)Width / Height, (double)layout.First.Fit.Width / layout.First.Fit.Height, 2);

        _window.SetFullscreen(false);
        Assert.False(_window.IsFullscreen);
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
        _renderer.Dispose();
        _window.Dispose();
    }

    private Image DrawAndCapture(ViewState state, int width = Width, int height = Height)
    {
        _window.Gl.BindFramebuffer(Silk.NET.OpenGL.FramebufferTarget.Framebuffer, 0);
        _renderer.Draw(state, width, height);
        return Screenshot.Capture(_window.Gl, width, height);
    }

    /// <summary>Feeds queued events to the handler until <paramref name="expectedEvents"/> came through (or timeout).</summary>
    private ViewState Pump(ViewState state, int expectedEvents)
    {
        int handled = 0;
        var deadline = Stopwatch.StartNew();
        while (handled < expectedEvents && deadline.Elapsed < EventTimeout)
        {
            if (!_window.PollEvent(out InputEvent e))
            {
                Thread.Sleep(5);
                continue;
            }

            if (e.Kind is InputEventKind.WindowResized)
            {
                continue;
            }

            var (width, height) = _window.DrawableSize;
            state = _handler.Handle(state, e, _renderer.Layout(state, width, height), _actions);
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
