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
        _process = LoopbackProcess.Start(DeployFolder.Path("live", "test-rtsp-server"), null, drain: false,
            "--port", $"{Port}", "--size", $"{_width}x{_height}", "--rate", $"{_rate}");
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
            LoopbackProcess.Stop(process);
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
        _process = LoopbackProcess.Start("ffmpeg", null, drain: true,
            "-v", "error", "-re", "-f", "lavfi", "-i", $"testsrc2=size={width}x{height}:rate={rate}",
            "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-g", $"{rate}", "-f", "mpegts", Url);
    }

    public int Port { get; }

    public string Url => $"udp://127.0.0.1:{Port}";

    public void Dispose() => LoopbackProcess.Stop(_process);
}

/// <summary>
/// A live HLS stream on loopback: ffmpeg writes a rolling playlist of one-second segments into a temporary folder at
/// the real rate, and Python's HTTP server serves the folder at <see cref="Url"/>.
/// </summary>
internal sealed class HlsTestServer : IDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);

    private readonly TempFolder _folder = new();
    private readonly Process _writer;
    private readonly Process _server;

    public HlsTestServer(int width = 160, int height = 120, int rate = 25)
    {
        Port = LoopbackPort.FreeTcp();
        _writer = LoopbackProcess.Start("ffmpeg", _folder.Path, drain: true,
            "-v", "error", "-re", "-f", "lavfi", "-i", $"testsrc2=size={width}x{height}:rate={rate}",
            "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-g", $"{rate}",
            "-f", "hls", "-hls_time", "1", "-hls_list_size", "5", "-hls_flags", "delete_segments", "live.m3u8");
        _server = LoopbackProcess.Start("python3", _folder.Path, drain: true, "-m", "http.server", "--bind", "127.0.0.1", $"{Port}");

        // Ready once the playlist lists a segment and the server answers for it.
        var watch = Stopwatch.StartNew();
        using var client = new System.Net.Http.HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        while (true)
        {
            try
            {
                if (client.GetStringAsync(Url).GetAwaiter().GetResult().Contains(".ts", StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (Exception e) when (e is System.Net.Http.HttpRequestException or TaskCanceledException)
            {
                // Not serving yet.
            }

            if (watch.Elapsed > ReadyTimeout)
            {
                Dispose();
                throw new InvalidOperationException("the HLS test stream did not start");
            }

            Thread.Sleep(200);
        }
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/live.m3u8";

    public void Dispose()
    {
        LoopbackProcess.Stop(_writer);
        LoopbackProcess.Stop(_server);
        _folder.Dispose();
    }
}

/// <summary>Starts the senders and servers of the live tests with their output redirected.</summary>
internal static class LoopbackProcess
{
    /// <param name="program">The program.</param>
    /// <param name="folder">Its working folder; null = this process's.</param>
    /// <param name="drain">Read and discard its output (a program whose output nobody reads stalls once the pipe fills).</param>
    /// <param name="args">Its arguments.</param>
    public static Process Start(string program, string? folder, bool drain, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (folder is not null)
        {
            start.WorkingDirectory = folder;
        }

        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        if (drain)
        {
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        return process;
    }

    /// <summary>Kills <paramref name="process"/> (and its children), waits for it and releases it.</summary>
    public static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
    }
}
