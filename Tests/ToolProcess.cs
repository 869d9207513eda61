using System.Diagnostics;

namespace RealtimeSR.Tests;

/// <summary>Runs one of the built executables (its .dll beside the tests) as a user would, capturing exit code and output.</summary>
internal static class ToolProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    /// <param name="assembly">File name of the executable's dll, e.g. RealtimeSR.Player.dll.</param>
    /// <param name="environment">Extra environment variables for the child.</param>
    /// <param name="args">Command-line arguments.</param>
    public static ToolResult Run(string assembly, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, assembly));
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{assembly} {string.Join(' ', args)} did not finish within {Timeout}");
        }

        return new ToolResult(process.ExitCode, stdout.Result, stderr.Result);
    }
}

/// <summary>What a run of an executable left: its exit code, stdout and stderr.</summary>
internal sealed record ToolResult(int ExitCode, string Output, string Error)
{
    /// <summary>The non-empty lines written to stderr.</summary>
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Lines on stderr that start with "error:" (the one-line failures).</summary>
    public string[] FailureLines => ErrorLines.Where(l => l.StartsWith("error:", StringComparison.Ordinal)).ToArray();
}
