using System.CommandLine;
using RealtimeSR.Shared.Commands;
using RealtimeSR.Shared.Video.Live;

namespace RealtimeSR.Player.Commands;

/// <summary>The command-line options for live sources, shared by <c>play</c> and <c>upscale</c>.</summary>
internal static class LiveOptions
{
    public static readonly Option<string> RtspTransport = new("--rtsp-transport")
    {
        Description = "live RTSP sources: tcp (default) or udp",
        DefaultValueFactory = _ => "tcp",
    };

    public static readonly Option<string?> ConnectTimeout = new("--connect-timeout")
    {
        Description = "live sources: give up when the first connection shows no picture within this time (default 10 s); later drops reconnect",
    };

    /// <exception cref="UsageException">An unknown transport or a bad time.</exception>
    public static LiveSourceOptions From(ParseResult result)
    {
        string transport = result.GetValue(RtspTransport)!.ToLowerInvariant();
        if (transport is not ("tcp" or "udp"))
        {
            throw new UsageException($"--rtsp-transport must be tcp or udp, got '{transport}'");
        }

        var options = new LiveSourceOptions { RtspTransport = transport };
        return TimeOption.Parse(result.GetValue(ConnectTimeout), "--connect-timeout") is { } timeout
            ? timeout > TimeSpan.Zero ? options with { ConnectTimeout = timeout } : throw new UsageException("--connect-timeout must be more than 0")
            : options;
    }
}
