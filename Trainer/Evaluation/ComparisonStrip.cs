using RealtimeSR.Shared.Imaging;

namespace RealtimeSR.Trainer.Evaluation;

/// <summary>Pictures of the same size side by side, left to right, with a grey gap between them.</summary>
internal static class ComparisonStrip
{
    public const int Gap = 4;
    private const float GapGrey = 128;

    public static Image Compose(IReadOnlyList<Image> panels)
    {
        int width = panels[0].Width, height = panels[0].Height;
        if (panels.Any(p => p.Width != width || p.Height != height))
        {
            throw new ArgumentException("panels differ in size", nameof(panels));
        }

        int total = panels.Count * width + (panels.Count - 1) * Gap;
        var strip = new Image(total, height, PixelRange.Byte);
        strip.Planes.AsSpan().Fill(GapGrey);
        for (int i = 0; i < panels.Count; i++)
        {
            Image panel = panels[i].ToRange(PixelRange.Byte);
            int x0 = i * (width + Gap);
            for (int c = 0; c < Image.Channels; c++)
            {
                ReadOnlySpan<float> source = panel.ReadPlane(c);
                Span<float> target = strip.Plane(c);
                for (int y = 0; y < height; y++)
                {
                    source.Slice(y * width, width).CopyTo(target.Slice(y * total + x0, width));
                }
            }
        }

        return strip;
    }
}
