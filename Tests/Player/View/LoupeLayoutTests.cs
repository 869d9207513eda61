using RealtimeSR.Player.View;

namespace RealtimeSR.Tests.Player.View;

public sealed class LoupeLayoutTests
{
    [Fact]
    public void Compute_PointerOverPicture_BothSquaresCentredOnThePointsUnderItAtZoomTimesTheViewScale()
    {
        var state = new ViewState(ViewMode.Side, Loupe: true, LoupeZoom: 8, PointerX: 900, PointerY: 300);
        var layout = ViewLayout.Compute(state, 1280, 720, 640, 360);

        var loupe = LoupeLayout.Compute(state, layout, 1280, 720)!.Value;

        ViewPane under = layout.PaneAt(900, 300)!.Value;
        var expected = under.ToPicture(900, 300);
        foreach (ViewPane half in new[] { loupe.Bicubic, loupe.Sr })
        {
            Assert.Equal(under.Scale * 8, half.Scale, 9);
            var centre = half.ToPicture(half.Clip.X + half.Clip.Width / 2.0, half.Clip.Y + half.Clip.Height / 2.0);
            Assert.Equal(expected.X, centre.X, 9);
            Assert.Equal(expected.Y, centre.Y, 9);
        }

        Assert.Equal((PaneContent.Bicubic, PaneContent.Sr), (loupe.Bicubic.Content, loupe.Sr.Content));
        Assert.Equal(loupe.Bicubic.Clip.Right, loupe.Sr.Clip.X);
    }

    [Fact]
    public void Compute_PointerNearTheBottomRight_LoupeFlipsToStayInTheWindow()
    {
        var state = new ViewState(ViewMode.Sr, Loupe: true, PointerX: 1270, PointerY: 710);

        var loupe = LoupeLayout.Compute(state, ViewLayout.Compute(state, 1280, 720, 1280, 720), 1280, 720)!.Value;

        Assert.True(loupe.Frame.Right <= 1270 - LoupeLayout.PointerGap && loupe.Frame.Bottom <= 710 - LoupeLayout.PointerGap, loupe.Frame.ToString());
        Assert.True(loupe.Frame.X >= 0 && loupe.Frame.Y >= 0);
    }

    [Fact]
    public void Compute_LoupeOffOrPointerOverTheBlackBars_NoLoupe()
    {
        var off = new ViewState(ViewMode.Sr, PointerX: 640, PointerY: 360);
        var overBar = new ViewState(ViewMode.Sr, Loupe: true, PointerX: 640, PointerY: 10); // a 16:9 picture in a 4:3 window

        Assert.Null(LoupeLayout.Compute(off, ViewLayout.Compute(off, 1280, 720, 1280, 720), 1280, 720));
        Assert.Null(LoupeLayout.Compute(overBar, ViewLayout.Compute(overBar, 960, 720, 1280, 720), 960, 720));
    }
}
