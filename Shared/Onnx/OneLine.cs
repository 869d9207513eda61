namespace RealtimeSR.Shared.Onnx;

/// <summary>
/// Folds a library's message (ONNX Runtime and protobuf messages often span several lines and carry
/// source locations) into one line, so it can sit inside a <see cref="ReportableException"/> message.
/// </summary>
internal static class OneLine
{
    /// <summary>Joins the non-empty lines of <paramref name="text"/> with "; " and trims each.</summary>
    public static string Of(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? "no details" : string.Join("; ", lines);
    }
}
