namespace RealtimeSR.Trainer.Models;

/// <summary>
/// What the registry knows of one architecture, declared once beside its module (BasicSR's registry, as data):
/// its <c>--arch</c> name, its published configuration per scale, the scales it can be built for, and how to build
/// it. <see cref="NetworkOptions.Channels"/> and <see cref="NetworkOptions.Blocks"/> mean what the description says.
/// </summary>
/// <param name="Name">The <c>--arch</c> name, lower case.</param>
/// <param name="Description">One line for help texts: what the network is and what its channels and blocks mean.</param>
/// <param name="Defaults">The published configuration at a scale.</param>
/// <param name="Create">Builds the network (options already checked against the rest of this record).</param>
internal sealed record NetworkArchitecture(string Name, string Description, Func<int, NetworkOptions> Defaults, Func<NetworkOptions, SrNetwork> Create)
{
    /// <summary>The scales it can be built for (default 2 to 8).</summary>
    public IReadOnlyList<int> Scales { get; init; } = [2, 3, 4, 5, 6, 7, 8];

    /// <summary>Whether it takes <c>--fold</c> (layers on a space-to-depth input).</summary>
    public bool Folds { get; init; }

    /// <summary>Adam's starting learning rate when <c>--lr</c> is not given.</summary>
    public double LearningRate { get; init; } = 1e-3;
}
