namespace RealtimeSR.Player.Pipeline;

/// <summary>How an evidence video shows bicubic against SR.</summary>
public enum CompareMode
{
    /// <summary>Only the SR picture.</summary>
    None,

    /// <summary>Bicubic on the left, SR on the right, each full size (twice as wide as the SR picture).</summary>
    Side,

    /// <summary>One SR-sized picture: the left half bicubic, the right half SR, a white line between.</summary>
    Split,
}
