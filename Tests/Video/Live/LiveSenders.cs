using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using RealtimeSR.Tests.Deploy;

namespace RealtimeSR.Tests.Video.Live;

/// <summary>Free loopback ports for the live senders.</summary>
internal static class LoopbackPort
{
    /// <summary>A TCP port nobody listens on now (the OS's pick).</summary>
    public static int FreeTcp()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A UDP port nobody is bound to now.</summary>
    public static int FreeUdp()
    {
        using var socket = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.Client.LocalEndPoint!).Port;
    }
}

/// <summary>
/// The repository's RTSP test server (<c>deploy/live/test-rtsp-server</c>, GStreamer's RTSP server) on a loopback
/// port: a live H.264 stream at <see cref="Url"/>. Killed (and restartable on the same port) by the test.
/// </summary>
internal sealed class RtspTestServer : IDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);

    private readonly int _width;
    private readonly int _height;
    private readonly int _rate;
    private Process? _process;

    public RtspTestServer(int width = 160, int height = 120, int rate = 25)
    {
        (_width, _height, _rate) = (width, height, rate);
        Port = LoopbackPort.FreeTcp();
        Start();
    }

    public int Port { get; }

    public string Url => $"rtsp://127.0.0.1:{Port}/live";

    /// <summary>Starts serving (again) and returns once it listens.</summary>
    public void Start()
    {
        var start = new ProcessStartInfo(DeployFolder.Path("live", "test-rtsp-server"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in (string[])["--port", $"{Port}", "--size", $"{_width}x{_height}", "--rate", $"{_rate}"])
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start)!;
        Task<string?> ready = _process.StandardOutput.ReadLineAsync();
        if (!ready.Wait(ReadyTimeout) || ready.Result is not { } line || !line.StartsWith("ready ", StringComparison.Ordinal))
        {
            string error = _process.HasExited ? _process.StandardError.ReadToEnd() : "(still starting)";
            Stop();
            throw new InvalidOperationException($"the RTSP test server did not start: {error}");
        }
    }

    /// <summary>Kills the server: every client's connection drops.</summary>
    public void Stop()
    {
        if (_process is { } process)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }

            process.Dispose();
            _process = null;
        }
    }

    public void Dispose() => Stop();
}

/// <summary>ffmpeg sending a live MPEG-TS test stream (H.264, one keyframe a second) to a loopback UDP port, at its real rate.</summary>
internal sealed class UdpTestSender : IDisposable
{
    private readonly Process _process;

    public UdpTestSender(int width = 160, int height = 90, int rate = 25)
    {
        Port = LoopbackPort.FreeUdp();
        var start = new ProcessStartInfo("ffmpeg")
        {
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (string arg in (string[])[
            "-v", "error", "-re", "-f", "lavfi", "-i", $"testsrc2=size={width}x{height}:rate={rate}",
            "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-g", $"{rate}", "-f", "mpegts", Url])
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start)!;
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
    }

    public int Port { get; }

    public string Url => $"udp://127.0.0.1:{Port}";

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
