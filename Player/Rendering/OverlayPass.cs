using RealtimeSR.Player.View;
using Silk.NET.OpenGL;

namespace RealtimeSR.Player.Rendering;

/// <summary>Blends an RGBA8 overlay texture (straight alpha) onto the frame at a window position, magnified.</summary>
public sealed class OverlayPass : IDisposable
{
    private readonly GL gl;
    private readonly GlProgram program;
    private readonly int rect;
    private readonly int targetHeight;
    private readonly int origin;
    private readonly int magnify;

    public OverlayPass(GL gl, ShaderLibrary shaders)
    {
        this.gl = gl;
        program = shaders.Program(gl, "quad.vert", "overlay.frag");
        rect = program.Uniform("u_rect");
        targetHeight = program.Uniform("u_targetHeight");
        origin = program.Uniform("u_origin");
        magnify = program.Uniform("u_magnify");
        program.Use();
        gl.Uniform1(program.Uniform("u_overlay"), 0);
    }

    /// <summary>Draws <paramref name="overlay"/> with its top-left corner at window pixel (x, y), each texel
    /// <paramref name="magnification"/>×<paramref name="magnification"/> pixels, clipped to the target.</summary>
    public void Draw(GlTexture overlay, int x, int y, int magnification, int targetWidth, int targetHeight)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(magnification, 1);
        var area = new PixelRect(x, y, overlay.Width * magnification, overlay.Height * magnification)
            .Intersect(new PixelRect(0, 0, targetWidth, targetHeight));
        if (area.IsEmpty)
        {
            return;
        }

        program.Use();
        overlay.Bind(0);
        gl.Uniform1(this.targetHeight, (float)targetHeight);
        gl.Uniform2(origin, (float)x, (float)y);
        gl.Uniform1(magnify, (float)magnification);
        gl.Enable(EnableCap.Blend);
        gl.BlendFunc(BlendingFactor.SrcAlpha, BlendingFactor.OneMinusSrcAlpha);
        ScreenQuad.Draw(gl, rect, area, targetWidth, targetHeight);
        gl.Disable(EnableCap.Blend);
    }

    public void Dispose() => program.Dispose();
}
