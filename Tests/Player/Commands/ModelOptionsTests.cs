using System.CommandLine;
using Microsoft.ML.OnnxRuntime;
using RealtimeSR.Player.Commands;

namespace RealtimeSR.Tests.Player.Commands;

public class ModelOptionsTests
{
    [Theory]
    [InlineData(new string[0], GraphOptimizationLevel.ORT_ENABLE_ALL)]
    [InlineData(new[] { "--graph-opt", "all" }, GraphOptimizationLevel.ORT_ENABLE_ALL)]
    [InlineData(new[] { "--graph-opt", "extended" }, GraphOptimizationLevel.ORT_ENABLE_EXTENDED)]
    [InlineData(new[] { "--graph-opt", "basic" }, GraphOptimizationLevel.ORT_ENABLE_BASIC)]
    [InlineData(new[] { "--graph-opt", "none" }, GraphOptimizationLevel.ORT_DISABLE_ALL)]
    public void SessionOptionsFrom_GraphOpt_ChoosesOnnxRuntimesLevel(string[] args, GraphOptimizationLevel expected)
    {
        var command = new RootCommand();
        foreach (Option option in ModelOptions.All)
        {
            command.Options.Add(option);
        }

        var options = ModelOptions.SessionOptionsFrom(command.Parse(args));

        Assert.Equal(expected, options.OptimizationLevel);
    }
}
