using RealtimeSR.Player.View;
using Silk.NET.OpenGL;

namespace RealtimeSR.Player.Rendering;

/// <summary>Draws the model's output picture into a pane (sr.frag): one texel per SR pixel, nearest when zoomed.</summary>
public sealed class SrPass : IDisposable
{
    private readonly GL _gl;
    private readonly GlProgram _program;
    private readonly PaneUniforms _pane;

    public SrPass(GL gl, ShaderLibrary shaders)
    {
        _gl = gl;
        _program = shaders.Program(gl, "quad.vert", "sr.frag");
        _pane = new PaneUniforms(_program);
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
        _pane.Draw(_gl, sr.Width, sr.Height, pane, targetWidth, targetHeight);
    }

    public void Dispose() => _program.Dispose();
}
