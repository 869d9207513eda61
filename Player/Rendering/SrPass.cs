using RealtimeSR.Player.View;
using Silk.NET.OpenGL;

namespace RealtimeSR.Player.Rendering;

/// <summary>Draws the model's output picture into a pane (sr.frag): one texel per SR pixel, nearest when zoomed.</summary>
public sealed class SrPass : IDisposable
{
    private readonly GL _gl;
    private readonly GlProgram _program;
    private readonly int _rect;
    private readonly int _srSize;
    private readonly int _targetHeight;
    private readonly int _offset;
    private readonly int _scale;

    public SrPass(GL gl, ShaderLibrary shaders)
    {
        _gl = gl;
        _program = shaders.Program(gl, "quad.vert", "sr.frag");
        _rect = _program.Uniform("u_rect");
        _srSize = _program.Uniform("u_srSize");
        _targetHeight = _program.Uniform("u_targetHeight");
        _offset = _program.Uniform("u_offset");
        _scale = _program.Uniform("u_scale");
        _program.Use();
        gl.Uniform1(_program.Uniform("u_sr"), 0);
    }

    /// <summary>Draws <paramref name="pane"/> from <paramref name="sr"/> (a planar float texture).</summary>
    public void Draw(GlTexture sr, in ViewPane pane, int targetWidth, int targetHeight)
    {
        if (sr.Layout != TextureLayout.PlanarFloat)
        {
            throw new ArgumentException($"the SR pass reads a PlanarFloat texture, not {sr.Layout}", nameof(sr));
        }

        _program.Use();
        sr.Bind(0);
        _gl.Uniform2(_srSize, sr.Width, sr.Height);
        _gl.Uniform1(_targetHeight, (float)targetHeight);
        _gl.Uniform2(_offset, (float)pane.OffsetX, (float)pane.OffsetY);
        _gl.Uniform1(_scale, (float)pane.Scale);
        ScreenQuad.Draw(_gl, _rect, pane.Clip, targetWidth, targetHeight);
    }

    public void Dispose() => _program.Dispose();
}
