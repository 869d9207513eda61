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
    private readonly GL gl;
    private readonly GlProgram program;
    private readonly int rect;
    private readonly int lrSize;
    private readonly int srWidth;

    public BicubicRowsPass(GL gl, ShaderLibrary shaders)
    {
        this.gl = gl;
        program = shaders.Program(gl, "quad.vert", "bicubic_rows.frag");
        rect = program.Uniform("u_rect");
        lrSize = program.Uniform("u_lrSize");
        srWidth = program.Uniform("u_srWidth");
        program.Use();
        gl.Uniform1(program.Uniform("u_lr"), 0);
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
        program.Use();
        lr.Bind(0);
        gl.Uniform2(lrSize, lr.Width, lr.Height);
        gl.Uniform1(srWidth, rows.Width);
        ScreenQuad.Draw(gl, rect, new PixelRect(0, 0, rows.Width, rows.Height), rows.Width, rows.Height);
    }

    public void Dispose() => program.Dispose();
}
