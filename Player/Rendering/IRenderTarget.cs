using RealtimeSR.Player.Input;
using Silk.NET.OpenGL;

namespace RealtimeSR.Player.Rendering;

/// <summary>
/// Where the render loop draws: a window (shown, with input) or an offscreen framebuffer (headless, no input). Use
/// it on the thread whose GL context it made current.
/// </summary>
public interface IRenderTarget : IDisposable
{
    GL Gl { get; }

    /// <summary>Size of what is drawn, in pixels.</summary>
    (int Width, int Height) Size { get; }

    /// <summary>"window (x11)" or "headless (EGL, Mesa Project)", for the log line.</summary>
    string Description { get; }

    /// <summary>Next input event; false when there is none (always, headless).</summary>
    bool PollEvent(out InputEvent inputEvent);

    /// <summary>Binds the framebuffer that <see cref="Present"/> shows, so a draw and a read-back address it.</summary>
    void Bind();

    /// <summary>Shows what was drawn (swap), or waits until the GPU has finished it (headless).</summary>
    void Present();

    /// <summary>Enters or leaves fullscreen (ignored headless).</summary>
    void SetFullscreen(bool fullscreen);
}
