namespace RealtimeSR.Tests.Trainer;

/// <summary>
/// Test classes that draw from libtorch's process-wide random generator (layer initialisation, <c>rand</c>) after
/// seeding it. xunit runs classes in parallel, and two such classes at once would interleave their draws, so a
/// test's "seeded" network would depend on timing. Classes in this collection run one after another; everything
/// else still runs beside them.
/// </summary>
[CollectionDefinition(Name)]
public sealed class TorchRandomCollection
{
    public const string Name = "libtorch's global random generator";
}
