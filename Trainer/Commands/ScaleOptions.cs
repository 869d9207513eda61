using System.CommandLine;

namespace RealtimeSR.Trainer.Commands;

/// <summary>The integer <c>--scale</c> option that eval and downscale share, with its one range check.</summary>
internal static class ScaleOptions
{
    public const int Largest = 16;

    public static Option<int> Create(string description) => new("--scale", "-s") { Description = description, Required = true };

    /// <summary>The value of <paramref name="option"/>, or a usage error when it is not in 1 … 16.</summary>
    public static int Read(ParseResult result, Option<int> option)
    {
        int scale = result.GetValue(option);
        if (scale is < 1 or > Largest)
        {
            throw new UsageException($"--scale {scale}: expected a whole number from 1 to {Largest}");
        }

        return scale;
    }
}
