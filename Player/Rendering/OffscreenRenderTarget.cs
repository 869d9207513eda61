using RealtimeSR.Player.Input;
using RealtimeSR.Player.Platform.Egl;
using Silk.NET.OpenGL;

namespace RealtimeSR.Player.Rendering;

/// <summary>
/// Headless rendering: an EGL surfaceless context (no X) and an RGBA8 framebuffer of a fixed size that stands in
/// for the window. <see cref="Present"/> waits for the rasteriser (<c>glFinish</c>), as a swap would, so a frame's
/// render time is its real cost.
/// </summary>
public sealed class OffscreenRenderTarget : IRenderTarget
{
    private readonly EglHeadlessContext context;
    private readonly GlFramebuffer framebuffer;

    /// <exception cref="EglException">No EGL or no GL 3.3 core context.</exception>
    public OffscreenRenderTarget(int width, int height)
    {
        context = new EglHeadlessContext();
        try
        {
            framebuffer = new GlFramebuffer(context.Gl, width, height);
        }
        catch
        {
            context.Dispose();
            throw;
        }

        Description = $"headless (EGL, {context.Vendor})";
    }

    public GL Gl => context.Gl;

    public (int Width, int Height) Size => (framebuffer.Width, framebuffer.Height);

    public string Description { get; }

    public bool PollEvent(out InputEvent inputEvent)
    {
        inputEvent = default;
        return false;
    }

    public void Bind() => framebuffer.Bind();

    public void Present() => context.Gl.Finish();

    public void SetFullscreen(bool fullscreen)
    {
    }

    public void Dispose()
    {
        framebuffer.Dispose();
        context.Dispose();
    }
}
