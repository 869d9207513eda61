using RealtimeSR.Player.Rendering;
using RealtimeSR.Player.Rendering.Osd;
using RealtimeSR.Player.View;
using RealtimeSR.Shared.Imaging;
using RealtimeSR.Shared.Metrics;
using RealtimeSR.Tests.Imaging;
using Xunit.Abstractions;

namespace RealtimeSR.Tests.Player.Rendering;

/// <summary>
/// Renders through EGL's surfaceless platform (Mesa llvmpipe; no display needed) and compares the read-back
/// framebuffer with CPU references. These need libEGL and Mesa, which CI installs; they are never skipped.
/// </summary>
public sealed class ViewRendererTests
{
    // Rows at the top that carry the labels, left out where a whole side is compared with its reference.
    private const int LabelRows = 40;

    // The divider is 2 pixels wide at the split; a few columns either side are left out.
    private const int DividerMargin = 4;

    private readonly ITestOutputHelper _output;

    public ViewRendererTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void Draw_SplitMode_LeftIsCpuBicubicAndRightIsSrInput()
    {
        using var scene = new HeadlessScene();
        Image shown = scene.Render(new ViewState(ViewMode.Split, Divider: 0.5));
        Image bicubic = MatlabResize.Upscale(scene.Lr, scene.Scale);

        int half = 640;
        int height = 720 - LabelRows;
        double left = Psnr.OnRgb(
            bicubic.Crop(0, LabelRows, half - DividerMargin, height), shown.Crop(0, LabelRows, half - DividerMargin, height), 0);
        double right = Psnr.OnRgb(
            scene.Sr.Crop(half + DividerMargin, LabelRows, half - DividerMargin, height),
            shown.Crop(half + DividerMargin, LabelRows, half - DividerMargin, height), 0);
        _output.WriteLine($"split: bicubic side {left:F2} dB, SR side {right:F2} dB");

        Assert.True(left >= 40, $"bicubic side PSNR {left:F2} dB < 40 dB");
        Assert.True(right >= 40, $"SR side PSNR {right:F2} dB < 40 dB");
    }

    [Fact]
    public void Draw_SplitModeSwapped_LeftIsSrInputAndRightIsCpuBicubic()
    {
        using var scene = new HeadlessScene();
        Image shown = scene.Render(new ViewState(ViewMode.Split, Divider: 0.5, Swapped: true));
        Image bicubic = MatlabResize.Upscale(scene.Lr, scene.Scale);

        int half = 640;
        int height = 720 - LabelRows;
        double left = Psnr.OnRgb(
            scene.Sr.Crop(0, LabelRows, half - DividerMargin, height), shown.Crop(0, LabelRows, half - DividerMargin, height), 0);
        double right = Psnr.OnRgb(
            bicubic.Crop(half + DividerMargin, LabelRows, half - DividerMargin, height),
            shown.Crop(half + DividerMargin, LabelRows, half - DividerMargin, height), 0);
        _output.WriteLine($"swapped split: SR side {left:F2} dB, bicubic side {right:F2} dB");

        Assert.True(left >= 40, $"SR side PSNR {left:F2} dB < 40 dB");
        Assert.True(right >= 40, $"bicubic side PSNR {right:F2} dB < 40 dB");
    }

    [Fact]
    public void Draw_SplitMode_DividerIsWhiteAtItsPosition()
    {
        using var scene = new HeadlessScene();
        Image shown = scene.Render(new ViewState(ViewMode.Split, Divider: 0.25));

        // 0.25 of 1280 = column 320; the line covers columns 319 and 320.
        for (int y = LabelRows; y < 720; y += 97)
        {
            Assert.Equal(255f, Pixel(shown, 319, y).R);
            Assert.Equal(255f, Pixel(shown, 320, y).G);
        }
    }

    [Fact]
    public void Draw_BicubicMode_WholeFrameMatchesCpuBicubic()
    {
        using var scene = new HeadlessScene();
        scene.Renderer.SetLabels(string.Empty, string.Empty);
        Image shown = scene.Render(new ViewState(ViewMode.Bicubic));
        Image bicubic = MatlabResize.Upscale(scene.Lr, scene.Scale);

        double psnr = Psnr.OnRgb(bicubic, shown, 0);
        _output.WriteLine($"bicubic mode: {psnr:F2} dB");
        Assert.True(psnr >= 40, $"PSNR {psnr:F2} dB < 40 dB");
    }

    [Fact]
    public void Draw_SrModeAtZoomTwo_ShowsCentreQuarterMagnified()
    {
        using var scene = new HeadlessScene();
        scene.Renderer.SetLabels(string.Empty, string.Empty);
        Image shown = scene.Render(new ViewState(ViewMode.Sr).WithView(2, 0.5, 0.5));

        // Zoom 2 about the centre: window pixel (x, y) shows SR pixel (320 + x/2, 180 + y/2), nearest.
        for (int y = 0; y < 720; y += 37)
        {
            for (int x = 0; x < 1280; x += 41)
            {
                Assert.Equal(Pixel(scene.Sr, 320 + x / 2, 180 + y / 2), Pixel(shown, x, y));
            }
        }
    }

    [Fact]
    public void Draw_DifferenceModeOfSrEqualToBicubic_IsBlack()
    {
        using var scene = new HeadlessScene(srIsBicubic: true);
        Image shown = scene.Render(new ViewState(ViewMode.Difference, DifferenceGain: ViewState.MaxDifferenceGain));

        // Below the label every pixel is black, even at the highest gain.
        var picture = shown.Crop(0, LabelRows, shown.Width, shown.Height - LabelRows);
        Assert.Equal(0f, picture.Planes.Max());
    }

    [Fact]
    public void Draw_DifferenceMode_ShowsAbsoluteDifferenceTimesGainWithGainInLabel()
    {
        using var scene = new HeadlessScene();
        Image shown = scene.Render(new ViewState(ViewMode.Difference, DifferenceGain: 4));
        Image bicubic = MatlabResize.Upscale(scene.Lr, scene.Scale);

        // Window pixel = SR pixel here (1280x720 both). The CPU reference rounds its intermediate to 8 bits as MATLAB
        // does, the GPU keeps floats: they differ by up to a level, which the gain 4 makes 4.
        for (int y = LabelRows; y < 720; y += 29)
        {
            for (int x = 0; x < 1280; x += 31)
            {
                var sr = Pixel(scene.Sr, x, y);
                var bic = Pixel(bicubic, x, y);
                float expected = Math.Min(255, 4 * Math.Abs(sr.G - Math.Clamp(bic.G, 0, 255)));
                Assert.InRange(Pixel(shown, x, y).G, expected - 5, expected + 5);
            }
        }

        Assert.Equal("|SR - bicubic| x4", ViewRenderer.DifferenceLabel(4));
        Assert.True(shown.Crop(0, 0, 200, LabelRows).Planes.Max() > 200, "the label is drawn");
    }

    [Fact]
    public void Draw_DifferenceFromReference_ShowsAbsoluteDifferenceToTheReferenceAndBlackForItself()
    {
        using var scene = new HeadlessScene();
        var state = new ViewState(ViewMode.Difference, DifferenceGain: 8, DifferenceFromReference: true);

        // The SR frame as its own reference: black, at any gain.
        scene.Renderer.SetReference(HeadlessScene.Unit(scene.Sr), scene.Sr.Width, scene.Sr.Height);
        var same = scene.Render(state with { DifferenceGain = ViewState.MaxDifferenceGain });
        Assert.Equal(0f, same.Crop(0, LabelRows, same.Width, same.Height - LabelRows).Planes.Max());

        // Another picture: |SR − reference| × 8, per channel (both exact 8-bit values here, so only GPU rounding differs).
        Image reference = TestImages.Pattern(scene.Sr.Width, scene.Sr.Height, seed: 5);
        scene.Renderer.SetReference(HeadlessScene.Unit(reference), reference.Width, reference.Height);
        Image shown = scene.Render(state);
        for (int y = LabelRows; y < 720; y += 29)
        {
            for (int x = 0; x < 1280; x += 31)
            {
                float expected = Math.Min(255, 8 * Math.Abs(Pixel(scene.Sr, x, y).G - Pixel(reference, x, y).G));
                Assert.InRange(Pixel(shown, x, y).G, expected - 1, expected + 1);
            }
        }

        Assert.Equal("|SR - reference| x8", ViewRenderer.DifferenceLabel(8, fromReference: true));

        // Without a reference the view stays on bicubic.
        scene.Renderer.SetReference([], 0, 0);
        Image bicubicView = scene.Render(state);
        Assert.Equal(scene.Render(state with { DifferenceFromReference = false }).Planes, bicubicView.Planes);
    }

    [Fact]
    public void Draw_LoupeOverSplitView_ShowsSourcePixelsMagnifiedBesideThePointer()
    {
        using var scene = new HeadlessScene();
        var state = new ViewState(ViewMode.Split, Loupe: true, LoupeZoom: 4, PointerX: 400.5f, PointerY: 300.5f);
        Image shown = scene.Render(state);
        Image bicubic = MatlabResize.Upscale(scene.Lr, scene.Scale);
        var loupe = LoupeLayout.Compute(state, scene.Renderer.Layout(state, 1280, 720), 1280, 720)!.Value;

        // The picture point under the pointer sits at the centre of both squares, 4 window pixels per SR pixel.
        Assert.Equal(4, loupe.Sr.Scale);
        Assert.Equal((400.5, 300.5), loupe.Sr.ToPicture(loupe.Sr.Clip.X + loupe.Sr.Clip.Width / 2.0, loupe.Sr.Clip.Y + loupe.Sr.Clip.Height / 2.0));
        for (int dy = 1; dy < loupe.Sr.Clip.Height; dy += 7)
        {
            for (int dx = 1; dx < loupe.Sr.Clip.Width; dx += 7)
            {
                int x = loupe.Sr.Clip.X + dx, y = loupe.Sr.Clip.Y + dy;
                var (px, py) = loupe.Sr.ToPicture(x + 0.5, y + 0.5);
                Assert.Equal(Pixel(scene.Sr, (int)Math.Floor(px), (int)Math.Floor(py)), Pixel(shown, x, y));
                int bx = loupe.Bicubic.Clip.X + dx;
                var (qx, qy) = loupe.Bicubic.ToPicture(bx + 0.5, y + 0.5);
                var expected = Pixel(bicubic, (int)Math.Floor(qx), (int)Math.Floor(qy));
                Assert.InRange(Pixel(shown, bx, y).R, Math.Clamp(expected.R, 0, 255) - 2, Math.Clamp(expected.R, 0, 255) + 2);
            }
        }

        Assert.Equal((255f, 255f, 255f), Pixel(shown, loupe.Frame.X - 1, loupe.Frame.Y + 10)); // the border
    }

    [Fact]
    public void ReadPictures_AfterADraw_GivesTheSourceTheGpuBicubicAndTheSrAsShown()
    {
        using var scene = new HeadlessScene(lrWidth: 80, lrHeight: 45, targetWidth: 320, targetHeight: 180);
        scene.Render(new ViewState(ViewMode.Split));

        var (source, bicubic, sr) = scene.Renderer.ReadPictures(320, 180);

        Assert.Equal((80, 45, 320, 180), (source.Width, source.Height, sr.Width, sr.Height));
        Assert.Equal(scene.Lr.ToRange(PixelRange.Unit).Planes, source.Planes);
        Assert.Equal(scene.Sr.ToRange(PixelRange.Unit).Planes, sr.Planes);
        float[] expected = HeadlessScene.FloatBicubic(scene.Lr, 4).ToRange(PixelRange.Unit).Planes;
        Assert.True(expected.Zip(bicubic.Planes).Max(p => Math.Abs(p.First - p.Second)) < 1e-4, "the bicubic read back is the GPU's float bicubic");
    }

    [Fact]
    public void Draw_SideModeInWideWindow_LetterboxesBothPanes()
    {
        using var scene = new HeadlessScene();
        Image shown = scene.Render(new ViewState(ViewMode.Side));

        // Each half is 640x720; a 16:9 picture fits as 640x360 with 180-pixel bars above and below.
        Assert.Equal((0f, 0f, 0f), Pixel(shown, 320, 100));
        Assert.Equal((0f, 0f, 0f), Pixel(shown, 960, 640));
        // SR pane at scale 0.5: the centre of window pixel (640 + x, 180 + y) falls in SR pixel (2x + 1, 2y + 1).
        Assert.Equal(Pixel(scene.Sr, 2 * 300 + 1, 2 * 200 + 1), Pixel(shown, 640 + 300, 180 + 200));
        Image bicubic = MatlabResize.Upscale(scene.Lr, scene.Scale);
        var expected = Pixel(bicubic, 2 * 300 + 1, 2 * 200 + 1);
        var actual = Pixel(shown, 300, 180 + 200);
        Assert.InRange(actual.R, expected.R - 2, expected.R + 2);
    }

    [Fact]
    public void Draw_OsdVisible_DrawsPanelBelowLabels()
    {
        using var scene = new HeadlessScene();
        scene.Renderer.SetOsd(new OsdStats(30, 29.5, 30, [new StageTiming("decode", 3.1, 3.4), new StageTiming("sr", 25, 26)],
            2, "espcn", 4, "CPU", 320, 180, Paused: false));
        for (int i = 0; i < 100; i++)
        {
            scene.Renderer.FrameTimes.Add(33.3);
        }

        Image without = scene.Render(new ViewState(ViewMode.Sr));
        Image with = scene.Render(new ViewState(ViewMode.Sr, OsdVisible: true));

        // The panel sits at the top-left under the label; it darkens what is beneath it.
        int changed = 0;
        for (int y = 60; y < 200; y++)
        {
            for (int x = 20; x < 200; x++)
            {
                changed += Pixel(with, x, y) != Pixel(without, x, y) ? 1 : 0;
            }
        }

        Assert.True(changed > 140 * 180 / 2, $"only {changed} pixels changed under the OSD");
        Assert.Equal(Pixel(without, 1000, 600), Pixel(with, 1000, 600));
    }

    [Fact]
    public void Save_Screenshot_WritesPngEqualToFramebuffer()
    {
        using var scene = new HeadlessScene(320, 180, 80, 45);
        using var folder = new TempFolder();
        Image shown = scene.Render(new ViewState());
        string path = folder.File("shot.png");

        Screenshot.Save(scene.Context.Gl, 320, 180, path);

        Image loaded = ImageFile.Load(path);
        Assert.Equal(shown.Planes, loaded.Planes);
        Assert.False(File.Exists(folder.File("shot.part.png")));
    }

    [Fact]
    public void Read_TwoFramesIntoOneImage_FollowsWhatIsShown()
    {
        using var scene = new HeadlessScene(320, 180, 80, 45);
        var reader = new FramebufferReader();
        var frame = new Image(320, 180, PixelRange.Byte);

        Image sr = scene.Render(new ViewState(ViewMode.Sr));
        reader.Read(scene.Context.Gl, frame);
        Assert.Equal(sr.Planes, frame.Planes);
        Image bicubic = scene.Render(new ViewState(ViewMode.Bicubic));
        reader.Read(scene.Context.Gl, frame);

        Assert.Equal(bicubic.Planes, frame.Planes);
        Assert.NotEqual(sr.Planes, frame.Planes);
    }

    [Fact]
    public void Draw_MeasurePassesOn_RecordsEveryPass()
    {
        using var scene = new HeadlessScene();
        scene.Renderer.MeasurePasses = true;
        var rows = new List<double>();
        var bicubic = new List<double>();
        var sr = new List<double>();
        var overlay = new List<double>();
        var upload = new List<double>();
        float[] lr = HeadlessScene.Unit(scene.Lr);
        float[] srPlanes = HeadlessScene.Unit(scene.Sr);
        scene.Target.Bind();
        for (int i = 0; i < 9; i++)
        {
            scene.Renderer.SetFrame(lr, 320, 180, srPlanes, 1280, 720);
            scene.Renderer.Draw(new ViewState(ViewMode.Split), 1280, 720);
            PassTimings t = scene.Renderer.LastTimings;
            upload.Add(t.UploadMs);
            rows.Add(t.BicubicRowsMs);
            bicubic.Add(t.BicubicMs);
            sr.Add(t.SrMs);
            overlay.Add(t.OverlayMs);
        }

        // Reported for the record (llvmpipe, 320x180 -> 1280x720 split); not asserted: timing is not a unit test.
        _output.WriteLine($"median ms: upload {Median(upload):F2}, bicubic rows {Median(rows):F2}, " +
                         $"bicubic {Median(bicubic):F2}, sr {Median(sr):F2}, overlay {Median(overlay):F2}");
        Assert.All(rows, ms => Assert.True(ms > 0));
        Assert.All(bicubic, ms => Assert.True(ms > 0));
        Assert.All(sr, ms => Assert.True(ms > 0));
        Assert.All(upload, ms => Assert.True(ms > 0));
    }

    [Fact]
    public void SetFrame_SrNotAWholeMultipleOfLr_ThrowsArgumentException()
    {
        using var scene = new HeadlessScene(320, 180, 80, 45);

        var error = Assert.Throws<ArgumentException>(() =>
            scene.Renderer.SetFrame(new float[3 * 80 * 45], 80, 45, new float[3 * 300 * 180], 300, 180));

        Assert.Contains("300x180", error.Message);
    }

    [Fact]
    public void Draw_BeforeFirstFrame_ClearsToBlack()
    {
        using var context = new RealtimeSR.Player.Platform.Egl.EglHeadlessContext();
        using var target = new GlFramebuffer(context.Gl, 64, 36);
        using var renderer = new ViewRenderer(context.Gl, new ShaderLibrary());
        target.Bind();

        renderer.Draw(new ViewState(), 64, 36);

        Assert.All(Screenshot.Capture(context.Gl, 64, 36).Planes, v => Assert.Equal(0f, v));
        Assert.Equal(new PixelRect(0, 0, 32, 36), renderer.Layout(new ViewState(), 64, 36).First.Clip);
    }

    [Fact]
    public void Constructor_BrokenShader_ThrowsWithInfoLog()
    {
        using var context = new RealtimeSR.Player.Platform.Egl.EglHeadlessContext();
        var shaders = new ShaderLibrary();
        string vertex = shaders.Load("quad.vert");
        const string broken = "#version 330 core\nout vec4 c;\nvoid main() { c = vec4(undefinedThing, 1.0); }\n";

        var error = Assert.Throws<GlShaderException>(() => new GlProgram(context.Gl, vertex, "quad.vert", broken, "broken.frag"));

        Assert.Equal("fragment", error.Stage);
        Assert.Equal("broken.frag", error.ShaderName);
        Assert.Contains("undefinedThing", error.InfoLog);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Load_MissingShaderFile_ThrowsShaderFileException()
    {
        using var folder = new TempFolder();

        var error = Assert.Throws<ShaderFileException>(() => new ShaderLibrary(folder.Path).Load("bicubic.frag"));

        Assert.Contains("bicubic.frag", error.Message);
    }

    private static (float R, float G, float B) Pixel(Image image, int x, int y)
    {
        int i = y * image.Width + x;
        return (image.ReadPlane(0)[i], image.ReadPlane(1)[i], image.ReadPlane(2)[i]);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
