using System.Diagnostics;
using RealtimeSR.Player.Rendering.Osd;
using RealtimeSR.Player.View;
using RealtimeSR.Shared.Imaging;
using Silk.NET.OpenGL;

namespace RealtimeSR.Player.Rendering;

/// <summary>
/// Draws one frame of the player: the bicubic upscale of the LR frame and the model's SR frame laid out by a
/// <see cref="ViewState"/> (split at the divider, side by side, or one of them), letterboxed on black, zoomed and
/// panned together, with the divider, labels (<c>Bicubic</c> | model name) and the optional OSD on top.
/// Use it on the GL thread only: <see cref="SetFrame"/> when a new frame arrives, <see cref="Draw"/> for every
/// presentation (redraws after a resize or a divider drag need no new upload), into whatever the
/// <see cref="IRenderTarget"/> bound (a window's framebuffer, or an offscreen one headless; the render loop shows
/// both). Steady state allocates nothing.
/// </summary>
public sealed class ViewRenderer : IDisposable
{
    private const int LabelMargin = 8;

    private readonly GL _gl;
    private readonly BicubicRowsPass _bicubicRows;
    private readonly BicubicPass _bicubic;
    private readonly SrPass _sr;
    private readonly DifferencePass _difference;
    private readonly OverlayPass _overlay;
    private readonly SolidPass _solid;
    private readonly GlVertexArray _vertexArray;
    private readonly OsdPanel _osdPanel = new();
    private readonly GlTexture _osdTexture;
    private readonly Stopwatch _stopwatch = new();
    private GlTexture? _lrTexture;
    private GlTexture? _srTexture;
    private GlTexture? _referenceTexture;
    private bool _differenceLabelFromReference;
    private GlFramebuffer? _rowsTarget;
    private bool _rowsStale;
    private GlFramebuffer? _bicubicWhole;
    private bool _bicubicWholeStale;
    private GlTexture? _differenceLabel;
    private double _differenceLabelGain;
    private GlTexture? _bicubicLabel;
    private GlTexture? _srLabel;
    private OsdStats? _osdStats;
    private bool _osdDirty;
    private double _uploadMs;

    /// <summary>Compiles the passes' programs (Shaders/ files) on the current GL context.</summary>
    /// <exception cref="GlShaderException">A shader failed to compile or link (with the info log).</exception>
    /// <exception cref="ShaderFileException">A shader file is missing.</exception>
    public ViewRenderer(GL gl, ShaderLibrary shaders)
    {
        _gl = gl;
        var created = new List<IDisposable>();
        try
        {
            _bicubicRows = Track(new BicubicRowsPass(gl, shaders), created);
            _bicubic = Track(new BicubicPass(gl, shaders), created);
            _sr = Track(new SrPass(gl, shaders), created);
            _difference = Track(new DifferencePass(gl, shaders), created);
            _overlay = Track(new OverlayPass(gl, shaders), created);
            _solid = Track(new SolidPass(gl, shaders), created);
            _vertexArray = Track(new GlVertexArray(gl), created);
            _osdTexture = Track(new GlTexture(gl, _osdPanel.Canvas.Width, _osdPanel.Canvas.Height, TextureLayout.Rgba8), created);
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
    public bool HasFrame => _srTexture is not null;

    /// <summary>SR frame width (the layout's picture width), 0 before the first frame.</summary>
    public int PictureWidth => _srTexture?.Width ?? 0;

    /// <summary>SR frame height, 0 before the first frame.</summary>
    public int PictureHeight => _srTexture?.Height ?? 0;

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
        _lrTexture = Resized(_lrTexture, lrWidth, lrHeight, TextureLayout.RgbFloat);
        _srTexture = Resized(_srTexture, srWidth, srHeight, TextureLayout.PlanarFloat);
        _lrTexture.UploadPlanar(lr);
        _srTexture.UploadPlanar(srOutput);
        if (_rowsTarget is null || _rowsTarget.Width != srWidth || _rowsTarget.Height != lrHeight)
        {
            _rowsTarget?.Dispose();
            _rowsTarget = null;
            _rowsTarget = new GlFramebuffer(_gl, srWidth, lrHeight, TextureLayout.RgbaFloat);
        }

        // The rows are resized at the next Draw, where the caller's framebuffer binding is known and can be restored.
        _rowsStale = true;
        _bicubicWholeStale = true;
        _uploadMs = StopTiming();
    }

    /// <summary>
    /// The reference video's frame for the one given to <see cref="SetFrame"/> (planar, SR size): the difference view
    /// can show |SR − reference| (<see cref="ViewState.DifferenceFromReference"/>). Empty = none (the view then stays on bicubic).
    /// </summary>
    public void SetReference(ReadOnlySpan<float> reference, int width, int height)
    {
        if (reference.IsEmpty)
        {
            _referenceTexture?.Dispose();
            _referenceTexture = null;
            return;
        }

        _referenceTexture = Resized(_referenceTexture, width, height, TextureLayout.PlanarFloat);
        _referenceTexture.UploadPlanar(reference);
    }

    /// <summary>Sets the label texts (left: the bicubic side, right: the model); rasterised once here.</summary>
    public void SetLabels(string bicubicText, string srText)
    {
        _bicubicLabel?.Dispose();
        _srLabel?.Dispose();
        _bicubicLabel = null;
        _srLabel = null;
        _bicubicLabel = Label(bicubicText);
        _srLabel = Label(srText);
    }

    /// <summary>New figures for the OSD; the panel is redrawn at the next <see cref="Draw"/> that shows it.</summary>
    public void SetOsd(OsdStats stats)
    {
        _osdStats = stats;
        _osdDirty = true;
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
        double rowsMs = UpdateRows();

        _gl.Viewport(0, 0, (uint)targetWidth, (uint)targetHeight);
        _gl.Disable(EnableCap.Blend);
        _gl.Disable(EnableCap.DepthTest);
        _gl.Disable(EnableCap.ScissorTest);
        _gl.ClearColor(0f, 0f, 0f, 1f);
        _gl.Clear(ClearBufferMask.ColorBufferBit);
        if (_lrTexture is null || _srTexture is null || _rowsTarget is null)
        {
            return;
        }

        _vertexArray.Bind();
        ViewLayout layout = Layout(state, targetWidth, targetHeight);
        if (state.Mode == ViewMode.Difference)
        {
            PrepareDifference(state.DifferenceGain, UsesReference(state), targetWidth, targetHeight);
        }

        double bicubicMs = 0;
        double srMs = 0;
        for (int i = 0; i < layout.PaneCount; i++)
        {
            ViewPane pane = layout.Pane(i);
            StartTiming();
            DrawPane(pane, state, targetWidth, targetHeight);
            if (pane.Content == PaneContent.Bicubic)
            {
                bicubicMs += StopTiming();
            }
            else
            {
                srMs += StopTiming();
            }
        }

        StartTiming();
        DrawDecorations(state, layout, targetWidth, targetHeight);
        if (LoupeLayout.Compute(state, layout, targetWidth, targetHeight) is { } loupe)
        {
            // A 2-pixel white border around both squares, then the squares: the same passes as the view, magnified.
            var border = loupe.Frame;
            _solid.Draw(new PixelRect(border.X - 2, border.Y - 2, border.Width + 4, border.Height + 4), 1f, 1f, 1f, targetWidth, targetHeight);
            DrawPane(loupe.Bicubic, state, targetWidth, targetHeight);
            DrawPane(loupe.Sr, state, targetWidth, targetHeight);
        }

        double overlayMs = StopTiming();
        if (MeasurePasses)
        {
            LastTimings = new PassTimings(_uploadMs, rowsMs, bicubicMs, srMs, overlayMs);
        }
    }

    /// <summary>
    /// Resizes the LR rows to SR width when a new frame came (the first half of the bicubic upscale), restoring the
    /// caller's framebuffer; returns its time when passes are measured.
    /// </summary>
    private double UpdateRows()
    {
        if (!_rowsStale || _lrTexture is null || _rowsTarget is null)
        {
            return 0;
        }

        _gl.GetInteger(GetPName.DrawFramebufferBinding, out int callerFramebuffer);
        StartTiming();
        _vertexArray.Bind();
        _gl.Disable(EnableCap.Blend);
        _bicubicRows.Draw(_lrTexture, _rowsTarget);
        double ms = StopTiming();
        _gl.BindFramebuffer(FramebufferTarget.Framebuffer, (uint)callerFramebuffer);
        _rowsStale = false;
        return ms;
    }

    private void DrawPane(in ViewPane pane, ViewState state, int targetWidth, int targetHeight)
    {
        switch (pane.Content)
        {
            case PaneContent.Bicubic:
                _bicubic.Draw(_rowsTarget!.Color, _srTexture!.Width, _srTexture.Height, pane, targetWidth, targetHeight);
                break;
            case PaneContent.Difference:
                _difference.Draw(_srTexture!, UsesReference(state) ? _referenceTexture! : _bicubicWhole!.Color, state.DifferenceGain, pane, targetWidth, targetHeight);
                break;
            default:
                _sr.Draw(_srTexture!, pane, targetWidth, targetHeight);
                break;
        }
    }

    /// <summary>
    /// The difference view's inputs: the whole bicubic upscale at SR size (drawn once per frame, and only while the
    /// view is on) and the label carrying the gain. Restores the caller's framebuffer and viewport.
    /// </summary>
    private void PrepareDifference(double gain, bool fromReference, int targetWidth, int targetHeight)
    {
        UpdateBicubicWhole(targetWidth, targetHeight);
        if (_differenceLabel is null || _differenceLabelGain != gain || _differenceLabelFromReference != fromReference)
        {
            _differenceLabel?.Dispose();
            _differenceLabel = null;
            _differenceLabel = Label(DifferenceLabel(gain, fromReference));
            _differenceLabelGain = gain;
            _differenceLabelFromReference = fromReference;
        }
    }

    /// <summary>Whether the difference view compares with the reference: asked for, and there is one of the SR frame's size.</summary>
    private bool UsesReference(ViewState state) =>
        state.DifferenceFromReference && _referenceTexture is { } reference && reference.Width == _srTexture?.Width && reference.Height == _srTexture.Height;

    /// <summary>
    /// Draws the whole bicubic upscale at SR size into its framebuffer when the frame changed (bottom row first, as
    /// GL draws); restores the caller's framebuffer and sets the viewport back to the target's size.
    /// </summary>
    private void UpdateBicubicWhole(int targetWidth, int targetHeight)
    {
        int width = _srTexture!.Width, height = _srTexture.Height;
        if (_bicubicWhole is null || _bicubicWhole.Width != width || _bicubicWhole.Height != height)
        {
            _bicubicWhole?.Dispose();
            _bicubicWhole = null;
            _bicubicWhole = new GlFramebuffer(_gl, width, height, TextureLayout.RgbaFloat);
            _bicubicWholeStale = true;
        }

        if (_bicubicWholeStale)
        {
            _vertexArray.Bind();
            _gl.Disable(EnableCap.Blend);
            _gl.GetInteger(GetPName.DrawFramebufferBinding, out int callerFramebuffer);
            _bicubicWhole.Bind(); // sets its viewport
            var whole = new PixelRect(0, 0, width, height);
            _bicubic.Draw(_rowsTarget!.Color, width, height, new ViewPane(PaneContent.Bicubic, whole, 0, 0, 1, whole), width, height);
            _gl.BindFramebuffer(FramebufferTarget.Framebuffer, (uint)callerFramebuffer);
            _gl.Viewport(0, 0, (uint)targetWidth, (uint)targetHeight);
            _bicubicWholeStale = false;
        }
    }

    /// <summary>
    /// The pictures of the frame on screen, read back from the GPU as the view shows them (for an evidence snapshot):
    /// the source (LR) frame, its bicubic upscale and the SR frame, each CHW in [0, 1] (clamped as displayed), row 0
    /// at the top. Allocates; call on the GL thread after a frame was given, with the size of the bound target.
    /// </summary>
    public (Image Source, Image Bicubic, Image Sr) ReadPictures(int targetWidth, int targetHeight)
    {
        if (_lrTexture is null || _srTexture is null || _rowsTarget is null)
        {
            throw new InvalidOperationException("no frame has been shown yet");
        }

        UpdateRows();
        UpdateBicubicWhole(targetWidth, targetHeight);
        int width = _srTexture.Width, height = _srTexture.Height;
        var bottomUp = _bicubicWhole!.Color.DownloadPlanar();
        var bicubic = new float[bottomUp.Length];
        for (int c = 0; c < 3; c++)
        {
            for (int y = 0; y < height; y++)
            {
                Array.Copy(bottomUp, (c * height + height - 1 - y) * width, bicubic, (c * height + y) * width, width);
            }
        }

        return (
            Unit(_lrTexture.Width, _lrTexture.Height, _lrTexture.DownloadPlanar()),
            Unit(width, height, bicubic),
            Unit(width, height, _srTexture.DownloadPlanar()));

        static Image Unit(int w, int h, float[] chw)
        {
            for (int i = 0; i < chw.Length; i++)
            {
                chw[i] = Math.Clamp(chw[i], 0f, 1f);
            }

            return new Image(w, h, PixelRange.Unit, chw);
        }
    }

    /// <summary>The difference view's label, with its gain.</summary>
    public static string DifferenceLabel(double gain, bool fromReference = false) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"|SR - {(fromReference ? "reference" : "bicubic")}| x{gain:0.##}");

    public void Dispose()
    {
        _bicubicWhole?.Dispose();
        _referenceTexture?.Dispose();
        _differenceLabel?.Dispose();
        _difference.Dispose();
        _lrTexture?.Dispose();
        _srTexture?.Dispose();
        _rowsTarget?.Dispose();
        _bicubicLabel?.Dispose();
        _srLabel?.Dispose();
        _osdTexture.Dispose();
        _vertexArray.Dispose();
        _solid.Dispose();
        _overlay.Dispose();
        _sr.Dispose();
        _bicubic.Dispose();
        _bicubicRows.Dispose();
    }

    private GlTexture? LabelOf(in ViewPane pane) => pane.Content switch
    {
        PaneContent.Bicubic => _bicubicLabel,
        PaneContent.Difference => _differenceLabel,
        _ => _srLabel,
    };

    private void DrawDecorations(ViewState state, in ViewLayout layout, int targetWidth, int targetHeight)
    {
        int magnify = targetHeight >= 480 ? 2 : 1;
        ViewPane first = layout.First;
        switch (state.Mode)
        {
            case ViewMode.Split:
                // A 2-pixel divider centred on the first SR column, so neither side loses a column to it.
                var line = new PixelRect(layout.DividerX - 1, first.Fit.Y, 2, first.Fit.Height);
                _solid.Draw(line, 1f, 1f, 1f, targetWidth, targetHeight);
                DrawLabel(LabelOf(first), first.Fit.X + LabelMargin, first.Fit.Y + LabelMargin, magnify, targetWidth, targetHeight);
                GlTexture? rightLabel = LabelOf(layout.Second!.Value);
                int rightLabelWidth = magnify * (rightLabel?.Width ?? 0);
                DrawLabel(rightLabel, first.Fit.Right - LabelMargin - rightLabelWidth, first.Fit.Y + LabelMargin,
                    magnify, targetWidth, targetHeight);
                break;
            case ViewMode.Side:
                DrawLabel(LabelOf(first), first.Fit.X + LabelMargin, first.Fit.Y + LabelMargin, magnify, targetWidth, targetHeight);
                ViewPane second = layout.Second!.Value;
                DrawLabel(LabelOf(second), second.Fit.X + LabelMargin, second.Fit.Y + LabelMargin, magnify, targetWidth, targetHeight);
                break;
            default:
                DrawLabel(LabelOf(first), first.Fit.X + LabelMargin, first.Fit.Y + LabelMargin, magnify, targetWidth, targetHeight);
                break;
        }

        if (state.OsdVisible && _osdStats is not null)
        {
            if (_osdDirty)
            {
                _osdPanel.Render(_osdStats, FrameTimes);
                _osdTexture.UploadRgba(_osdPanel.Canvas.Pixels);
                _osdDirty = false;
            }

            int osdMagnify = targetHeight >= 1000 ? 2 : 1;
            int top = first.Fit.Y + LabelMargin + (_bicubicLabel?.Height ?? 0) * magnify + LabelMargin;
            _overlay.Draw(_osdTexture, first.Fit.X + LabelMargin, top, osdMagnify, targetWidth, targetHeight);
        }
    }

    private void DrawLabel(GlTexture? label, int x, int y, int magnify, int targetWidth, int targetHeight)
    {
        if (label is not null)
        {
            _overlay.Draw(label, x, y, magnify, targetWidth, targetHeight);
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
        var texture = new GlTexture(_gl, canvas.Width, canvas.Height, TextureLayout.Rgba8);
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
        return new GlTexture(_gl, width, height, layout);
    }

    private void StartTiming()
    {
        if (MeasurePasses)
        {
            _gl.Finish();
            _stopwatch.Restart();
        }
    }

    private double StopTiming()
    {
        if (!MeasurePasses)
        {
            return 0;
        }

        _gl.Finish();
        return _stopwatch.Elapsed.TotalMilliseconds;
    }

    private static T Track<T>(T item, List<IDisposable> created)
        where T : IDisposable
    {
        created.Add(item);
        return item;
    }
}
