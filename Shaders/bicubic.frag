#version 330 core
// Second half of the bicubic upscale, per shown pixel: 4 explicit vertical taps of the Keys kernel (a = -0.5,
// edges clamped) over the rows that bicubic_rows.frag resized to SR width. Together the two halves are the
// separable 4x4 Keys filter of MatlabResize.Upscale (GL's own filtering is bilinear at best and would not match).
uniform sampler2D u_rows;      // RGBA32F, SR width x LR height, row 0 = top LR row
uniform int u_lrHeight;        // LR height
uniform ivec2 u_srSize;        // SR width, height (= LR size x scale)
uniform float u_targetHeight;  // framebuffer height, to turn gl_FragCoord into top-left window coordinates
uniform vec2 u_offset;         // window position of SR pixel (0, 0)
uniform float u_scale;         // window pixels per SR pixel (fit x zoom)

out vec4 fragColor;

// Keys (a = -0.5) weights of the 4 taps at distances 1 + t, t, 1 - t, 2 - t from the sample point, t in [0, 1).
// Written out per tap without abs() or branches: llvmpipe runs shaders on SIMD lanes and pays for both sides.
vec4 keysWeights(float t)
{
    float t2 = t * t;
    float t3 = t2 * t;
    return vec4(
        -0.5 * t3 + t2 - 0.5 * t,
        1.5 * t3 - 2.5 * t2 + 1.0,
        -1.5 * t3 + 2.0 * t2 + 0.5 * t,
        0.5 * t3 - 0.5 * t2);
}

void main()
{
    vec2 window = vec2(gl_FragCoord.x, u_targetHeight - gl_FragCoord.y);
    // Snap to the SR pixel grid first, so that a zoomed view shows the same pixels as the SR side does.
    ivec2 sr = clamp(ivec2(floor((window - u_offset) / u_scale)), ivec2(0), u_srSize - 1);
    float ratio = float(u_srSize.y) / float(u_lrHeight);
    float source = (float(sr.y) + 0.5) / ratio - 0.5;
    float base = floor(source);
    vec4 w = keysWeights(source - base);
    int first = int(base) - 1;

    vec3 sum = vec3(0.0);
    for (int j = 0; j < 4; j++)
    {
        int y = clamp(first + j, 0, u_lrHeight - 1);
        sum += w[j] * texelFetch(u_rows, ivec2(sr.x, y), 0).rgb;
    }

    fragColor = vec4(clamp(sum, 0.0, 1.0), 1.0);
}
