using RealtimeSR.Shared.Commands;
namespace RealtimeSR.Shared.Imaging;

/// <summary>An image is smaller than an operation needs (a crop, a scale, a metric window after shaving).</summary>
public sealed class ImageTooSmallException : ReportableException
{
    public override int ExitCode => ExitCodes.BadInput;

    public ImageTooSmallException(int width, int height, int neededWidth, int neededHeight, string? what = null)
        : base($"image {width}x{height} is too small{(what is null ? string.Empty : " for " + what)}: " +
               $"needs at least {neededWidth}x{neededHeight}")
    {
        Width = width;
        Height = height;
    }

    public int Width { get; }

    public int Height { get; }
}
