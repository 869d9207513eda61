#version 330 core
// What SR changed, or how far it is from the original: |SR - other| per channel, times a gain, nearest-neighbour like
// the SR pass. The other picture is the bicubic upscale or the reference video's frame. Both pictures are clamped to
// [0, 1] first, as the other passes show them.
uniform sampler2D u_sr;        // R32F, CHW planes stacked: R rows [0, h), G [h, 2h), B [2h, 3h); values in [0, 1]
uniform sampler2D u_other;     // the bicubic upscale (RGBA32F, SR size, GL's bottom-up rows) or, with u_otherPlanar,
                               // the reference frame laid out like u_sr
uniform bool u_otherPlanar;
uniform float u_gain;          // amplification, e.g. 8: a difference of 1/8 of full scale shows white
uniform ivec2 u_srSize;        // SR width, height
uniform float u_targetHeight;  // framebuffer height (gl_FragCoord has its origin at the bottom)
uniform vec2 u_offset;         // window position of SR pixel (0, 0)
uniform float u_scale;         // window pixels per SR pixel

out vec4 fragColor;

vec3 planar(sampler2D planes, ivec2 p)
{
    return vec3(
        texelFetch(planes, p, 0).r,
        texelFetch(planes, ivec2(p.x, p.y + u_srSize.y), 0).r,
        texelFetch(planes, ivec2(p.x, p.y + 2 * u_srSize.y), 0).r);
}

void main()
{
    vec2 window = vec2(gl_FragCoord.x, u_targetHeight - gl_FragCoord.y);
    ivec2 p = clamp(ivec2(floor((window - u_offset) / u_scale)), ivec2(0), u_srSize - 1);
    vec3 sr = clamp(planar(u_sr, p), 0.0, 1.0);
    vec3 other = u_otherPlanar ? planar(u_other, p) : texelFetch(u_other, ivec2(p.x, u_srSize.y - 1 - p.y), 0).rgb;
    fragColor = vec4(clamp(abs(sr - clamp(other, 0.0, 1.0)) * u_gain, 0.0, 1.0), 1.0);
}
