using RealtimeSR.Player.View;

namespace RealtimeSR.Tests.Player.View;

public sealed class ViewLayoutTests
{
    [Fact]
    public void Compute_SplitInSameSizeWindow_CutsAtDivider()
    {
        ViewLayout layout = ViewLayout.Compute(new ViewState(Divider: 0.25), 1280, 720, 1280, 720);

        Assert.Equal(320, layout.DividerX);
        Assert.Equal(new PixelRect(0, 0, 320, 720), layout.First.Clip);
        Assert.Equal(PaneContent.Bicubic, layout.First.Content);
        Assert.Equal(new PixelRect(320, 0, 960, 720), layout.Second!.Value.Clip);
        Assert.Equal(PaneContent.Sr, layout.Second.Value.Content);
        Assert.Equal(1.0, layout.First.Scale, 12);
    }

    [Theory]
    [InlineData(ViewMode.Split)]
    [InlineData(ViewMode.Side)]
    public void Compute_Swapped_PutsSrLeftAndBicubicRightInTheSamePlaces(ViewMode mode)
    {
        ViewLayout plain = ViewLayout.Compute(new ViewState(mode, Divider: 0.25), 1280, 720, 1280, 720);
        ViewLayout swapped = ViewLayout.Compute(new ViewState(mode, Divider: 0.25).WithHalvesSwapped(), 1280, 720, 1280, 720);

        Assert.Equal(PaneContent.Sr, swapped.First.Content);
        Assert.Equal(PaneContent.Bicubic, swapped.Second!.Value.Content);
        Assert.Equal(plain.First with { Content = PaneContent.Sr }, swapped.First);
        Assert.Equal(plain.Second!.Value with { Content = PaneContent.Bicubic }, swapped.Second.Value);
        Assert.Equal(plain.DividerX, swapped.DividerX);
    }

    [Theory]
    [InlineData(ViewMode.Split, ViewMode.Sr)]
    [InlineData(ViewMode.Side, ViewMode.Sr)]
    [InlineData(ViewMode.Sr, ViewMode.Bicubic)]
    [InlineData(ViewMode.Bicubic, ViewMode.Sr)]
    public void WithFlip_GoesToTheOtherFullPicture(ViewMode from, ViewMode to)
    {
        ViewState flipped = new ViewState(from, Zoom: 3, CenterX: 0.4).WithFlip();

        Assert.Equal(to, flipped.Mode);
        Assert.Equal((3.0, 0.4), (flipped.Zoom, flipped.CenterX));
    }

    [Fact]
    public void Compute_WiderWindow_LetterboxesWithBarsLeftAndRight()
    {
        ViewLayout layout = ViewLayout.Compute(new ViewState(ViewMode.Sr), 1000, 360, 640, 360);

        Assert.Equal(new PixelRect(180, 0, 640, 360), layout.First.Clip);
        Assert.Equal((0.0, 0.0), layout.First.ToPicture(180, 0));
    }

    [Fact]
    public void Compute_TallerWindow_LetterboxesWithBarsAboveAndBelow()
    {
        ViewLayout layout = ViewLayout.Compute(new ViewState(ViewMode.Bicubic), 640, 600, 1280, 720);

        Assert.Equal(new PixelRect(0, 120, 640, 360), layout.First.Fit);
        Assert.Equal(0.5, layout.First.Scale, 12);
    }

    [Fact]
    public void Compute_SideMode_FitsEachPictureInHalfTheWindow()
    {
        ViewLayout layout = ViewLayout.Compute(new ViewState(ViewMode.Side), 1280, 720, 1280, 720);

        Assert.Equal(new PixelRect(0, 180, 640, 360), layout.First.Clip);
        Assert.Equal(new PixelRect(640, 180, 640, 360), layout.Second!.Value.Clip);
        Assert.Equal(-1, layout.DividerX);
    }

    [Fact]
    public void Compute_ZoomTwoAtCentre_MapsWindowCentreToPictureCentre()
    {
        ViewLayout layout = ViewLayout.Compute(new ViewState(ViewMode.Sr).WithView(2, 0.5, 0.5), 1280, 720, 1280, 720);

        Assert.Equal((640.0, 360.0), layout.First.ToPicture(640, 360));
        Assert.Equal((320.0, 180.0), layout.First.ToPicture(0, 0));
    }

    [Fact]
    public void WithView_CentreBeyondEdge_ClampsSoNothingOutsideThePictureShows()
    {
        ViewState state = new ViewState().WithView(4, 0.0, 1.0);

        Assert.Equal(0.125, state.CenterX, 12);
        Assert.Equal(0.875, state.CenterY, 12);
        Assert.Equal(1, new ViewState().WithView(0.2, 0.9, 0.9).Zoom);
        Assert.Equal(0.5, new ViewState().WithView(0.2, 0.9, 0.9).CenterX);
    }

    [Fact]
    public void WithNextMode_FourTimes_CyclesBackToStart()
    {
        var state = new ViewState();
        var seen = new List<ViewMode>();
        for (int i = 0; i < 4; i++)
        {
            state = state.WithNextMode();
            seen.Add(state.Mode);
        }

        Assert.Equal([ViewMode.Side, ViewMode.Sr, ViewMode.Bicubic, ViewMode.Split], seen);
    }
}
