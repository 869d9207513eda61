namespace RealtimeSR.Tests.Deploy;

/// <summary>The checkout's <c>deploy/</c> recipes, and a command that runs the built player as the recipes' <c>rtsr</c>.</summary>
internal static class DeployFolder
{
    public static string Path(params string[] parts) =>
        CheckoutFile.Path(["deploy", .. parts]);

    /// <summary>Writes an executable script into <paramref name="folder"/> that runs this build's player with its arguments (what <c>rtsr</c> does after building).</summary>
    public static string WritePlayerCommand(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("the deploy recipes are shell scripts for Linux nodes");
        }

        string script = System.IO.Path.Combine(folder, "rtsr");
        string player = System.IO.Path.Combine(AppContext.BaseDirectory, "RealtimeSR.Player.dll");
        File.WriteAllText(script, $"#!/bin/sh\nexec dotnet '{player}' \"$@\"\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        return script;
    }
}
