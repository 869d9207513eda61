namespace RealtimeSR.Trainer.Models;

/// <summary>Builds a network from its options; knows each architecture's defaults and the scales it supports.</summary>
internal static class ArchitectureRegistry
{
    public const string SrResNetName = "srresnet";
    public const string SrganName = "srgan";
    public const string SrcnnName = "srcnn";
    public const string FsrcnnName = "fsrcnn";
    public const string EspcnName = "espcn";
    public const string RealtimeName = "realtime";

    /// <summary>Every name <c>--arch</c> accepts. SRGAN trains an SRResNet generator, so it builds an SRResNet.</summary>
    public static readonly IReadOnlyList<string> Names = [SrResNetName, SrganName, SrcnnName, FsrcnnName, EspcnName, RealtimeName];

    /// <summary>The published configuration of <paramref name="architecture"/> at <paramref name="scale"/>.</summary>
    public static NetworkOptions Defaults(string architecture, int scale) => Normalise(architecture) switch
    {
        SrResNetName => new NetworkOptions(SrResNetName, scale, Channels: 64, Blocks: 16),
        SrcnnName => new NetworkOptions(SrcnnName, scale, Channels: 64, Blocks: 0),
        FsrcnnName => new NetworkOptions(FsrcnnName, scale, Channels: 56, Blocks: 4, ShrinkChannels: 12),
        EspcnName => new NetworkOptions(EspcnName, scale, Channels: 64, Blocks: 0),
        RealtimeName => new NetworkOptions(RealtimeName, scale, Channels: 32, Blocks: 4),
        var other => throw new UnknownArchitectureException(other),
    };

    /// <summary>True when <paramref name="architecture"/> can be built for <paramref name="scale"/>.</summary>
    public static bool SupportsScale(string architecture, int scale) => Normalise(architecture) switch
    {
        SrResNetName => SrResNet.SupportsScale(scale),
        SrcnnName or FsrcnnName or EspcnName or RealtimeName => scale is >= 2 and <= 8,
        var other => throw new UnknownArchitectureException(other),
    };

    public static SrNetwork Create(NetworkOptions options)
    {
        string name = Normalise(options.Architecture);
        if (!SupportsScale(name, options.Scale))
        {
            throw new UnsupportedScaleException(name, options.Scale);
        }

        if (options.Fold < 1 || (options.Fold > 1 && name != RealtimeName))
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"{name}: fold {options.Fold} (only realtime nets fold, by ≥ 1)");
        }

        if (options.Channels < 2 || options.Blocks < 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options), $"{name}: channels {options.Channels} and blocks {options.Blocks} must be ≥ 2 and ≥ 0");
        }

        int s = options.Scale;
        return name switch
        {
            SrResNetName => new SrResNet(options with { Architecture = SrResNetName }),
            SrcnnName => new LumaNetwork("Srcnn", options, new SrcnnCore(options.Channels, s)),
            FsrcnnName => new LumaNetwork("Fsrcnn", options, new FsrcnnCore(options.Channels, options.ShrinkChannels, options.Blocks, s)),
            EspcnName => new LumaNetwork("Espcn", options, new EspcnCore(options.Channels, s)),
            RealtimeName => new LumaNetwork("Realtime", options, new RealtimeCore(options.Channels, options.Blocks, s, options.Fold)),
            _ => throw new UnknownArchitectureException(name),
        };
    }

    /// <summary>Lower-cases the name; SRGAN's generator is an SRResNet.</summary>
    private static string Normalise(string architecture)
    {
        string name = architecture.Trim().ToLowerInvariant();
        return name == SrganName ? SrResNetName : name;
    }
}
