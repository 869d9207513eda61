namespace RealtimeSR.Player.Rendering;

/// <summary>How a <see cref="GlTexture"/> stores its picture.</summary>
public enum TextureLayout
{
    /// <summary>
    /// CHW float RGB uploaded as is: one R32F texture width × (3 × height), the R plane in rows [0, h), G in
    /// [h, 2h), B in [2h, 3h). No CPU conversion, three fetches per pixel; used for the large SR picture.
    /// </summary>
    PlanarFloat,

    /// <summary>
    /// RGB32F, interleaved on the CPU while uploading: one fetch per tap, which the 16-tap bicubic pass needs far more
    /// than the small LR picture costs to interleave.
    /// </summary>
    RgbFloat,

    /// <summary>RGBA, 8 bits per channel, straight alpha (overlays, render targets).</summary>
    Rgba8,

    /// <summary>RGBA32F render target for intermediate results (the bicubic pass's horizontal half).</summary>
    RgbaFloat,
}
