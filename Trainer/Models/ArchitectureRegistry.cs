using RealtimeSR.Trainer.Training;

namespace RealtimeSR.Trainer.Models;

/// <summary>
/// The architectures the trainer can build, as data: each declares itself (<see cref="NetworkArchitecture"/>) in its own
/// file; this list names them. A new architecture is one file plus one entry here (or a <see cref="Register"/> call).
/// </summary>
internal static class ArchitectureRegistry
{
    private static readonly Lock Gate = new();

    private static readonly List<NetworkArchitecture> Known =
    [
        SrResNet.Architecture,
        SrcnnCore.Architecture,
        FsrcnnCore.Architecture,
        EspcnCore.Architecture,
        RealtimeCore.Architecture,
    ];

    /// <summary>Every architecture name, in registration order.</summary>
    public static IReadOnlyList<string> Names
    {
        get
        {
            lock (Gate)
            {
                return Known.Select(a => a.Name).ToArray();
            }
        }
    }

    /// <summary>Adds an architecture (a plug-in, or a test's own); a name may be registered once.</summary>
    public static void Register(NetworkArchitecture architecture)
    {
        lock (Gate)
        {
            if (Known.Any(a => a.Name == architecture.Name))
            {
                throw new ArgumentException($"architecture '{architecture.Name}' is registered already", nameof(architecture));
            }

            Known.Add(architecture);
        }
    }

    /// <summary>The architecture <paramref name="name"/> builds (any case; a training method's name, such as srgan, gives the network it trains).</summary>
    /// <exception cref="UnknownArchitectureException">No such architecture.</exception>
    public static NetworkArchitecture Find(string name)
    {
        string key = TrainingMethods.ArchitectureOf(name.Trim().ToLowerInvariant());
        lock (Gate)
        {
            return Known.FirstOrDefault(a => a.Name == key) ?? throw new UnknownArchitectureException(name);
        }
    }

    /// <summary>The published configuration of <paramref name="architecture"/> at <paramref name="scale"/>.</summary>
    public static NetworkOptions Defaults(string architecture, int scale) => Find(architecture).Defaults(scale);

    /// <summary>True when <paramref name="architecture"/> can be built for <paramref name="scale"/>.</summary>
    public static bool SupportsScale(string architecture, int scale) => Find(architecture).Scales.Contains(scale);

    /// <exception cref="UnsupportedScaleException">The architecture has no such scale.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Channels, blocks or fold out of range.</exception>
    public static SrNetwork Create(NetworkOptions options)
    {
        NetworkArchitecture architecture = Find(options.Architecture);
        if (!architecture.Scales.Contains(options.Scale))
        {
            throw new UnsupportedScaleException(architecture, options.Scale);
        }

        if (options.Fold < 1 || (options.Fold > 1 && !architecture.Folds))
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"{architecture.Name}: fold {options.Fold} (only {FoldingNames()} fold, by ≥ 1)");
        }

        if (options.Channels < 2 || options.Blocks < 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options), $"{architecture.Name}: channels {options.Channels} and blocks {options.Blocks} must be ≥ 2 and ≥ 0");
        }

        return architecture.Create(options with { Architecture = architecture.Name });
    }

    /// <summary>The names of the architectures that take <c>--fold</c>.</summary>
    public static string FoldingNames()
    {
        lock (Gate)
        {
            return string.Join(", ", Known.Where(a => a.Folds).Select(a => a.Name));
        }
    }
}
