using RealtimeSR.Player.Input;
using RealtimeSR.Player.Platform;
using Silk.NET.OpenGL;

namespace RealtimeSR.Player.Rendering;

/// <summary>A window's default framebuffer as a render target. Owns the window.</summary>
public sealed class WindowRenderTarget : IRenderTarget
{
    private readonly IPlayerWindow window;

    /// <param name="window">A window whose GL context is current on this thread; disposed with the target.</param>
    /// <param name="driver">The video driver, for <see cref="Description"/>.</param>
    public WindowRenderTarget(IPlayerWindow window, string driver)
    {
        this.window = window;
        Description = $"window ({driver})";
    }

    public GL Gl => window.Gl;

    public (int Width, int Height) Size => window.DrawableSize;

    public string Description { get; }

    public IPlayerWindow Window => window;

    public bool PollEvent(out InputEvent inputEvent) => window.PollEvent(out inputEvent);

    public void Bind() => window.Gl.BindFramebuffer(FramebufferTarget.Framebuffer, 0);

    public void Present() => window.SwapBuffers();

    public void SetFullscreen(bool fullscreen) => window.SetFullscreen(fullscreen);

    public void Dispose() => window.Dispose();
}
