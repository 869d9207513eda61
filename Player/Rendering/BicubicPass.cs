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
    private readonly GL _gl;
    private readonly GlProgram _program;
    private readonly PaneUniforms _pane;
    private readonly int _lrHeight;

    public BicubicPass(GL gl, ShaderLibrary shaders)
    {
        _gl = gl;
        _program = shaders.Program(gl, "quad.vert", "bicubic.frag");
        _pane = new PaneUniforms(_program);
        _lrHeight = _program.Uniform("u_lrHeight");
        _program.Use();
        gl.Uniform1(_program.Uniform("u_rows"), 0);
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

        _program.Use();
        rows.Bind(0);
        _gl.Uniform1(_lrHeight, rows.Height);
        _pane.Draw(_gl, srWidth, srHeight, pane, targetWidth, targetHeight);
    }

    public void Dispose() => _program.Dispose();
}
