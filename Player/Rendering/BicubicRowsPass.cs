using RealtimeSR.Player.View;
using Silk.NET.OpenGL;

namespace RealtimeSR.Player.Rendering;

/// <summary>
/// The horizontal half of the bicubic upscale (bicubic_rows.frag): resizes every LR row to SR width with 4 Keys
/// taps into an RGBA32F target of SR width × LR height. Run once per new frame; <see cref="BicubicPass"/> finishes
/// the upscale per shown pixel with 4 vertical taps (16 fetches per pixel would otherwise dominate on llvmpipe).
/// </summary>
public sealed class BicubicRowsPass : IDisposable
{
    private readonly GL _gl;
    private readonly GlProgram _program;
    private readonly int _rect;
    private readonly int _lrSize;
    private readonly int _srWidth;

    public BicubicRowsPass(GL gl, ShaderLibrary shaders)
    {
        _gl = gl;
        _program = shaders.Program(gl, "quad.vert", "bicubic_rows.frag");
        _rect = _program.Uniform("u_rect");
        _lrSize = _program.Uniform("u_lrSize");
        _srWidth = _program.Uniform("u_srWidth");
        _program.Use();
        gl.Uniform1(_program.Uniform("u_lr"), 0);
    }

    /// <summary>Resizes the rows of <paramref name="lr"/> (RGB float) into <paramref name="rows"/> (RGBA float,
    /// SR width × LR height), which is bound as the framebuffer here; the caller rebinds its own target.</summary>
    public void Draw(GlTexture lr, GlFramebuffer rows)
    {
        if (lr.Layout != TextureLayout.RgbFloat || rows.Color.Layout != TextureLayout.RgbaFloat || rows.Height != lr.Height)
        {
            throw new ArgumentException(
                $"the rows pass reads an RgbFloat LR texture into an RgbaFloat target of LR height {lr.Height}, " +
                $"not {lr.Layout} into {rows.Color.Layout} of height {rows.Height}", nameof(rows));
        }

        rows.Bind();
        _program.Use();
        lr.Bind(0);
        _gl.Uniform2(_lrSize, lr.Width, lr.Height);
        _gl.Uniform1(_srWidth, rows.Width);
        ScreenQuad.Draw(_gl, _rect, new PixelRect(0, 0, rows.Width, rows.Height), rows.Width, rows.Height);
    }

    public void Dispose() => _program.Dispose();
}
