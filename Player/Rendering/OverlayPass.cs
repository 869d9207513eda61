using RealtimeSR.Player.View;
using Silk.NET.OpenGL;

namespace RealtimeSR.Player.Rendering;

/// <summary>Blends an RGBA8 overlay texture (straight alpha) onto the frame at a window position, magnified.</summary>
public sealed class OverlayPass : IDisposable
{
    private readonly GL _gl;
    private readonly GlProgram _program;
    private readonly int _rect;
    private readonly int _targetHeight;
    private readonly int _origin;
    private readonly int _magnify;

    public OverlayPass(GL gl, ShaderLibrary shaders)
    {
        _gl = gl;
        _program = shaders.Program(gl, "quad.vert", "overlay.frag");
        _rect = _program.Uniform("u_rect");
        _targetHeight = _program.Uniform("u_targetHeight");
        _origin = _program.Uniform("u_origin");
        _magnify = _program.Uniform("u_magnify");
        _program.Use();
        gl.Uniform1(_program.Uniform("u_overlay"), 0);
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

        _program.Use();
        overlay.Bind(0);
        _gl.Uniform1(_targetHeight, (float)targetHeight);
        _gl.Uniform2(_origin, (float)x, (float)y);
        _gl.Uniform1(_magnify, (float)magnification);
        _gl.Enable(EnableCap.Blend);
        _gl.BlendFunc(BlendingFactor.SrcAlpha, BlendingFactor.OneMinusSrcAlpha);
        ScreenQuad.Draw(_gl, _rect, area, targetWidth, targetHeight);
        _gl.Disable(EnableCap.Blend);
    }

    public void Dispose() => _program.Dispose();
}
