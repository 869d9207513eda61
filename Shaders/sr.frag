#version 330 core
// The model output as is: one SR pixel per window pixel at zoom 1, nearest-neighbour when zoomed in.
uniform sampler2D u_sr;        // R32F, CHW planes stacked: R rows [0, h), G [h, 2h), B [2h, 3h); values in [0, 1]
uniform ivec2 u_srSize;        // SR width, height
uniform float u_targetHeight;  // framebuffer height (gl_FragCoord has its origin at the bottom)
uniform vec2 u_offset;         // window position of SR pixel (0, 0)
uniform float u_scale;         // window pixels per SR pixel

out vec4 fragColor;

void main()
{
    vec2 window = vec2(gl_FragCoord.x, u_targetHeight - gl_FragCoord.y);
    ivec2 p = clamp(ivec2(floor((window - u_offset) / u_scale)), ivec2(0), u_srSize - 1);
    vec3 rgb = vec3(
        texelFetch(u_sr, p, 0).r,
        texelFetch(u_sr, ivec2(p.x, p.y + u_srSize.y), 0).r,
        texelFetch(u_sr, ivec2(p.x, p.y + 2 * u_srSize.y), 0).r);
    // Models are not guaranteed to stay in range; the contract says the consumer clamps.
    fragColor = vec4(clamp(rgb, 0.0, 1.0), 1.0);
}
