namespace RealtimeSR.Shared.Video.Live;

/// <summary>How a live source is opened and kept open. Immutable.</summary>
public sealed record LiveSourceOptions
{
    /// <summary>RTSP's transport: "tcp" (interleaved, the default: it passes firewalls and loses nothing) or "udp".</summary>
    public string RtspTransport { get; init; } = "tcp";

    /// <summary>The first connection must deliver a picture within this time, else the source is refused.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>A connection that delivers no frame for this long counts as dropped and is reopened.</summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Waits before reconnecting after a drop: the first, doubled per failed attempt up to <see cref="MaxReconnectDelay"/>.</summary>
    public TimeSpan FirstReconnectDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan MaxReconnectDelay { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>Recording (<see cref="LiveRecorder"/>): a stream that gives nothing for this long, reconnections included, ends it.</summary>
    public TimeSpan GiveUpAfter { get; init; } = TimeSpan.FromSeconds(60);
}
