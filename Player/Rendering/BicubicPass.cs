using RealtimeSR.Player.View;
using Silk.NET.OpenGL;

namespace RealtimeSR.Player.Rendering;

/// <summary>
/// Draws the bicubic ×scale upscale of the LR picture into a pane, computed in the shader (bicubic.frag) at SR
/// resolution with the Keys a = −0.5 kernel and clamped edges, as <c>MatlabResize.Upscale</c> does on the CPU.
/// </summary>
public sealed class BicubicPass : IDisposable
{
    private readonly GL gl;
    private readonly GlProgram program;
    private readonly int rect;
    private readonly int lrSize;
    private readonly int srSize;
    private readonly int targetHeight;
    private readonly int offset;
    private readonly int scale;

    public BicubicPass(GL gl, ShaderLibrary shaders)
    {
        this.gl = gl;
        program = shaders.Program(gl, "quad.vert", "bicubic.frag");
        rect = program.Uniform("u_rect");
        lrSize = program.Uniform("u_lrSize");
        srSize = program.Uniform("u_srSize");
        targetHeight = program.Uniform("u_targetHeight");
        offset = program.Uniform("u_offset");
        scale = program.Uniform("u_scale");
        program.Use();
        gl.Uniform1(program.Uniform("u_lr"), 0);
    }

    /// <summary>Draws <paramref name="pane"/> from <paramref name="lr"/> (an RGB float texture) upscaled to
    /// <paramref name="srWidth"/>×<paramref name="srHeight"/>, into the bound framebuffer of the given size.</summary>
    public void Draw(GlTexture lr, int srWidth, int srHeight, in ViewPane pane, int targetWidth, int targetHeight)
    {
        if (lr.Layout != TextureLayout.RgbFloat)
        {
            throw new ArgumentException($"the bicubic pass reads an RgbFloat texture, not {lr.Layout}", nameof(lr));
        }

        program.Use();
        lr.Bind(0);
        gl.Uniform2(lrSize, lr.Width, lr.Height);
        gl.Uniform2(srSize, srWidth, srHeight);
        gl.Uniform1(this.targetHeight, (float)targetHeight);
        gl.Uniform2(offset, (float)pane.OffsetX, (float)pane.OffsetY);
        gl.Uniform1(scale, (float)pane.Scale);
        ScreenQuad.Draw(gl, rect, pane.Clip, targetWidth, targetHeight);
    }

    public void Dispose() => program.Dispose();
}
