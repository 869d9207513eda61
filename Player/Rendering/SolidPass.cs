using RealtimeSR.Player.View;
using Silk.NET.OpenGL;

namespace RealtimeSR.Player.Rendering;

/// <summary>Fills a window rectangle with one opaque colour (the split divider).</summary>
public sealed class SolidPass : IDisposable
{
    private readonly GL gl;
    private readonly GlProgram program;
    private readonly int rect;
    private readonly int color;

    public SolidPass(GL gl, ShaderLibrary shaders)
    {
        this.gl = gl;
        program = shaders.Program(gl, "quad.vert", "solid.frag");
        rect = program.Uniform("u_rect");
        color = program.Uniform("u_color");
    }

    /// <summary>Fills <paramref name="area"/> with (r, g, b), each in [0, 1].</summary>
    public void Draw(PixelRect area, float r, float g, float b, int targetWidth, int targetHeight)
    {
        program.Use();
        gl.Uniform4(color, r, g, b, 1f);
        ScreenQuad.Draw(gl, rect, area.Intersect(new PixelRect(0, 0, targetWidth, targetHeight)), targetWidth, targetHeight);
    }

    public void Dispose() => program.Dispose();
}
