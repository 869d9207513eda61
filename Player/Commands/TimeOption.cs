using System.Globalization;

namespace RealtimeSR.Player.Commands;

/// <summary>Parses times given on the command line: seconds ("12.5") or [hh:]mm:ss[.fff].</summary>
internal static class TimeOption
{
    /// <exception cref="UsageException">Not a time, or negative.</exception>
    public static TimeSpan? Parse(string? text, string option)
    {
        if (text is null)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) && seconds >= 0 && double.IsFinite(seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        string[] formats = [@"h\:mm\:ss", @"h\:mm\:ss\.FFFFFFF", @"m\:ss", @"m\:ss\.FFFFFFF"];
        if (TimeSpan.TryParseExact(text, formats, CultureInfo.InvariantCulture, out var time))
        {
            return time;
        }

        throw new UsageException($"{option} '{text}' is not a time (seconds, or [hh:]mm:ss[.fff])");
    }
}
