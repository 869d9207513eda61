#version 330 core
// An RGBA8 overlay (OSD text and graph, labels) magnified by a whole factor, blended with straight alpha.
uniform sampler2D u_overlay;   // RGBA8, row 0 = top
uniform float u_targetHeight;  // framebuffer height
uniform vec2 u_origin;         // window position of the overlay's top-left corner
uniform float u_magnify;       // window pixels per overlay pixel (whole number)

out vec4 fragColor;

void main()
{
    vec2 window = vec2(gl_FragCoord.x, u_targetHeight - gl_FragCoord.y);
    fragColor = texelFetch(u_overlay, ivec2(floor((window - u_origin) / u_magnify)), 0);
}
