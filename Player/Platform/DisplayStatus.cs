namespace RealtimeSR.Player.Platform;

/// <summary>Whether a window can be opened here, and why not (one line, for the user) when it cannot.</summary>
/// <param name="Available">True when SDL's video subsystem started.</param>
/// <param name="Description">The video driver when available (e.g. "x11"), else the reason.</param>
public sealed record DisplayStatus(bool Available, string Description);
