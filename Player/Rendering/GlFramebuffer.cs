using Silk.NET.OpenGL;

namespace RealtimeSR.Player.Rendering;

/// <summary>
/// An offscreen render target: a framebuffer object with one colour texture (RGBA8 by default; RGBA float for
/// intermediate results). Headless rendering (EGL) draws here; <see cref="Bind"/> makes it the draw and read
/// framebuffer and sets the viewport to cover it.
/// </summary>
public sealed class GlFramebuffer : IDisposable
{
    private readonly GL gl;
    private uint handle;

    /// <exception cref="GlException">The driver reports the framebuffer incomplete.</exception>
    public GlFramebuffer(GL gl, int width, int height, TextureLayout layout = TextureLayout.Rgba8)
    {
        if (layout is not (TextureLayout.Rgba8 or TextureLayout.RgbaFloat))
        {
            throw new ArgumentException($"a framebuffer needs an RGBA colour texture, not {layout}", nameof(layout));
        }

        this.gl = gl;
        Width = width;
        Height = height;
        Color = new GlTexture(gl, width, height, layout);
        handle = gl.GenFramebuffer();
        gl.BindFramebuffer(FramebufferTarget.Framebuffer, handle);
        gl.FramebufferTexture2D(FramebufferTarget.Framebuffer, FramebufferAttachment.ColorAttachment0,
            TextureTarget.Texture2D, Color.Handle, 0);
        GLEnum status = gl.CheckFramebufferStatus(FramebufferTarget.Framebuffer);
        if (status != GLEnum.FramebufferComplete)
        {
            Dispose();
            throw new GlException($"a {width}x{height} {layout} framebuffer is incomplete ({status})");
        }
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>The colour attachment.</summary>
    public GlTexture Color { get; }

    public void Bind()
    {
        gl.BindFramebuffer(FramebufferTarget.Framebuffer, handle != 0 ? handle : throw new ObjectDisposedException(nameof(GlFramebuffer)));
        gl.Viewport(0, 0, (uint)Width, (uint)Height);
    }

    public void Dispose()
    {
        if (handle != 0)
        {
            gl.BindFramebuffer(FramebufferTarget.Framebuffer, 0);
            gl.DeleteFramebuffer(handle);
            handle = 0;
        }

        Color.Dispose();
    }
}
