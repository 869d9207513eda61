namespace RealtimeSR.Shared.Imaging;

/// <summary>
/// The taps and weights of MATLAB's bicubic <c>imresize</c> along one axis: for output sample x (1-based),
/// u = x / s + 0.5 (1 − 1/s); kernel width 4/s when shrinking (s &lt; 1), else 4; taps
/// floor(u − width/2) + 0 … ceil(width) + 1; weight s·cubic(s·(u − tap)) when shrinking, else cubic(u − tap);
/// weights normalised to sum 1; taps outside [1, n] clamped to the edge.
/// </summary>
internal sealed class ResizeWeights
{
    private readonly int[] _indices;
    private readonly double[] _weights;

    private ResizeWeights(int inputLength, int outputLength, int tapCount, int[] indices, double[] weights)
    {
        InputLength = inputLength;
        OutputLength = outputLength;
        TapCount = tapCount;
        _indices = indices;
        _weights = weights;
    }

    public int InputLength { get; }

    public int OutputLength { get; }

    public int TapCount { get; }

    /// <summary>0-based input index of tap <paramref name="tap"/> of output sample <paramref name="output"/>.</summary>
    public int Index(int output, int tap) => _indices[output * TapCount + tap];

    public double Weight(int output, int tap) => _weights[output * TapCount + tap];

    public static ResizeWeights For(int inputLength, int outputLength, double scale)
    {
        bool shrinking = scale < 1;
        double kernelWidth = shrinking ? 4 / scale : 4;
        int tapCount = (int)Math.Ceiling(kernelWidth) + 2;
        var indices = new int[outputLength * tapCount];
        var weights = new double[outputLength * tapCount];

        for (int x = 1; x <= outputLength; x++)
        {
            double u = x / scale + 0.5 * (1 - 1 / scale);
            int left = (int)Math.Floor(u - kernelWidth / 2);
            int row = (x - 1) * tapCount;
            double sum = 0;
            for (int t = 0; t < tapCount; t++)
            {
                int tap = left + t;
                double distance = u - tap;
                double w = shrinking ? scale * Cubic(scale * distance) : Cubic(distance);
                weights[row + t] = w;
                sum += w;
                indices[row + t] = Math.Clamp(tap, 1, inputLength) - 1;
            }

            for (int t = 0; t < tapCount; t++)
            {
                weights[row + t] /= sum;
            }
        }

        return new ResizeWeights(inputLength, outputLength, tapCount, indices, weights);
    }

    /// <summary>Keys' cubic convolution kernel with a = −0.5, as in MATLAB's imresize.</summary>
    public static double Cubic(double x)
    {
        double ax = Math.Abs(x);
        double ax2 = ax * ax;
        double ax3 = ax2 * ax;
        if (ax <= 1)
        {
            return 1.5 * ax3 - 2.5 * ax2 + 1;
        }

        return ax <= 2 ? -0.5 * ax3 + 2.5 * ax2 - 4 * ax + 2 : 0;
    }
}
