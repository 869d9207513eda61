namespace RealtimeSR.Trainer.Models;

/// <summary>
/// Integer-factor bicubic upscaling (Keys a = −0.5, MATLAB's kernel and sample grid) written as a 5×5 convolution
/// on the LR grid whose factor² output channels are the sub-pixel phases, followed by a pixel shuffle. Output
/// pixel X of phase p = X mod s sits at input position i + d_p with d_p = (p + 0.5)/s − 0.5, so its weights are
/// cubic(d_p − k) for taps k = −2 … 2 around i. With edge padding this equals MATLAB's upscale without its
/// intermediate 8-bit rounding, and it is exact in both TorchSharp and ONNX (Pad edge + Conv + DepthToSpace).
/// </summary>
internal static class BicubicPhaseKernel
{
    public const int Size = 5;
    public const int Padding = Size / 2;

    /// <summary>Weights shaped [factor², 1, 5, 5], phase (py, px) at channel py·factor + px (CRD order).</summary>
    public static float[] Weights(int factor)
    {
        var weights = new float[factor * factor * Size * Size];
        for (int py = 0; py < factor; py++)
        {
            double[] wy = Taps(factor, py);
            for (int px = 0; px < factor; px++)
            {
                double[] wx = Taps(factor, px);
                int channel = py * factor + px;
                for (int ky = 0; ky < Size; ky++)
                {
                    for (int kx = 0; kx < Size; kx++)
                    {
                        weights[(channel * Size + ky) * Size + kx] = (float)(wy[ky] * wx[kx]);
                    }
                }
            }
        }

        return weights;
    }

    private static double[] Taps(int factor, int phase)
    {
        double offset = (phase + 0.5) / factor - 0.5;
        var taps = new double[Size];
        for (int k = -Padding; k <= Padding; k++)
        {
            taps[k + Padding] = Cubic(offset - k);
        }

        return taps;
    }

    private static double Cubic(double x)
    {
        double ax = Math.Abs(x);
        double ax2 = ax * ax;
        double ax3 = ax2 * ax;
        if (ax <= 1)
        {
            return 1.5 * ax3 - 2.5 * ax2 + 1;
        }

        return ax < 2 ? -0.5 * ax3 + 2.5 * ax2 - 4 * ax + 2 : 0;
    }
}
