#version 330 core
// First half of the bicubic upscale: every LR row resized to SR width with 4 explicit horizontal taps of the Keys
// kernel (a = -0.5), edges clamped. Rendered once per frame into an RGBA32F target of SR width x LR height; the
// display pass (bicubic.frag) then needs only 4 vertical taps per shown pixel instead of 16.
uniform sampler2D u_lr;        // RGB32F, LR picture, row 0 = top, values in [0, 1]
uniform ivec2 u_lrSize;        // LR width, height
uniform int u_srWidth;         // SR width (= LR width x scale)

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
    // The target is drawn bottom-up like any framebuffer, so target row r holds LR row r: no flip here.
    ivec2 target = ivec2(gl_FragCoord.xy);
    float ratio = float(u_srWidth) / float(u_lrSize.x);
    float source = (float(target.x) + 0.5) / ratio - 0.5;
    float base = floor(source);
    vec4 w = keysWeights(source - base);
    int first = int(base) - 1;

    vec3 sum = vec3(0.0);
    for (int i = 0; i < 4; i++)
    {
        int x = clamp(first + i, 0, u_lrSize.x - 1);
        sum += w[i] * texelFetch(u_lr, ivec2(x, target.y), 0).rgb;
    }

    fragColor = vec4(sum, 1.0);
}
