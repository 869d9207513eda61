using System.CommandLine;
using Microsoft.ML.OnnxRuntime;
using RealtimeSR.Shared.Commands;
using RealtimeSR.Tests.Player.Commands;
using RealtimeSR.Tests.Trainer.Commands;

namespace RealtimeSR.Tests.Commands;

public class InferenceOptionsTests
{
    [Theory]
    [InlineData(new string[0], GraphOptimizationLevel.ORT_ENABLE_ALL)]
    [InlineData(new[] { "--graph-opt", "all" }, GraphOptimizationLevel.ORT_ENABLE_ALL)]
    [InlineData(new[] { "--graph-opt", "extended" }, GraphOptimizationLevel.ORT_ENABLE_EXTENDED)]
    [InlineData(new[] { "--graph-opt", "basic" }, GraphOptimizationLevel.ORT_ENABLE_BASIC)]
    [InlineData(new[] { "--graph-opt", "none" }, GraphOptimizationLevel.ORT_DISABLE_ALL)]
    public void From_GraphOpt_ChoosesOnnxRuntimesLevel(string[] args, GraphOptimizationLevel expected)
    {
        var command = new RootCommand();
        InferenceOptions.AddTo(command);

        var options = InferenceOptions.From(command.Parse(args));

        Assert.Equal(expected, options.OptimizationLevel);
    }

    [Fact]
    public void From_EveryOption_LandsInTheSessionOptions()
    {
        var command = new RootCommand();
        InferenceOptions.AddTo(command);

        var options = InferenceOptions.From(command.Parse(["--ep", "cpu", "--threads", "3", "--tile", "64", "--spinning"]));

        Assert.Equal((RealtimeSR.Shared.Inference.ExecutionProvider.Cpu, 3, 64, true),
            (options.ExecutionProvider, options.IntraOpThreads, options.Tile, options.AllowSpinning));
    }

    [Theory]
    [InlineData("player", "play")]
    [InlineData("player", "bench")]
    [InlineData("player", "upscale")]
    [InlineData("trainer", "eval")]
    [InlineData("trainer", "test")]
    public void Verb_ThatRunsAModel_TakesEveryInferenceOption(string executable, string verb)
    {
        var help = executable == "player" ? PlayerProcess.Run(verb, "--help") : TrainerProcess.Run(verb, "--help");

        Assert.True(help.ExitCode == 0, help.Error);
        foreach (Option option in InferenceOptions.All)
        {
            Assert.Contains(option.Name, help.Output);
        }
    }
}
