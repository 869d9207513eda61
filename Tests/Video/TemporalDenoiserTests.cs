using RealtimeSR.Shared.Video;

namespace RealtimeSR.Tests.Video;

public class TemporalDenoiserTests
{
    private const int Width = 32, Height = 24, Plane = Width * Height;

    [Fact]
    public void Apply_StillNoisyFrames_HalvesTheFrameToFrameChange()
    {
        var denoiser = new TemporalDenoiser(10);
        var random = new Random(7);
        float[] previousInput = [], previousOutput = [];
        double inputChange = 0, outputChange = 0;
        for (int t = 0; t < 20; t++)
        {
            float[] frame = Noisy(0.5f, sigmaLevels: 3, random);
            float[] input = (float[])frame.Clone();
            denoiser.Apply(frame, Width, Height, t);
            if (t >= 5)
            {
                inputChange += MeanAbsoluteDifference(input, previousInput);
                outputChange += MeanAbsoluteDifference(frame, previousOutput);
            }

            previousInput = input;
            previousOutput = frame;
        }

        Assert.True(outputChange < inputChange / 2, $"frame-to-frame change {outputChange / 15 * 255:0.00} levels after the filter, {inputChange / 15 * 255:0.00} before");
    }

    [Fact]
    public void Apply_FirstFrameAndAStepChange_PassUnchanged()
    {
        var denoiser = new TemporalDenoiser(10);
        float[] dark = Flat(0.2f), first = (float[])dark.Clone();
        denoiser.Apply(first, Width, Height, 0);
        for (int t = 1; t < 5; t++)
        {
            denoiser.Apply(Flat(0.2f), Width, Height, t);
        }

        float[] bright = Flat(0.8f); // 153 levels: motion or a cut, not noise
        denoiser.Apply(bright, Width, Height, 5);

        Assert.Equal(dark, first);
        Assert.All(bright, v => Assert.InRange(v, 0.8f - 1e-4f, 0.8f + 1e-4f));
    }

    [Fact]
    public void Apply_OneChannelMoves_AllThreeKeepTheSameWeight()
    {
        var denoiser = new TemporalDenoiser(10);
        denoiser.Apply(Flat(0.5f), Width, Height, 0);
        float[] next = Flat(0.5f);
        next.AsSpan(0, Plane).Fill(0.55f); // red up by about 13 levels, green and blue still
        next.AsSpan(Plane, Plane).Fill(0.51f);

        denoiser.Apply(next, Width, Height, 1);

        // One weight w for the pixel: each channel moved the same fraction (1 − w) of its own change.
        float redMoved = (next[0] - 0.5f) / 0.05f, greenMoved = (next[Plane] - 0.5f) / 0.01f;
        Assert.InRange(redMoved, 0.01f, 0.99f);
        Assert.Equal(redMoved, greenMoved, 3);
        Assert.Equal(0.5f, next[2 * Plane]);
    }

    [Theory]
    [InlineData(3)] // back (a seek backwards, a step back)
    [InlineData(4 + TemporalDenoiser.MaxGap + 1)] // far ahead (a seek forwards)
    public void Apply_IndexNotJustAfter_StartsAfresh(long index)
    {
        var denoiser = new TemporalDenoiser(10);
        for (int t = 0; t < 5; t++)
        {
            denoiser.Apply(Flat(0.5f), Width, Height, t);
        }

        float[] frame = Flat(0.51f), given = (float[])frame.Clone();
        denoiser.Apply(frame, Width, Height, index);

        Assert.Equal(given, frame);
    }

    [Fact]
    public void Apply_AfterGapWithinMaxGap_GoesOnFiltering()
    {
        var denoiser = new TemporalDenoiser(10);
        denoiser.Apply(Flat(0.5f), Width, Height, 0);
        float[] frame = Flat(0.51f);

        denoiser.Apply(frame, Width, Height, TemporalDenoiser.MaxGap); // frames dropped between: still the same scene

        Assert.InRange(frame[0], 0.5f, 0.509f);
    }

    [Fact]
    public void Reset_ThenAnyFrame_PassesUnchanged()
    {
        var denoiser = new TemporalDenoiser(10);
        denoiser.Apply(Flat(0.5f), Width, Height, 0);
        denoiser.Reset();
        float[] frame = Flat(0.51f), given = (float[])frame.Clone();

        denoiser.Apply(frame, Width, Height, 1);

        Assert.Equal(given, frame);
    }

    [Fact]
    public void Apply_AfterTheFirstFrame_AllocatesNothing()
    {
        var denoiser = new TemporalDenoiser(10);
        float[] frame = Noisy(0.5f, 3, new Random(1));
        denoiser.Apply(frame, Width, Height, 0);
        denoiser.Apply(frame, Width, Height, 1);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int t = 2; t < 20; t++)
        {
            denoiser.Apply(frame, Width, Height, t);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(TemporalDenoiser.MaxStrength + 1)]
    [InlineData(double.NaN)]
    public void Constructor_StrengthOutOfRange_Throws(double strength) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TemporalDenoiser(strength));

    [Fact]
    public void Apply_WrongLength_Throws() =>
        Assert.Throws<ArgumentException>(() => new TemporalDenoiser(10).Apply(new float[Plane], Width, Height, 0));

    private static float[] Flat(float value) => Enumerable.Repeat(value, 3 * Plane).ToArray();

    private static float[] Noisy(float value, double sigmaLevels, Random random)
    {
        var frame = new float[3 * Plane];
        for (int i = 0; i < frame.Length; i++)
        {
            // Box–Muller: a Gaussian sample.
            double gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            frame[i] = value + (float)(gaussian * sigmaLevels / 255);
        }

        return frame;
    }

    private static double MeanAbsoluteDifference(float[] a, float[] b) => a.Zip(b, (x, y) => Math.Abs(x - y)).Average();
}
