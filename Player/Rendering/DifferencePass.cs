using RealtimeSR.Player.View;
using Silk.NET.OpenGL;

namespace RealtimeSR.Player.Rendering;

/// <summary>
/// Draws what SR changed into a pane (difference.frag): |SR − bicubic| per channel times a gain, one texel per SR
/// pixel, nearest when zoomed. The bicubic side comes whole at SR size (<see cref="BicubicPass"/> drawn into a
/// framebuffer), so both pictures are sampled at the same SR pixel. With a reference video the other picture can be
/// its frame instead (|SR − reference|), uploaded like the SR frame.
/// </summary>
public sealed class DifferencePass : IDisposable
{
    private readonly GL _gl;
    private readonly GlProgram _program;
    private readonly PaneUniforms _pane;
    private readonly int _gain;
    private readonly int _otherPlanar;

    public DifferencePass(GL gl, ShaderLibrary shaders)
    {
        _gl = gl;
        _program = shaders.Program(gl, "quad.vert", "difference.frag");
        _pane = new PaneUniforms(_program);
        _gain = _program.Uniform("u_gain");
        _otherPlanar = _program.Uniform("u_otherPlanar");
        _program.Use();
        gl.Uniform1(_program.Uniform("u_sr"), 0);
        gl.Uniform1(_program.Uniform("u_other"), 1);
    }

    /// <summary>
    /// Draws <paramref name="pane"/> of |<paramref name="sr"/> − <paramref name="other"/>| × <paramref name="gain"/>:
    /// <paramref name="sr"/> planar float; <paramref name="other"/> the bicubic upscale, RGBA float of the same size as
    /// GL drew it (bottom row first), or the reference frame, planar float like <paramref name="sr"/>.
    /// </summary>
    public void Draw(GlTexture sr, GlTexture other, double gain, in ViewPane pane, int targetWidth, int targetHeight)
    {
        if (sr.Layout != TextureLayout.PlanarFloat || other.Width != sr.Width || other.Height != sr.Height)
        {
            throw new ArgumentException(
                $"the difference pass reads a PlanarFloat SR texture and another of its size, not {sr.Layout} {sr.Width}x{sr.Height} and {other.Width}x{other.Height}",
                nameof(other));
        }

        _program.Use();
        sr.Bind(0);
        other.Bind(1);
        _gl.Uniform1(_otherPlanar, other.Layout == TextureLayout.PlanarFloat ? 1 : 0);
        _gl.Uniform1(_gain, (float)gain);
        _pane.Draw(_gl, sr.Width, sr.Height, pane, targetWidth, targetHeight);
    }

    public void Dispose() => _program.Dispose();
}
