using RealtimeSR.Player.View;
using Silk.NET.OpenGL;

namespace RealtimeSR.Player.Rendering;

/// <summary>Draws one window-pixel rectangle with quad.vert (corners from gl_VertexID; a VAO must be bound).</summary>
internal static class ScreenQuad
{
    /// <summary>Sets <c>u_rect</c> for <paramref name="rect"/> (top-left pixel coordinates) and draws it.</summary>
    public static void Draw(GL gl, int rectLocation, PixelRect rect, int targetWidth, int targetHeight)
    {
        if (rect.IsEmpty)
        {
            return;
        }

        float left = 2f * rect.X / targetWidth - 1f;
        float right = 2f * rect.Right / targetWidth - 1f;
        float top = 1f - 2f * rect.Y / targetHeight;
        float bottom = 1f - 2f * rect.Bottom / targetHeight;
        gl.Uniform4(rectLocation, left, bottom, right, top);
        gl.DrawArrays(PrimitiveType.TriangleStrip, 0, 4);
    }
}
