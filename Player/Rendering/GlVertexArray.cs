using Silk.NET.OpenGL;

namespace RealtimeSR.Player.Rendering;

/// <summary>
/// An empty vertex array object. The passes draw rectangles from <c>gl_VertexID</c> alone (quad.vert), so no vertex
/// buffer is needed, but the core profile refuses to draw without a bound VAO.
/// </summary>
public sealed class GlVertexArray : IDisposable
{
    private readonly GL gl;
    private uint handle;

    public GlVertexArray(GL gl)
    {
        this.gl = gl;
        handle = gl.GenVertexArray();
    }

    public void Bind() => gl.BindVertexArray(handle != 0 ? handle : throw new ObjectDisposedException(nameof(GlVertexArray)));

    public void Dispose()
    {
        if (handle != 0)
        {
            gl.DeleteVertexArray(handle);
            handle = 0;
        }
    }
}
