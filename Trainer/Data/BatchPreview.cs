using RealtimeSR.Shared.Imaging;

namespace RealtimeSR.Trainer.Data;

/// <summary>
/// A picture of a batch's first pairs, so a person can see what the network is given: the LR inputs on top
/// (each pixel repeated scale × scale times, so blocks and noise stay visible), their HR targets below.
/// </summary>
internal static class BatchPreview
{
    /// <summary>[0, 255] RGB, <paramref name="items"/> (at most the batch) columns by 2 rows of HR size.</summary>
    public static Image Of(TrainingBatch batch, int items)
    {
        int n = Math.Min(items, batch.Count), hr = batch.HrSize, lr = batch.LrSize, scale = batch.Scale;
        var picture = new Image(n * hr, 2 * hr, PixelRange.Byte);
        int width = picture.Width;
        for (int i = 0; i < n; i++)
        {
            for (int c = 0; c < Image.Channels; c++)
            {
                ReadOnlySpan<float> low = batch.Lr.AsSpan((i * 3 + c) * lr * lr, lr * lr);
                ReadOnlySpan<float> high = batch.Hr.AsSpan((i * 3 + c) * hr * hr, hr * hr);
                Span<float> plane = picture.Plane(c);
                for (int y = 0; y < hr; y++)
                {
                    for (int x = 0; x < hr; x++)
                    {
                        plane[y * width + i * hr + x] = PixelConversion.ToByte(255.0 * low[(y / scale) * lr + x / scale]);
                        plane[(hr + y) * width + i * hr + x] = PixelConversion.ToByte(255.0 * high[y * hr + x]);
                    }
                }
            }
        }

        return picture;
    }
}
