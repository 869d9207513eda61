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
    /// <param name="targetWidth">Framebuffer width.</param>
    /// <param name="targetHeight">Framebuffer height.</param>
    /// <param name="lrWidth">LR picture width.</param>
    /// <param name="lrHeight">LR picture height.</param>
    /// <param name="scale">SR factor.</param>
    /// <param name="srIsBicubic">
    /// The "SR" picture is the bicubic upscale of the LR one exactly as the GPU computes it (<see cref="FloatBicubic"/>),
    /// as a model that changes nothing would give.
    /// </param>
    public HeadlessScene(int targetWidth = 1280, int targetHeight = 720, int lrWidth = 320, int lrHeight = 180, int scale = 4, bool srIsBicubic = false)
    {
        Context = new EglHeadlessContext();
        Target = new GlFramebuffer(Context.Gl, targetWidth, targetHeight);
        Renderer = new ViewRenderer(Context.Gl, new ShaderLibrary());
        Lr = TestImages.Pattern(lrWidth, lrHeight, seed: 3);
        Sr = srIsBicubic ? FloatBicubic(Lr, scale) : TestImages.Pattern(lrWidth * scale, lrHeight * scale, seed: 11);
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

    /// <summary>
    /// The player's bicubic upscale on the CPU: Keys (a = −0.5) taps with clamped edges, rows to SR width first, then
    /// columns, in floats without rounding between (bicubic_rows.frag, then bicubic.frag), clamped to [0, 255] at the
    /// end. <c>MatlabResize.Upscale</c> differs by up to a level: it resizes columns first and rounds to 8 bits as MATLAB does.
    /// </summary>
    public static Image FloatBicubic(Image lr, int scale)
    {
        int width = lr.Width * scale, height = lr.Height * scale;
        var rows = new double[3, lr.Height, width];
        for (int c = 0; c < 3; c++)
        {
            for (int y = 0; y < lr.Height; y++)
            {
                for (int x = 0; x < width; x++)
                {
                    rows[c, y, x] = Taps(x, scale, lr.Width, i => lr.Planes[(c * lr.Height + y) * lr.Width + i]);
                }
            }
        }

        var result = new Image(width, height, PixelRange.Byte);
        for (int c = 0; c < 3; c++)
        {
            for (int y = 0; y < height; y++)
            {
                for (int x = 0; x < width; x++)
                {
                    result.Planes[(c * height + y) * width + x] = (float)Math.Clamp(Taps(y, scale, lr.Height, j => rows[c, j, x]), 0, 255);
                }
            }
        }

        return result;
    }

    private static double Taps(int output, int scale, int size, Func<int, double> sample)
    {
        double source = (output + 0.5) / scale - 0.5;
        double t = source - Math.Floor(source);
        double t2 = t * t, t3 = t2 * t;
        double[] weights = [-0.5 * t3 + t2 - 0.5 * t, 1.5 * t3 - 2.5 * t2 + 1, -1.5 * t3 + 2 * t2 + 0.5 * t, 0.5 * t3 - 0.5 * t2];
        int first = (int)Math.Floor(source) - 1;
        double sum = 0;
        for (int k = 0; k < 4; k++)
        {
            sum += weights[k] * sample(Math.Clamp(first + k, 0, size - 1));
        }

        return sum;
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
