using System.CommandLine;
using RealtimeSR.Trainer.Commands;

namespace RealtimeSR.Trainer;

internal static class Program
{
    private static int Main(string[] args)
    {
        var root = new RootCommand("RealtimeSR trainer: data preparation, evaluation, training and export of SR models")
        {
            PrepareCommand.Create(),
            DownscaleCommand.Create(),
            EvalCommand.Create(),
            TrainCommand.Create(),
            ExportCommand.Create(),
            TestImageCommand.Create(),
            QuantizeCommand.Create(),
        };
        return root.Parse(args).Invoke();
    }
}
