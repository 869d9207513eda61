namespace RealtimeSR.Player.View;

/// <summary>How the bicubic upscale and the model output share the window.</summary>
public enum ViewMode
{
    /// <summary>One picture cut by a draggable divider: bicubic on the left, SR on the right.</summary>
    Split,

    /// <summary>Bicubic and SR next to each other, each in half the window.</summary>
    Side,

    /// <summary>Only the model output.</summary>
    Sr,

    /// <summary>Only the bicubic upscale.</summary>
    Bicubic,

    /// <summary>What SR changed: |SR − bicubic| per pixel and channel, amplified by <see cref="ViewState.DifferenceGain"/>.</summary>
    Difference,
}
