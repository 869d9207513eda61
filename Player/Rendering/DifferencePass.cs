using RealtimeSR.Player.View;
using Silk.NET.OpenGL;

namespace RealtimeSR.Player.Rendering;

/// <summary>
/// Draws what SR changed into a pane (difference.frag): |SR − bicubic| per channel times a gain, one texel per SR
/// pixel, nearest when zoomed. The bicubic side comes whole at SR size (<see cref="BicubicPass"/> drawn into a
/// framebuffer), so both pictures are sampled at the same SR pixel.
/// </summary>
public sealed class DifferencePass : IDisposable
{
    private readonly GL _gl;
    private readonly GlProgram _program;
    private readonly PaneUniforms _pane;
    private readonly int _gain;

    public DifferencePass(GL gl, ShaderLibrary shaders)
    {
        _gl = gl;
        _program = shaders.Program(gl, "quad.vert", "difference.frag");
        _pane = new PaneUniforms(_program);
        _gain = _program.Uniform("u_gain");
        _program.Use();
        gl.Uniform1(_program.Uniform("u_sr"), 0);
        gl.Uniform1(_program.Uniform("u_bicubic"), 1);
    }

    /// <summary>
    /// Draws <paramref name="pane"/> of |<paramref name="sr"/> − <paramref name="bicubic"/>| × <paramref name="gain"/>:
    /// <paramref name="sr"/> planar float, <paramref name="bicubic"/> RGBA float of the same size as GL drew it (bottom row first).
    /// </summary>
    public void Draw(GlTexture sr, GlTexture bicubic, double gain, in ViewPane pane, int targetWidth, int targetHeight)
    {
        if (sr.Layout != TextureLayout.PlanarFloat || bicubic.Width != sr.Width || bicubic.Height != sr.Height)
        {
            throw new ArgumentException(
                $"the difference pass reads a PlanarFloat SR texture and a bicubic one of its size, not {sr.Layout} {sr.Width}x{sr.Height} and {bicubic.Width}x{bicubic.Height}",
                nameof(bicubic));
        }

        _program.Use();
        sr.Bind(0);
        bicubic.Bind(1);
        _gl.Uniform1(_gain, (float)gain);
        _pane.Draw(_gl, sr.Width, sr.Height, pane, targetWidth, targetHeight);
    }

    public void Dispose() => _program.Dispose();
}
