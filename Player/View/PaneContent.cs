namespace RealtimeSR.Player.View;

/// <summary>Which picture a pane shows.</summary>
public enum PaneContent
{
    Bicubic,
    Sr,

    /// <summary>|SR − bicubic|, amplified.</summary>
    Difference,
}
