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
        using var process = Start(assembly, args, environment);
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{assembly} {string.Join(' ', args)} did not finish within {Timeout}");
        }

        return new ToolResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Starts one of the built executables with its output redirected, for a test that watches or kills it while it runs.</summary>
    public static Process Start(string assembly, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null) =>
        Process.Start(StartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, assembly), .. args], null, environment))!;

    /// <summary>
    /// Runs a program (ffmpeg, a deploy script) to the end and returns its stdout; fails the test with its stderr when
    /// it exits non-zero, and kills it after <paramref name="timeout"/>.
    /// </summary>
    public static string RunTool(
        string tool, IEnumerable<string> args, TimeSpan timeout, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        string[] arguments = [.. args];
        using var process = Process.Start(StartInfo(tool, arguments, workingDirectory, environment))!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} {string.Join(' ', arguments)} did not finish within {timeout}");
        }

        Assert.True(process.ExitCode == 0, $"{tool} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error.Result}");
        return output.Result;
    }

    private static ProcessStartInfo StartInfo(string program, IEnumerable<string> args, string? workingDirectory, IReadOnlyDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }

        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return start;
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
