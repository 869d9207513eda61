namespace RealtimeSR.Shared.Video.Live;

/// <summary>Where a <see cref="LiveVideoReader"/>'s connection stands.</summary>
public enum LiveStatus
{
    /// <summary>The first connection is being opened.</summary>
    Connecting,

    /// <summary>Frames are arriving.</summary>
    Receiving,

    /// <summary>The connection dropped; it is being reopened, with back-off.</summary>
    Reconnecting,

    /// <summary>Disposed.</summary>
    Stopped,
}
