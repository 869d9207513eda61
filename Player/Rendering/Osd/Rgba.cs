namespace RealtimeSR.Player.Rendering.Osd;

/// <summary>An 8-bit RGBA colour, straight (not premultiplied) alpha; A = 255 is opaque.</summary>
public readonly record struct Rgba(byte R, byte G, byte B, byte A = 255)
{
    public static readonly Rgba Transparent = new(0, 0, 0, 0);
    public static readonly Rgba White = new(255, 255, 255);
    public static readonly Rgba Panel = new(0, 0, 0, 170);
    public static readonly Rgba Green = new(90, 230, 90);
    public static readonly Rgba Yellow = new(240, 220, 80);
    public static readonly Rgba Red = new(240, 80, 70);
    public static readonly Rgba Grey = new(150, 150, 150);
}
