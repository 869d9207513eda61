using RealtimeSR.Shared.Imaging;

namespace RealtimeSR.Trainer.Data.Degradations;

/// <summary>
/// Camera sensor noise on a [0, 255] image: Gaussian (read noise, σ everywhere) or Poisson (shot noise, σ growing
/// with the square root of the signal; σ is the value at mid grey), in colour (each channel its own) or grey
/// (one draw for R, G and B). Poisson is drawn from its normal approximation, which is close at these counts.
/// </summary>
internal sealed record SensorNoise(double Sigma, bool Poisson, bool Grey)
{
    /// <summary>Adds the noise in place; pixel i of channel c uses draw (i·3 + c) of <paramref name="random"/>.</summary>
    public void AddTo(Image image, StatelessRandom random)
    {
        int n = image.PlaneLength;
        for (int c = 0; c < Image.Channels; c++)
        {
            Span<float> plane = image.Plane(c);
            for (int i = 0; i < n; i++)
            {
                double z = random.Gaussian(Grey ? i * 3 : i * 3 + c);
                double sigma = Poisson ? Sigma * Math.Sqrt(Math.Max(plane[i], 0) / 128.0) : Sigma;
                plane[i] = (float)(plane[i] + sigma * z);
            }
        }
    }
}
