using RealtimeSR.Player.View;
using Silk.NET.OpenGL;

namespace RealtimeSR.Player.Rendering;

/// <summary>Fills a window rectangle with one opaque colour (the split divider).</summary>
public sealed class SolidPass : IDisposable
{
    private readonly GL _gl;
    private readonly GlProgram _program;
    private readonly int _rect;
    private readonly int _color;

    public SolidPass(GL gl, ShaderLibrary shaders)
    {
        _gl = gl;
        _program = shaders.Program(gl, "quad.vert", "solid.frag");
        _rect = _program.Uniform("u_rect");
        _color = _program.Uniform("u_color");
    }

    /// <summary>Fills <paramref name="area"/> with (r, g, b), each in [0, 1].</summary>
    public void Draw(PixelRect area, float r, float g, float b, int targetWidth, int targetHeight)
    {
        _program.Use();
        _gl.Uniform4(_color, r, g, b, 1f);
        ScreenQuad.Draw(_gl, _rect, area.Intersect(new PixelRect(0, 0, targetWidth, targetHeight)), targetWidth, targetHeight);
    }

    public void Dispose() => _program.Dispose();
}
