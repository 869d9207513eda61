namespace RealtimeSR.Trainer.Data;

/// <summary>
/// Random numbers that are a pure function of (seed, step, item, draw): a batch can be rebuilt exactly on any
/// thread, in any order, after a resume, with no generator state to save. SplitMix64 finalisation mixes the key.
/// </summary>
internal readonly struct StatelessRandom
{
    private readonly ulong _key;

    public StatelessRandom(long seed, long step, int item)
    {
        _key = Mix(Mix(Mix((ulong)seed) ^ (ulong)step) ^ (ulong)item);
    }

    private StatelessRandom(ulong key)
    {
        _key = key;
    }

    /// <summary>
    /// An independent generator for one purpose (a degradation, one frame's noise), so that drawing more or fewer
    /// numbers for one purpose never moves the numbers of another.
    /// </summary>
    public StatelessRandom Fork(int stream) => new(Mix(_key ^ Mix((ulong)stream + 0xD1B54A32D192ED03UL)));

    /// <summary>A uniform integer in [0, <paramref name="exclusiveMax"/>) for draw number <paramref name="draw"/>.</summary>
    public int Next(int draw, int exclusiveMax)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(exclusiveMax, 1);
        return (int)((Bits(draw) >> 11) % (ulong)exclusiveMax);
    }

    /// <summary>A uniform integer in [<paramref name="min"/>, <paramref name="max"/>] (both included).</summary>
    public int Between(int draw, int min, int max) => min + Next(draw, max - min + 1);

    /// <summary>A uniform number in [0, 1) for draw number <paramref name="draw"/> (53 random bits).</summary>
    public double NextDouble(int draw) => (Bits(draw) >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform number in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public double Between(int draw, double min, double max) => min + (max - min) * NextDouble(draw);

    /// <summary>True with probability <paramref name="probability"/>.</summary>
    public bool Chance(int draw, double probability) => NextDouble(draw) < probability;

    /// <summary>A standard normal number from draws 2·<paramref name="draw"/> and 2·<paramref name="draw"/> + 1 (Box–Muller).</summary>
    public double Gaussian(int draw)
    {
        double u = 1.0 - NextDouble(2 * draw); // (0, 1]: the logarithm stays finite
        double v = NextDouble(2 * draw + 1);
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v);
    }

    private ulong Bits(int draw) => Mix(_key + (ulong)draw * 0x9E3779B97F4A7C15UL);

    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
