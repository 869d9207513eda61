using RealtimeSR.Trainer.Models;

namespace RealtimeSR.Tests.Trainer.Models;

/// <summary>Every architecture at a tiny configuration, at ×2 and at a second scale it supports (for theories).</summary>
internal static class TinyNetworks
{
    public static TheoryData<string, int> EveryArchitecture()
    {
        var data = new TheoryData<string, int>();
        foreach (string arch in ArchitectureRegistry.Names)
        {
            data.Add(arch, 2);
            data.Add(arch, arch == SrResNet.ArchitectureName ? 4 : 3);
        }

        return data;
    }

    /// <summary>A few channels and blocks: enough to exercise every layer kind, fast enough for a unit test.</summary>
    public static SrNetwork Create(string arch, int scale) =>
        ArchitectureRegistry.Create(new NetworkOptions(arch, scale, Channels: 8, Blocks: 2, ShrinkChannels: 4));
}
