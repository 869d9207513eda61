using System.Globalization;
using RealtimeSR.Shared.Imaging;
using RealtimeSR.Tests.Imaging;
using RealtimeSR.Tests.Trainer.Commands;
using RealtimeSR.Trainer.Torch;

namespace RealtimeSR.Tests.Trainer.Training;

/// <summary>
/// A run's losses depend only on its options and data, not on what else the process or the machine is doing. Before
/// libtorch's oneDNN convolutions were switched off (<see cref="LibTorchKernels"/>) and TorchSharp's on-the-fly
/// Scalars were banned (Trainer/Torch/BannedSymbols.txt), four tiny runs at once ended in NaN in 4 runs of 60 here.
/// </summary>
public class TrainUnderLoadTests
{
    private const int Steps = 400;

    [Fact]
    public async Task Train_FourArchitecturesAtOnceInGarbageCollectionStorms_EachMatchesItsQuietRunExactly()
    {
        using var temp = new TempFolder();
        string data = temp.Folder("pictures");
        for (int i = 0; i < 4; i++)
        {
            ImageFile.Save(TestImages.Pattern(120, 104, seed: i + 1), Path.Combine(data, $"p{i}.png"));
        }

        string[] architectures = ["espcn", "fsrcnn", "srcnn", "realtime"];
        string[] Arguments(string arch, string run) =>
        [
            "train", "--arch", arch, "--channels", "8", "--scale", "2", "--crop", "24", "--batch", "4", "--threads", "1",
            "--max-steps", Steps.ToString(CultureInfo.InvariantCulture), "--log-every", "1", "--no-val", "--train", data, "-o", run,
        ];

        // Each child has ToolProcess's time limit.
        ToolResult[] stormy = await Task.WhenAll(architectures
            .Select(arch => Task.Run(() => TrainerProcess.RunInGarbageCollectionStorm(Arguments(arch, temp.File($"{arch}-storm"))))));
        ToolResult[] quiet = architectures.Select(arch => TrainerProcess.Run(Arguments(arch, temp.File($"{arch}-quiet")))).ToArray();

        for (int i = 0; i < architectures.Length; i++)
        {
            Assert.True(quiet[i].ExitCode == 0, quiet[i].Error);
            Assert.True(stormy[i].ExitCode == 0, $"{architectures[i]} under load: {stormy[i].Error}");
            string[] expected = LossColumn(temp.File($"{architectures[i]}-quiet"));
            Assert.Equal(Steps, expected.Length);
            Assert.Equal(expected, LossColumn(temp.File($"{architectures[i]}-storm")));
        }
    }

    [Fact]
    public void EnsureNativeConvolutions_OnThisPlatform_Succeeds()
    {
        Assert.Null(LibTorchKernels.EnsureNativeConvolutions());
    }

    /// <summary>The loss of every step as written, to the last digit.</summary>
    private static string[] LossColumn(string run) =>
        File.ReadLines(Path.Combine(run, "log.csv")).Skip(1).Select(line => line.Split(',')[1]).Where(cell => cell.Length > 0).ToArray();
}
