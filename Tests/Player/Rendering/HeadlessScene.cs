using RealtimeSR.Player.Platform.Egl;
using RealtimeSR.Player.Rendering;
using RealtimeSR.Shared.Imaging;
using RealtimeSR.Tests.Imaging;

namespace RealtimeSR.Tests.Player.Rendering;

/// <summary>
/// An EGL surfaceless context with a <see cref="ViewRenderer"/> drawing into an offscreen framebuffer, and a known
/// LR picture plus a known (unrelated) "SR" picture, for render tests. Create and use it on one thread.
/// </summary>
internal sealed class HeadlessScene : IDisposable
{
    public HeadlessScene(int targetWidth = 1280, int targetHeight = 720, int lrWidth = 320, int lrHeight = 180, int scale = 4)
    {
        Context = new EglHeadlessContext();
        Target = new GlFramebuffer(Context.Gl, targetWidth, targetHeight);
        Renderer = new ViewRenderer(Context.Gl, new ShaderLibrary());
        Lr = TestImages.Pattern(lrWidth, lrHeight, seed: 3);
        Sr = TestImages.Pattern(lrWidth * scale, lrHeight * scale, seed: 11);
        Scale = scale;
        Renderer.SetFrame(Unit(Lr), Lr.Width, Lr.Height, Unit(Sr), Sr.Width, Sr.Height);
    }

    public EglHeadlessContext Context { get; }

    public GlFramebuffer Target { get; }

    public ViewRenderer Renderer { get; }

    /// <summary>The LR input, [0, 255].</summary>
    public Image Lr { get; }

    /// <summary>The SR input, [0, 255].</summary>
    public Image Sr { get; }

    public int Scale { get; }

    /// <summary>Draws <paramref name="state"/> into the target and reads it back.</summary>
    public Image Render(RealtimeSR.Player.View.ViewState state)
    {
        Target.Bind();
        Renderer.Draw(state, Target.Width, Target.Height);
        return Screenshot.Capture(Context.Gl, Target.Width, Target.Height);
    }

    /// <summary>CHW floats in [0, 1], as ONNX Runtime produces them.</summary>
    public static float[] Unit(Image image) => image.ToRange(PixelRange.Unit).Planes;

    public void Dispose()
    {
        Renderer.Dispose();
        Target.Dispose();
        Context.Dispose();
    }
}
