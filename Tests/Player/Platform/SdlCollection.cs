namespace RealtimeSR.Tests.Player.Platform;

/// <summary>
/// Tests that use SDL (one process-wide library with global state and environment-driven drivers) run one at a
/// time, with an X display guaranteed by <see cref="XDisplayFixture"/>.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SdlCollection : ICollectionFixture<XDisplayFixture>
{
    public const string Name = "SDL";
}
