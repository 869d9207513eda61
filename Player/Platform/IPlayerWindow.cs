using RealtimeSR.Player.Input;
using Silk.NET.OpenGL;

namespace RealtimeSR.Player.Platform;

/// <summary>
/// A window with a current OpenGL 3.3 core context, as the render loop needs it. SDL2 implements it here
/// (<see cref="Sdl.SdlWindow"/>); Silk.NET.Windowing could where it is available. Every member must be called on the
/// thread that created the window (the render thread): GL contexts and most windowing systems are thread-bound.
/// </summary>
public interface IPlayerWindow : IDisposable
{
    /// <summary>GL entry points of this window's context.</summary>
    GL Gl { get; }

    /// <summary>Size of the default framebuffer in pixels (differs from window points on high-DPI screens).</summary>
    (int Width, int Height) DrawableSize { get; }

    bool IsFullscreen { get; }

    /// <summary>Switches to borderless desktop fullscreen and back.</summary>
    void SetFullscreen(bool fullscreen);

    /// <summary>Next pending input, translated; false when the queue is empty. Never blocks.</summary>
    bool PollEvent(out InputEvent inputEvent);

    /// <summary>Shows the frame drawn into the back buffer (waits for vertical sync when it is on).</summary>
    void SwapBuffers();

    void SetTitle(string title);
}
