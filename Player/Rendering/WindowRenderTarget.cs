using RealtimeSR.Player.Input;
using RealtimeSR.Player.Platform;
using Silk.NET.OpenGL;

namespace RealtimeSR.Player.Rendering;

/// <summary>A window's default framebuffer as a render target. Owns the window.</summary>
public sealed class WindowRenderTarget : IRenderTarget
{
    private readonly IPlayerWindow _window;

    /// <param name="window">A window whose GL context is current on this thread; disposed with the target.</param>
    /// <param name="driver">The video driver, for <see cref="Description"/>.</param>
    public WindowRenderTarget(IPlayerWindow window, string driver)
    {
        _window = window;
        Description = $"window ({driver})";
    }

    public GL Gl => _window.Gl;

    public (int Width, int Height) Size => _window.DrawableSize;

    public string Description { get; }

    public IPlayerWindow Window => _window;

    public bool PollEvent(out InputEvent inputEvent) => _window.PollEvent(out inputEvent);

    public void Bind() => _window.Gl.BindFramebuffer(FramebufferTarget.Framebuffer, 0);

    public void Present() => _window.SwapBuffers();

    public void SetFullscreen(bool fullscreen) => _window.SetFullscreen(fullscreen);

    public void Dispose() => _window.Dispose();
}
