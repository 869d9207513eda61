using RealtimeSR.Player.View;
using Silk.NET.OpenGL;

namespace RealtimeSR.Player.Rendering;

/// <summary>
/// The uniforms every pass that draws an SR-sized picture into a pane shares: the pane's rectangle (quad.vert) and
/// the mapping from window pixels to picture pixels (size, target height, pan offset, zoom scale). Looked up once per
/// program; set and drawn per pane without allocating.
/// </summary>
internal readonly struct PaneUniforms
{
    private readonly int _rect;
    private readonly int _srSize;
    private readonly int _targetHeight;
    private readonly int _offset;
    private readonly int _scale;

    public PaneUniforms(GlProgram program)
    {
        _rect = program.Uniform("u_rect");
        _srSize = program.Uniform("u_srSize");
        _targetHeight = program.Uniform("u_targetHeight");
        _offset = program.Uniform("u_offset");
        _scale = program.Uniform("u_scale");
    }

    /// <summary>Sets the mapping of <paramref name="pane"/> for a picture of the given size and draws its clip (program in use, textures bound).</summary>
    public void Draw(GL gl, int pictureWidth, int pictureHeight, in ViewPane pane, int targetWidth, int targetHeight)
    {
        gl.Uniform2(_srSize, pictureWidth, pictureHeight);
        gl.Uniform1(_targetHeight, (float)targetHeight);
        gl.Uniform2(_offset, (float)pane.OffsetX, (float)pane.OffsetY);
        gl.Uniform1(_scale, (float)pane.Scale);
        ScreenQuad.Draw(gl, _rect, pane.Clip, targetWidth, targetHeight);
    }
}
