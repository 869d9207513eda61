using RealtimeSR.Player.View;
using Silk.NET.OpenGL;

namespace RealtimeSR.Player.Rendering;

/// <summary>
/// Draws the bicubic ×scale upscale of the LR picture into a pane (bicubic.frag): the vertical 4 Keys (a = −0.5) taps
/// over the rows <see cref="BicubicRowsPass"/> resized, clamped edges, evaluated per SR pixel — the separable 4×4
/// filter that <c>MatlabResize.Upscale</c> applies on the CPU.
/// </summary>
public sealed class BicubicPass : IDisposable
{
    private readonly GL gl;
    private readonly GlProgram program;
    private readonly int rect;
    private readonly int lrHeight;
    private readonly int srSize;
    private readonly int targetHeight;
    private readonly int offset;
    private readonly int scale;

    public BicubicPass(GL gl, ShaderLibrary shaders)
    {
        this.gl = gl;
        program = shaders.Program(gl, "quad.vert", "bicubic.frag");
        rect = program.Uniform("u_rect");
        lrHeight = program.Uniform("u_lrHeight");
        srSize = program.Uniform("u_srSize");
        targetHeight = program.Uniform("u_targetHeight");
        offset = program.Uniform("u_offset");
        scale = program.Uniform("u_scale");
        program.Use();
        gl.Uniform1(program.Uniform("u_rows"), 0);
    }

    /// <summary>Draws <paramref name="pane"/> of the upscale to <paramref name="srWidth"/>×<paramref name="srHeight"/>
    /// from <paramref name="rows"/> (the <see cref="BicubicRowsPass"/> output, SR width × LR height) into the bound
    /// framebuffer of the given size.</summary>
    public void Draw(GlTexture rows, int srWidth, int srHeight, in ViewPane pane, int targetWidth, int targetHeight)
    {
        if (rows.Layout != TextureLayout.RgbaFloat || rows.Width != srWidth)
        {
            throw new ArgumentException(
                $"the bicubic pass reads the RgbaFloat rows at SR width {srWidth}, not {rows.Layout} {rows.Width} wide",
                nameof(rows));
        }

        program.Use();
        rows.Bind(0);
        gl.Uniform1(lrHeight, rows.Height);
        gl.Uniform2(srSize, srWidth, srHeight);
        gl.Uniform1(this.targetHeight, (float)targetHeight);
        gl.Uniform2(offset, (float)pane.OffsetX, (float)pane.OffsetY);
        gl.Uniform1(scale, (float)pane.Scale);
        ScreenQuad.Draw(gl, rect, pane.Clip, targetWidth, targetHeight);
    }

    public void Dispose() => program.Dispose();
}
