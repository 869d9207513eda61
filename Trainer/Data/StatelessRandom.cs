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

    /// <summary>A uniform integer in [0, <paramref name="exclusiveMax"/>) for draw number <paramref name="draw"/>.</summary>
    public int Next(int draw, int exclusiveMax)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(exclusiveMax, 1);
        return (int)((Mix(_key + (ulong)draw * 0x9E3779B97F4A7C15UL) >> 11) % (ulong)exclusiveMax);
    }

    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
