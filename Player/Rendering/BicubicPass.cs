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
    private readonly int _rect;
    private readonly int _lrHeight;
    private readonly int _srSize;
    private readonly int _targetHeight;
    private readonly int _offset;
    private readonly int _scale;

    public BicubicPass(GL gl, ShaderLibrary shaders)
    {
        _gl = gl;
        _program = shaders.Program(gl, "quad.vert", "bicubic.frag");
        _rect = _program.Uniform("u_rect");
        _lrHeight = _program.Uniform("u_lrHeight");
        _srSize = _program.Uniform("u_srSize");
        _targetHeight = _program.Uniform("u_targetHeight");
        _offset = _program.Uniform("u_offset");
        _scale = _program.Uniform("u_scale");
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
        _gl.Uniform2(_srSize, srWidth, srHeight);
        _gl.Uniform1(_targetHeight, (float)targetHeight);
        _gl.Uniform2(_offset, (float)pane.OffsetX, (float)pane.OffsetY);
        _gl.Uniform1(_scale, (float)pane.Scale);
        ScreenQuad.Draw(_gl, _rect, pane.Clip, targetWidth, targetHeight);
    }

    public void Dispose() => _program.Dispose();
}
