using System.Diagnostics;
using RealtimeSR.Player.Rendering.Osd;
using RealtimeSR.Player.View;
using Silk.NET.OpenGL;

namespace RealtimeSR.Player.Rendering;

/// <summary>
/// Draws one frame of the player: the bicubic upscale of the LR frame and the model's SR frame laid out by a
/// <see cref="ViewState"/> (split at the divider, side by side, or one of them), letterboxed on black, zoomed and
/// panned together, with the divider, labels (<c>Bicubic</c> | model name) and the optional OSD on top.
/// Use it on the GL thread only: <see cref="SetFrame"/> when a new frame arrives, <see cref="Draw"/> for every
/// presentation (redraws after a resize or a divider drag need no new upload). Steady state allocates nothing.
/// </summary>
/// <example>
/// A render loop on the thread that created the window:
/// <code>
/// using var window = new SdlWindow("RealtimeSR", 1280, 720);
/// using var renderer = new ViewRenderer(window.Gl, new ShaderLibrary());
/// renderer.SetLabels("Bicubic", card.Name);
/// var state = new ViewState();
/// var input = new InputHandler();
/// var actions = new List&lt;PlayerAction&gt;();
/// while (running)
/// {
///     var (width, height) = window.DrawableSize;
///     while (window.PollEvent(out InputEvent e))
///     {
///         state = input.Handle(state, e, renderer.Layout(state, width, height), actions);
///     }
///     // act on actions (pause, seek, step, volume, fullscreen, quit), then actions.Clear()
///     if (next frame is due) renderer.SetFrame(lrChw, lrW, lrH, srChw, srW, srH);
///     renderer.Draw(state, width, height);          // into framebuffer 0
///     // a Screenshot action: Screenshot.Save(window.Gl, width, height, path) here, before the swap
///     window.SwapBuffers();
///     renderer.FrameTimes.Add(msSinceLastPresent);
/// }
/// </code>
/// Headless (no display, see <c>DisplayProbe</c>): an <c>EglHeadlessContext</c> and a <see cref="GlFramebuffer"/>
/// bound before <see cref="Draw"/>, read back with <see cref="Screenshot.Capture"/>.
/// </example>
public sealed class ViewRenderer : IDisposable
{
    private const int LabelMargin = 8;

    private readonly GL gl;
    private readonly BicubicRowsPass bicubicRows;
    private readonly BicubicPass bicubic;
    private readonly SrPass sr;
    private readonly OverlayPass overlay;
    private readonly SolidPass solid;
    private readonly GlVertexArray vertexArray;
    private readonly OsdPanel osdPanel = new();
    private readonly GlTexture osdTexture;
    private readonly Stopwatch stopwatch = new();
    private GlTexture? lrTexture;
    private GlTexture? srTexture;
    private GlFramebuffer? rowsTarget;
    private bool rowsStale;
    private GlTexture? bicubicLabel;
    private GlTexture? srLabel;
    private OsdStats? osdStats;
    private bool osdDirty;
    private double uploadMs;

    /// <summary>Compiles the passes' programs (Shaders/ files) on the current GL context.</summary>
    /// <exception cref="GlShaderException">A shader failed to compile or link (with the info log).</exception>
    /// <exception cref="ShaderFileException">A shader file is missing.</exception>
    public ViewRenderer(GL gl, ShaderLibrary shaders)
    {
        this.gl = gl;
        var created = new List<IDisposable>();
        try
        {
            bicubicRows = Track(new BicubicRowsPass(gl, shaders), created);
            bicubic = Track(new BicubicPass(gl, shaders), created);
            sr = Track(new SrPass(gl, shaders), created);
            overlay = Track(new OverlayPass(gl, shaders), created);
            solid = Track(new SolidPass(gl, shaders), created);
            vertexArray = Track(new GlVertexArray(gl), created);
            osdTexture = Track(new GlTexture(gl, osdPanel.Canvas.Width, osdPanel.Canvas.Height, TextureLayout.Rgba8), created);
        }
        catch
        {
            created.ForEach(d => d.Dispose());
            throw;
        }

        SetLabels("Bicubic", "SR");
    }

    /// <summary>Recent frame intervals for the OSD graph; the render loop adds one per presented frame.</summary>
    public FrameTimeGraph FrameTimes { get; } = new();

    /// <summary>When on, every pass is timed with glFinish stalls into <see cref="LastTimings"/>.</summary>
    public bool MeasurePasses { get; set; }

    /// <summary>Timings of the last <see cref="Draw"/> (and upload) while <see cref="MeasurePasses"/> was on.</summary>
    public PassTimings LastTimings { get; private set; }

    /// <summary>True once a frame has been given.</summary>
    public bool HasFrame => srTexture is not null;

    /// <summary>SR frame width (the layout's picture width), 0 before the first frame.</summary>
    public int PictureWidth => srTexture?.Width ?? 0;

    /// <summary>SR frame height, 0 before the first frame.</summary>
    public int PictureHeight => srTexture?.Height ?? 0;

    /// <summary>
    /// Uploads a frame pair: <paramref name="lr"/> CHW float RGB in [0, 1], <paramref name="lrWidth"/>×
    /// <paramref name="lrHeight"/>, and the model output <paramref name="srOutput"/> in the same layout at
    /// <paramref name="srWidth"/>×<paramref name="srHeight"/> (an integer multiple of the LR size). Textures are
    /// reallocated only when a size changes.
    /// </summary>
    public void SetFrame(ReadOnlySpan<float> lr, int lrWidth, int lrHeight, ReadOnlySpan<float> srOutput, int srWidth, int srHeight)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lrWidth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(lrHeight, 1);
        if (srWidth % lrWidth != 0 || srHeight % lrHeight != 0 || srWidth / lrWidth != srHeight / lrHeight)
        {
            throw new ArgumentException(
                $"SR {srWidth}x{srHeight} is not the same whole multiple of LR {lrWidth}x{lrHeight} in both directions",
                nameof(srWidth));
        }

        StartTiming();
        lrTexture = Resized(lrTexture, lrWidth, lrHeight, TextureLayout.RgbFloat);
        srTexture = Resized(srTexture, srWidth, srHeight, TextureLayout.PlanarFloat);
        lrTexture.UploadPlanar(lr);
        srTexture.UploadPlanar(srOutput);
        if (rowsTarget is null || rowsTarget.Width != srWidth || rowsTarget.Height != lrHeight)
        {
            rowsTarget?.Dispose();
            rowsTarget = null;
            rowsTarget = new GlFramebuffer(gl, srWidth, lrHeight, TextureLayout.RgbaFloat);
        }

        // The rows are resized at the next Draw, where the caller's framebuffer binding is known and can be restored.
        rowsStale = true;
        uploadMs = StopTiming();
    }

    /// <summary>Sets the label texts (left: the bicubic side, right: the model); rasterised once here.</summary>
    public void SetLabels(string bicubicText, string srText)
    {
        bicubicLabel?.Dispose();
        srLabel?.Dispose();
        bicubicLabel = null;
        srLabel = null;
        bicubicLabel = Label(bicubicText);
        srLabel = Label(srText);
    }

    /// <summary>New figures for the OSD; the panel is redrawn at the next <see cref="Draw"/> that shows it.</summary>
    public void SetOsd(OsdStats stats)
    {
        osdStats = stats;
        osdDirty = true;
    }

    /// <summary>
    /// The layout <see cref="Draw"/> uses for a target of this size (give it to <c>InputHandler.Handle</c>). Before
    /// the first frame the picture is taken to be the target's size, so input can be handled from the start.
    /// </summary>
    public ViewLayout Layout(ViewState state, int targetWidth, int targetHeight) => HasFrame
        ? ViewLayout.Compute(state, targetWidth, targetHeight, PictureWidth, PictureHeight)
        : ViewLayout.Compute(state, targetWidth, targetHeight, Math.Max(1, targetWidth), Math.Max(1, targetHeight));

    /// <summary>
    /// Draws the current frame for <paramref name="state"/> into the bound framebuffer, which is
    /// <paramref name="targetWidth"/>×<paramref name="targetHeight"/> pixels (the viewport is set here). Before the
    /// first frame it only clears to black.
    /// </summary>
    public void Draw(ViewState state, int targetWidth, int targetHeight)
    {
        double rowsMs = 0;
        if (rowsStale && lrTexture is not null && rowsTarget is not null)
        {
            gl.GetInteger(GetPName.DrawFramebufferBinding, out int callerFramebuffer);
            StartTiming();
            vertexArray.Bind();
            gl.Disable(EnableCap.Blend);
            bicubicRows.Draw(lrTexture, rowsTarget);
            rowsMs = StopTiming();
            gl.BindFramebuffer(FramebufferTarget.Framebuffer, (uint)callerFramebuffer);
            rowsStale = false;
        }

        gl.Viewport(0, 0, (uint)targetWidth, (uint)targetHeight);
        gl.Disable(EnableCap.Blend);
        gl.Disable(EnableCap.DepthTest);
        gl.Disable(EnableCap.ScissorTest);
        gl.ClearColor(0f, 0f, 0f, 1f);
        gl.Clear(ClearBufferMask.ColorBufferBit);
        if (lrTexture is null || srTexture is null || rowsTarget is null)
        {
            return;
        }

        vertexArray.Bind();
        ViewLayout layout = Layout(state, targetWidth, targetHeight);
        double bicubicMs = 0;
        double srMs = 0;
        for (int i = 0; i < layout.PaneCount; i++)
        {
            ViewPane pane = layout.Pane(i);
            StartTiming();
            if (pane.Content == PaneContent.Bicubic)
            {
                bicubic.Draw(rowsTarget.Color, srTexture.Width, srTexture.Height, pane, targetWidth, targetHeight);
                bicubicMs += StopTiming();
            }
            else
            {
                sr.Draw(srTexture, pane, targetWidth, targetHeight);
                srMs += StopTiming();
            }
        }

        StartTiming();
        DrawDecorations(state, layout, targetWidth, targetHeight);
        double overlayMs = StopTiming();
        if (MeasurePasses)
        {
            LastTimings = new PassTimings(uploadMs, rowsMs, bicubicMs, srMs, overlayMs);
        }
    }

    public void Dispose()
    {
        lrTexture?.Dispose();
        srTexture?.Dispose();
        rowsTarget?.Dispose();
        bicubicLabel?.Dispose();
        srLabel?.Dispose();
        osdTexture.Dispose();
        vertexArray.Dispose();
        solid.Dispose();
        overlay.Dispose();
        sr.Dispose();
        bicubic.Dispose();
        bicubicRows.Dispose();
    }

    private void DrawDecorations(ViewState state, in ViewLayout layout, int targetWidth, int targetHeight)
    {
        int magnify = targetHeight >= 480 ? 2 : 1;
        ViewPane first = layout.First;
        switch (state.Mode)
        {
            case ViewMode.Split:
                // A 2-pixel divider centred on the first SR column, so neither side loses a column to it.
                var line = new PixelRect(layout.DividerX - 1, first.Fit.Y, 2, first.Fit.Height);
                solid.Draw(line, 1f, 1f, 1f, targetWidth, targetHeight);
                DrawLabel(bicubicLabel, first.Fit.X + LabelMargin, first.Fit.Y + LabelMargin, magnify, targetWidth, targetHeight);
                int srLabelWidth = magnify * (srLabel?.Width ?? 0);
                DrawLabel(srLabel, first.Fit.Right - LabelMargin - srLabelWidth, first.Fit.Y + LabelMargin,
                    magnify, targetWidth, targetHeight);
                break;
            case ViewMode.Side:
                DrawLabel(bicubicLabel, first.Fit.X + LabelMargin, first.Fit.Y + LabelMargin, magnify, targetWidth, targetHeight);
                ViewPane second = layout.Second!.Value;
                DrawLabel(srLabel, second.Fit.X + LabelMargin, second.Fit.Y + LabelMargin, magnify, targetWidth, targetHeight);
                break;
            default:
                GlTexture? label = first.Content == PaneContent.Bicubic ? bicubicLabel : srLabel;
                DrawLabel(label, first.Fit.X + LabelMargin, first.Fit.Y + LabelMargin, magnify, targetWidth, targetHeight);
                break;
        }

        if (state.OsdVisible && osdStats is not null)
        {
            if (osdDirty)
            {
                osdPanel.Render(osdStats, FrameTimes);
                osdTexture.UploadRgba(osdPanel.Canvas.Pixels);
                osdDirty = false;
            }

            int osdMagnify = targetHeight >= 1000 ? 2 : 1;
            int top = first.Fit.Y + LabelMargin + (bicubicLabel?.Height ?? 0) * magnify + LabelMargin;
            overlay.Draw(osdTexture, first.Fit.X + LabelMargin, top, osdMagnify, targetWidth, targetHeight);
        }
    }

    private void DrawLabel(GlTexture? label, int x, int y, int magnify, int targetWidth, int targetHeight)
    {
        if (label is not null)
        {
            overlay.Draw(label, x, y, magnify, targetWidth, targetHeight);
        }
    }

    private GlTexture? Label(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var canvas = new OverlayCanvas(BitmapFont.MeasureWidth(text) + 5, BitmapFont.CellHeight + 2);
        canvas.Clear(Rgba.Panel);
        canvas.DrawText(3, 2, text, Rgba.White);
        var texture = new GlTexture(gl, canvas.Width, canvas.Height, TextureLayout.Rgba8);
        texture.UploadRgba(canvas.Pixels);
        return texture;
    }

    private GlTexture Resized(GlTexture? texture, int width, int height, TextureLayout layout)
    {
        if (texture is not null && texture.Width == width && texture.Height == height)
        {
            return texture;
        }

        texture?.Dispose();
        return new GlTexture(gl, width, height, layout);
    }

    private void StartTiming()
    {
        if (MeasurePasses)
        {
            gl.Finish();
            stopwatch.Restart();
        }
    }

    private double StopTiming()
    {
        if (!MeasurePasses)
        {
            return 0;
        }

        gl.Finish();
        return stopwatch.Elapsed.TotalMilliseconds;
    }

    private static T Track<T>(T item, List<IDisposable> created)
        where T : IDisposable
    {
        created.Add(item);
        return item;
    }
}
