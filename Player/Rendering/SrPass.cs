using RealtimeSR.Player.View;
using Silk.NET.OpenGL;

namespace RealtimeSR.Player.Rendering;

/// <summary>Draws the model's output picture into a pane (sr.frag): one texel per SR pixel, nearest when zoomed.</summary>
public sealed class SrPass : IDisposable
{
    private readonly GL gl;
    private readonly GlProgram program;
    private readonly int rect;
    private readonly int srSize;
    private readonly int targetHeight;
    private readonly int offset;
    private readonly int scale;

    public SrPass(GL gl, ShaderLibrary shaders)
    {
        this.gl = gl;
        program = shaders.Program(gl, "quad.vert", "sr.frag");
        rect = program.Uniform("u_rect");
        srSize = program.Uniform("u_srSize");
        targetHeight = program.Uniform("u_targetHeight");
        offset = program.Uniform("u_offset");
        scale = program.Uniform("u_scale");
        program.Use();
        gl.Uniform1(program.Uniform("u_sr"), 0);
    }

    /// <summary>Draws <paramref name="pane"/> from <paramref name="sr"/> (a planar float texture).</summary>
    public void Draw(GlTexture sr, in ViewPane pane, int targetWidth, int targetHeight)
    {
        if (sr.Layout != TextureLayout.PlanarFloat)
        {
            throw new ArgumentException($"the SR pass reads a PlanarFloat texture, not {sr.Layout}", nameof(sr));
        }

        program.Use();
        sr.Bind(0);
        gl.Uniform2(srSize, sr.Width, sr.Height);
        gl.Uniform1(this.targetHeight, (float)targetHeight);
        gl.Uniform2(offset, (float)pane.OffsetX, (float)pane.OffsetY);
        gl.Uniform1(scale, (float)pane.Scale);
        ScreenQuad.Draw(gl, rect, pane.Clip, targetWidth, targetHeight);
    }

    public void Dispose() => program.Dispose();
}
