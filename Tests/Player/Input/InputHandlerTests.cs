using RealtimeSR.Player.Input;
using RealtimeSR.Player.View;

namespace RealtimeSR.Tests.Player.Input;

public sealed class InputHandlerTests
{
    private const int Width = 1280;
    private const int Height = 720;

    private readonly InputHandler _handler = new();
    private readonly List<PlayerAction> _actions = [];

    [Theory]
    [InlineData(PlayerKey.Right, PlayerActionKind.Seek, 5.0)]
    [InlineData(PlayerKey.Left, PlayerActionKind.Seek, -5.0)]
    [InlineData(PlayerKey.Plus, PlayerActionKind.Volume, 0.1)]
    [InlineData(PlayerKey.Minus, PlayerActionKind.Volume, -0.1)]
    [InlineData(PlayerKey.S, PlayerActionKind.Screenshot, 0.0)]
    [InlineData(PlayerKey.Q, PlayerActionKind.Quit, 0.0)]
    [InlineData(PlayerKey.Escape, PlayerActionKind.Quit, 0.0)]
    [InlineData(PlayerKey.E, PlayerActionKind.Evidence, 0.0)]
    [InlineData(PlayerKey.N, PlayerActionKind.NextModel, 0.0)]
    public void Handle_ActionKey_EmitsAction(PlayerKey key, PlayerActionKind kind, double amount)
    {
        Key(new ViewState(), key);

        PlayerAction action = Assert.Single(_actions);
        Assert.Equal(kind, action.Kind);
        Assert.Equal(amount, action.Amount, 12);
    }

    [Fact]
    public void Handle_SwapAndFlipKeys_ChangeWhatIsShownWithoutActions()
    {
        ViewState swapped = Key(new ViewState(), PlayerKey.X);
        ViewState flipped = Key(swapped, PlayerKey.B);
        ViewState back = Key(flipped, PlayerKey.B);

        Assert.True(swapped.Swapped);
        Assert.Equal(ViewMode.Sr, flipped.Mode);
        Assert.Equal(ViewMode.Bicubic, back.Mode);
        Assert.False(Key(swapped, PlayerKey.X).Swapped);
        Assert.Empty(_actions);
    }

    [Fact]
    public void Handle_SpaceTwice_PausesThenResumes()
    {
        ViewState state = Key(new ViewState(), PlayerKey.Space);
        Assert.True(state.Paused);
        state = Key(state, PlayerKey.Space);

        Assert.False(state.Paused);
        Assert.Equal([PlayerAction.SetPaused(true), PlayerAction.SetPaused(false)], _actions);
    }

    [Fact]
    public void Handle_StepKeysWhilePlaying_AreIgnored()
    {
        Key(Key(new ViewState(), PlayerKey.Comma), PlayerKey.Period);

        Assert.Empty(_actions);
    }

    [Fact]
    public void Handle_StepKeysWhilePaused_StepOneFrame()
    {
        var paused = new ViewState(Paused: true);
        Key(Key(paused, PlayerKey.Comma), PlayerKey.Period);

        Assert.Equal([PlayerAction.Step(-1), PlayerAction.Step(1)], _actions);
    }

    [Fact]
    public void Handle_ModeOsdFullscreenKeys_ChangeState()
    {
        ViewState state = Key(new ViewState(), PlayerKey.M);
        Assert.Equal(ViewMode.Side, state.Mode);
        state = Key(state, PlayerKey.O);
        Assert.True(state.OsdVisible);
        state = Key(state, PlayerKey.F);

        Assert.True(state.Fullscreen);
        Assert.Equal(PlayerAction.SetFullscreen(true), Assert.Single(_actions));
    }

    [Fact]
    public void Handle_HeldKeys_RepeatSeekButNotToggles()
    {
        var state = new ViewState();
        foreach (PlayerKey key in new[] { PlayerKey.Right, PlayerKey.Space, PlayerKey.M, PlayerKey.Minus })
        {
            state = _handler.Handle(state, InputEvent.KeyDown(key) with { Repeat = true }, Layout(state), _actions);
        }

        Assert.False(state.Paused);
        Assert.Equal(ViewMode.Split, state.Mode);
        Assert.Equal([PlayerAction.Seek(5), PlayerAction.Volume(-0.1)], _actions);
    }

    [Fact]
    public void Handle_QuitEvent_EmitsQuit()
    {
        _handler.Handle(new ViewState(), new InputEvent(InputEventKind.Quit), Layout(new ViewState()), _actions);

        Assert.Equal(PlayerAction.Quit, Assert.Single(_actions));
    }

    [Fact]
    public void Handle_DragFromDivider_MovesDivider()
    {
        var state = new ViewState(Divider: 0.5);
        state = Drag(state, (642, 300), (960, 310));

        Assert.Equal(0.75, state.Divider, 12);
        Assert.Equal(1, state.Zoom);
        Assert.False(_handler.IsDraggingDivider);
    }

    [Fact]
    public void Handle_DragDividerPastEdge_ClampsToPictureEdge()
    {
        ViewState state = Drag(new ViewState(), (640, 300), (-50, 300));

        Assert.Equal(0, state.Divider);
    }

    [Fact]
    public void Handle_DragAwayFromDividerWhenZoomed_PansBothSides()
    {
        ViewState zoomed = new ViewState().WithView(2, 0.5, 0.5);
        ViewState state = Drag(zoomed, (200, 300), (100, 250));

        // 100 window pixels at scale 2 are 50 picture pixels: 50/1280 of the width; 50 rows are 25/720.
        Assert.Equal(0.5 + 50.0 / 1280, state.CenterX, 9);
        Assert.Equal(0.5 + 25.0 / 720, state.CenterY, 9);
        Assert.Equal(0.5, state.Divider);
    }

    [Fact]
    public void Handle_WheelUp_ZoomsKeepingPointUnderCursor()
    {
        var state = new ViewState(ViewMode.Sr);
        ViewLayout before = Layout(state);
        var (px, py) = before.First.ToPicture(300, 200);

        state = _handler.Handle(state, InputEvent.MouseWheel(2, 300, 200), before, _actions);

        Assert.Equal(InputHandler.ZoomPerStep * InputHandler.ZoomPerStep, state.Zoom, 9);
        var (qx, qy) = Layout(state).First.ToPicture(300, 200);
        Assert.Equal(px, qx, 6);
        Assert.Equal(py, qy, 6);
    }

    [Fact]
    public void Handle_WheelDownAtFit_StaysAtZoomOne()
    {
        var state = new ViewState();

        state = _handler.Handle(state, InputEvent.MouseWheel(-3, 100, 100), Layout(state), _actions);

        Assert.Equal(1, state.Zoom);
        Assert.Equal(0.5, state.CenterX);
    }

    [Fact]
    public void Handle_DifferenceKeys_ToggleTheViewAndHalveOrDoubleItsGainWithinLimits()
    {
        var state = Key(new ViewState(ViewMode.Side), PlayerKey.D);
        Assert.Equal(ViewMode.Difference, state.Mode);
        Assert.Equal(16, Key(state, PlayerKey.RightBracket).DifferenceGain);
        Assert.Equal(4, Key(state, PlayerKey.LeftBracket).DifferenceGain);
        for (int i = 0; i < 10; i++)
        {
            state = Key(state, PlayerKey.RightBracket);
        }

        Assert.Equal(ViewState.MaxDifferenceGain, state.DifferenceGain);
        Assert.Equal(ViewMode.Split, Key(state, PlayerKey.D).Mode);
        Assert.Equal(ViewMode.Split, state.WithNextMode().Mode); // m leaves the difference view for split
        Assert.Empty(_actions);
    }

    [Fact]
    public void Handle_ReferenceKey_OpensTheDifferenceViewAgainstTheReferenceThenTogglesItsOtherPicture()
    {
        var state = Key(new ViewState(ViewMode.Split), PlayerKey.R);
        Assert.Equal((ViewMode.Difference, true), (state.Mode, state.DifferenceFromReference));
        state = Key(state, PlayerKey.R);
        Assert.Equal((ViewMode.Difference, false), (state.Mode, state.DifferenceFromReference));
        state = Key(Key(state, PlayerKey.D), PlayerKey.R); // from split again: straight to the reference
        Assert.Equal((ViewMode.Difference, true), (state.Mode, state.DifferenceFromReference));
        Assert.Empty(_actions);
    }

    [Fact]
    public void Handle_LoupeOnThenCtrlWheel_ZoomsTheLoupeNotTheViewAndFollowsThePointer()
    {
        var state = Key(new ViewState(), PlayerKey.L);
        state = _handler.Handle(state, InputEvent.MouseMove(300, 200), Layout(state), _actions);
        state = _handler.Handle(state, InputEvent.MouseWheel(1, 310, 210, ctrl: true), Layout(state), _actions);

        Assert.True(state.Loupe);
        Assert.Equal(8, state.LoupeZoom);
        Assert.Equal(1, state.Zoom);
        Assert.Equal((310f, 210f), (state.PointerX, state.PointerY));
        for (int i = 0; i < 5; i++)
        {
            state = _handler.Handle(state, InputEvent.MouseWheel(1, 310, 210, ctrl: true), Layout(state), _actions);
        }

        Assert.Equal(ViewState.MaxLoupeZoom, state.LoupeZoom);
        Assert.Equal(InputHandler.ZoomPerStep, _handler.Handle(state, InputEvent.MouseWheel(1, 310, 210), Layout(state), _actions).Zoom, 9);
        Assert.False(Key(state, PlayerKey.L).Loupe);
    }

    [Fact]
    public void HelpText_ListsEveryKey()
    {
        foreach (string key in new[] { "space", "←", "→", ",", ".", "m ", "o ", "f ", "s ", "+", "-", "q", "Esc", "wheel", "drag", "d ", "[ / ]", "l ", "ctrl+wheel", "x ", "b ", "e ", "n " })
        {
            Assert.Contains(key, KeyBindings.HelpText);
        }
    }

    private static ViewLayout Layout(ViewState state) => ViewLayout.Compute(state, Width, Height, Width, Height);

    private ViewState Key(ViewState state, PlayerKey key) =>
        _handler.Handle(state, InputEvent.KeyDown(key), Layout(state), _actions);

    private ViewState Drag(ViewState state, (float X, float Y) from, (float X, float Y) to)
    {
        state = _handler.Handle(state, InputEvent.MouseDown(MouseButton.Left, from.X, from.Y), Layout(state), _actions);
        state = _handler.Handle(state, InputEvent.MouseMove((from.X + to.X) / 2, (from.Y + to.Y) / 2), Layout(state), _actions);
        state = _handler.Handle(state, InputEvent.MouseMove(to.X, to.Y), Layout(state), _actions);
        return _handler.Handle(state, InputEvent.MouseUp(MouseButton.Left, to.X, to.Y), Layout(state), _actions);
    }
}
