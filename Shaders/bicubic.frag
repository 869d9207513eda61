#version 330 core
// Bicubic upscale of the LR picture, evaluated per SR pixel with explicit 4x4 taps of the Keys kernel (a = -0.5)
// and clamped edges: the same kernel and sample positions as MatlabResize.Upscale on the CPU (GL's own filtering
// is bilinear at best, and would not match).
uniform sampler2D u_lr;        // RGB32F, LR picture, row 0 = top, values in [0, 1]
uniform ivec2 u_lrSize;        // LR width, height
uniform ivec2 u_srSize;        // SR width, height (= LR size x scale)
uniform float u_targetHeight;  // framebuffer height, to turn gl_FragCoord into top-left window coordinates
uniform vec2 u_offset;         // window position of SR pixel (0, 0)
uniform float u_scale;         // window pixels per SR pixel (fit x zoom)

out vec4 fragColor;

float keys(float x)
{
    x = abs(x);
    if (x <= 1.0) return (1.5 * x - 2.5) * x * x + 1.0;
    if (x < 2.0) return ((-0.5 * x + 2.5) * x - 4.0) * x + 2.0;
    return 0.0;
}

void main()
{
    vec2 window = vec2(gl_FragCoord.x, u_targetHeight - gl_FragCoord.y);
    // Snap to the SR pixel grid first, so that a zoomed view shows the same pixels as the SR side does.
    ivec2 sr = clamp(ivec2(floor((window - u_offset) / u_scale)), ivec2(0), u_srSize - 1);
    vec2 ratio = vec2(u_srSize) / vec2(u_lrSize);
    vec2 source = (vec2(sr) + 0.5) / ratio - 0.5;
    ivec2 first = ivec2(floor(source)) - 1;

    vec4 wx;
    vec4 wy;
    for (int i = 0; i < 4; i++)
    {
        wx[i] = keys(source.x - float(first.x + i));
        wy[i] = keys(source.y - float(first.y + i));
    }

    vec3 sum = vec3(0.0);
    for (int j = 0; j < 4; j++)
    {
        int y = clamp(first.y + j, 0, u_lrSize.y - 1);
        vec3 row = vec3(0.0);
        for (int i = 0; i < 4; i++)
        {
            int x = clamp(first.x + i, 0, u_lrSize.x - 1);
            row += wx[i] * texelFetch(u_lr, ivec2(x, y), 0).rgb;
        }
        sum += wy[j] * row;
    }

    fragColor = vec4(clamp(sum, 0.0, 1.0), 1.0);
}
