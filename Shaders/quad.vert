#version 330 core
// Every pass draws one screen-aligned rectangle. Its corners come from gl_VertexID (a 4-vertex triangle strip),
// so no vertex buffer is needed. u_rect = (left, bottom, right, top) in normalised device coordinates.
uniform vec4 u_rect;

void main()
{
    vec2 corner = vec2(float(gl_VertexID & 1), float(gl_VertexID >> 1));
    gl_Position = vec4(mix(u_rect.xy, u_rect.zw, corner), 0.0, 1.0);
}
