using Silk.NET.OpenGL;

namespace RealtimeSR.Player.Rendering;

/// <summary>
/// An offscreen render target: a framebuffer object with one colour texture (RGBA8 by default; RGBA float for
/// intermediate results). Headless rendering (EGL) draws here; <see cref="Bind"/> makes it the draw and read
/// framebuffer and sets the viewport to cover it.
/// </summary>
public sealed class GlFramebuffer : IDisposable
{
    private readonly GL _gl;
    private uint _handle;

    /// <exception cref="GlException">The driver reports the framebuffer incomplete.</exception>
    public GlFramebuffer(GL gl, int width, int height, TextureLayout layout = TextureLayout.Rgba8)
    {
        if (layout is not (TextureLayout.Rgba8 or TextureLayout.RgbaFloat))
        {
            throw new ArgumentException($"a framebuffer needs an RGBA colour texture, not {layout}", nameof(layout));
        }

        _gl = gl;
        Width = width;
        Height = height;
        Color = new GlTexture(gl, width, height, layout);
        _handle = gl.GenFramebuffer();
        gl.BindFramebuffer(FramebufferTarget.Framebuffer, _handle);
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
        _gl.BindFramebuffer(FramebufferTarget.Framebuffer, _handle != 0 ? _handle : throw new ObjectDisposedException(nameof(GlFramebuffer)));
        _gl.Viewport(0, 0, (uint)Width, (uint)Height);
    }

    public void Dispose()
    {
        if (_handle != 0)
        {
            _gl.BindFramebuffer(FramebufferTarget.Framebuffer, 0);
            _gl.DeleteFramebuffer(_handle);
            _handle = 0;
        }

        Color.Dispose();
    }
}
