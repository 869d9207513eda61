using RealtimeSR.Player.Rendering.Osd;

namespace RealtimeSR.Tests.Player.Rendering.Osd;

public sealed class OsdPanelTests
{
    [Fact]
    public void IsSet_EveryPrintableCharacterButSpace_HasPixels()
    {
        for (char c = '!'; c <= '~'; c++)
        {
            int set = 0;
            for (int y = 0; y < BitmapFont.GlyphHeight; y++)
            {
                for (int x = 0; x < BitmapFont.GlyphWidth; x++)
                {
                    set += BitmapFont.IsSet(c, x, y) ? 1 : 0;
                }
            }

            Assert.True(set > 0, $"glyph '{c}' is empty");
        }
    }

    [Fact]
    public void IsSet_LetterI_HasCentreColumnAndSerifs()
    {
        // 'I' is .###. on top and bottom rows and ..#.. between.
        Assert.True(BitmapFont.IsSet('I', 2, 3));
        Assert.False(BitmapFont.IsSet('I', 0, 3));
        Assert.True(BitmapFont.IsSet('I', 1, 0));
        Assert.True(BitmapFont.IsSet('I', 3, 6));
        Assert.False(BitmapFont.IsSet('I', 0, 0));
    }

    [Fact]
    public void IsSet_CharacterOutsideAscii_DrawsQuestionMark()
    {
        for (int y = 0; y < BitmapFont.GlyphHeight; y++)
        {
            for (int x = 0; x < BitmapFont.GlyphWidth; x++)
            {
                Assert.Equal(BitmapFont.IsSet('?', x, y), BitmapFont.IsSet('é', x, y));
            }
        }
    }

    [Fact]
    public void DrawText_TwoCharacters_AdvancesOneCellEach()
    {
        var canvas = new OverlayCanvas(20, 10);

        int end = canvas.DrawText(1, 1, "||", Rgba.White);

        Assert.Equal(1 + 2 * BitmapFont.CellWidth, end);
        Assert.Equal(Rgba.White, canvas.Get(1 + 2, 1));
        Assert.Equal(Rgba.White, canvas.Get(1 + BitmapFont.CellWidth + 2, 7));
        Assert.Equal(Rgba.Transparent, canvas.Get(1, 1));
    }

    [Fact]
    public void Add_MoreThanCapacity_KeepsNewestInOrder()
    {
        var graph = new FrameTimeGraph(capacity: 3);
        foreach (double ms in new[] { 1.0, 2, 3, 4, -5 })
        {
            graph.Add(ms);
        }

        Assert.Equal(3, graph.Count);
        Assert.Equal([3.0, 4, 0], [graph[0], graph[1], graph[2]]);
        Assert.Equal(4, graph.Max());
    }

    [Theory]
    [InlineData(10, 100, 0)] // a 10 fps clip shown on time: no late bars
    [InlineData(30, 100, 50)] // the same intervals for a 30 fps clip: every frame late by two
    public void Render_FrameTimes_AreJudgedAgainstTheSourceRate(double sourceFps, double shownMs, int expectedRedBars)
    {
        var panel = new OsdPanel();
        var graph = new FrameTimeGraph();
        for (int i = 0; i < 50; i++)
        {
            graph.Add(shownMs);
        }

        panel.Render(new OsdStats(sourceFps, sourceFps, sourceFps, [], 0, "m", 4, "CPU", 64, 48, false, 1000 / sourceFps), graph);

        OverlayCanvas canvas = panel.Canvas;
        int bottomRow = canvas.Height - 10; // inside the graph, just above its bottom edge (a bottom margin of 4 + 4 below it)
        int red = Enumerable.Range(0, canvas.Width).Count(x => canvas.Get(x, bottomRow) == Rgba.Red);
        int green = Enumerable.Range(0, canvas.Width).Count(x => canvas.Get(x, bottomRow) == Rgba.Green);
        Assert.Equal(expectedRedBars, red);
        Assert.Equal(50 - expectedRedBars, green);
    }

    [Fact]
    public void Render_Stats_DrawsPanelTextAndGraphBars()
    {
        var panel = new OsdPanel();
        var graph = new FrameTimeGraph();
        for (int i = 0; i < 50; i++)
        {
            graph.Add(i == 49 ? 100 : 20);
        }

        panel.Render(new OsdStats(30, 25, 30, [new StageTiming("decode", 2, 3)], 7, "espcn", 4, "CPU", 320, 180, true), graph);

        OverlayCanvas canvas = panel.Canvas;
        int white = 0;
        int red = 0;
        for (int y = 0; y < canvas.Height; y++)
        {
            for (int x = 0; x < canvas.Width; x++)
            {
                white += canvas.Get(x, y) == Rgba.White ? 1 : 0;
                red += canvas.Get(x, y) == Rgba.Red ? 1 : 0;
            }
        }

        Assert.True(white > 100, $"{white} white text pixels");
        // The 100 ms frame is a full-height red bar at the right edge of the graph; "dropped 7" is red text too.
        Assert.True(red > OsdPanel.GraphHeight, $"{red} red pixels");
        Assert.Equal(Rgba.Red, canvas.Get(canvas.Width - 5, canvas.Height - 10));
        Assert.Equal(Rgba.Panel, canvas.Get(0, 0));
    }

    [Fact]
    public void Render_LiveStatus_ReconnectingIsTheYellowLineAndLiveIsNot()
    {
        int Yellow(string status)
        {
            var panel = new OsdPanel();
            panel.Render(new OsdStats(25, 25, 25, [new StageTiming("decode", 2, 3)], 0, "espcn", 4, "CPU", 160, 120, false, 40, 18, status), new FrameTimeGraph());
            return CountOf(panel.Canvas, Rgba.Yellow);
        }

        int reconnecting = Yellow("reconnecting");
        // The whole second line, "160x120 -> 640x480   RECONNECTING", is yellow: more pixels than the word alone.
        Assert.True(reconnecting > 150, $"{reconnecting} yellow pixels");
        Assert.True(reconnecting > Yellow("connecting"), "RECONNECTING is longer than CONNECTING");
        Assert.Equal(0, Yellow("live"));
    }

    [Fact]
    public void Render_ReferenceScores_AddTwoGreenLines()
    {
        int Green(Shared.Metrics.ReferenceScores? scores)
        {
            var panel = new OsdPanel();
            panel.Render(new OsdStats(25, 25, 25, [new StageTiming("decode", 2, 3)], 0, "espcn", 4, "CPU", 160, 120, false, Scores: scores, MeanScores: scores), new FrameTimeGraph());
            return CountOf(panel.Canvas, Rgba.Green);
        }

        var scores = new Shared.Metrics.ReferenceScores(26.71, 28.05, 0.8123, 0.8456);
        Assert.True(Green(scores) > Green(null) + 300, $"{Green(scores)} green pixels with scores, {Green(null)} without");
    }

    private static int CountOf(OverlayCanvas canvas, Rgba color)
    {
        int count = 0;
        for (int y = 0; y < canvas.Height; y++)
        {
            for (int x = 0; x < canvas.Width; x++)
            {
                count += canvas.Get(x, y) == color ? 1 : 0;
            }
        }

        return count;
    }
}
