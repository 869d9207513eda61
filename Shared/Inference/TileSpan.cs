namespace RealtimeSR.Shared.Inference;

/// <summary>
/// One tile along one axis, in LR pixels: the tile reads [<see cref="Start"/>, Start + tile length) and writes
/// only [<see cref="WriteFrom"/>, <see cref="WriteTo"/>), the part far enough from its inner edges.
/// </summary>
internal readonly record struct TileSpan(int Start, int WriteFrom, int WriteTo);
