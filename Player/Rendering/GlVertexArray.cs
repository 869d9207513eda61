using Silk.NET.OpenGL;

namespace RealtimeSR.Player.Rendering;

/// <summary>
/// An empty vertex array object. The passes draw rectangles from <c>gl_VertexID</c> alone (quad.vert), so no vertex
/// buffer is needed, but the core profile refuses to draw without a bound VAO.
/// </summary>
public sealed class GlVertexArray : IDisposable
{
    private readonly GL _gl;
    private uint _handle;

    public GlVertexArray(GL gl)
    {
        _gl = gl;
        _handle = gl.GenVertexArray();
    }

    public void Bind() => _gl.BindVertexArray(_handle != 0 ? _handle : throw new ObjectDisposedException(nameof(GlVertexArray)));

    public void Dispose()
    {
        if (_handle != 0)
        {
            _gl.DeleteVertexArray(_handle);
            _handle = 0;
        }
    }
}
