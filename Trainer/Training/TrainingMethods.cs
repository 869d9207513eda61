using RealtimeSR.Trainer.Models;
using static TorchSharp.torch;

namespace RealtimeSR.Trainer.Training;

/// <summary>
/// How a run trains, chosen by <c>--arch</c>: a name here picks a method and the architecture it trains (SRGAN:
/// an SRResNet generator against a discriminator); any other name is an architecture trained on pixels
/// (<see cref="SupervisedMethod"/>).
/// </summary>
internal static class TrainingMethods
{
    public const string Srgan = "srgan";

    private static readonly Dictionary<string, (string Architecture, Func<TrainOptions, Device, bool, Action<string>, ITrainingMethod> Create)> ByName = new()
    {
        [Srgan] = (SrResNet.ArchitectureName, (options, device, resume, log) => new SrganMethod(options, device, resume, log)),
    };

    /// <summary>The <c>--arch</c> names that choose a method rather than a network.</summary>
    public static IReadOnlyCollection<string> Names => ByName.Keys;

    /// <summary>The architecture <paramref name="name"/> trains: its own for a method, else the name itself.</summary>
    public static string ArchitectureOf(string name) => ByName.TryGetValue(name, out var method) ? method.Architecture : name;

    /// <summary>The learning-rate schedule a method uses when <c>--schedule</c> is not given (SRGAN: the tutorial's step at half).</summary>
    public static LearningRateSchedule DefaultSchedule(string name) => name == Srgan ? LearningRateSchedule.StepAtHalf : LearningRateSchedule.Constant;

    public static ITrainingMethod Create(TrainOptions options, Device device, bool resume, Action<string> log) =>
        ByName.TryGetValue(options.Method, out var method)
            ? method.Create(options, device, resume, log)
            : new SupervisedMethod(options, device);
}
