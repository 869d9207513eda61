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
    private readonly EglHeadlessContext _context;
    private readonly GlFramebuffer _framebuffer;

    /// <exception cref="EglException">No EGL or no GL 3.3 core context.</exception>
    public OffscreenRenderTarget(int width, int height)
    {
        _context = new EglHeadlessContext();
        try
        {
            _framebuffer = new GlFramebuffer(_context.Gl, width, height);
        }
        catch
        {
            _context.Dispose();
            throw;
        }

        Description = $"headless (EGL, {_context.Vendor})";
    }

    public GL Gl => _context.Gl;

    public (int Width, int Height) Size => (_framebuffer.Width, _framebuffer.Height);

    public string Description { get; }

    public bool PollEvent(out InputEvent inputEvent)
    {
        inputEvent = default;
        return false;
    }

    public void Bind() => _framebuffer.Bind();

    public void Present() => _context.Gl.Finish();

    public void SetFullscreen(bool fullscreen)
    {
    }

    public void Dispose()
    {
        _framebuffer.Dispose();
        _context.Dispose();
    }
}
