using RealtimeSR.Shared.Imaging;

namespace RealtimeSR.Trainer.Data.Degradations;

/// <summary>
/// Makes one item's degraded LR clip from its HR region (the crop plus <see cref="DegradationOptions.Margin"/> on
/// each side, so the clip's frames can move). Every choice comes from the item's own <see cref="StatelessRandom"/>,
/// each purpose from its own fork, so a batch is the same on any thread and after a resume.
/// </summary>
internal sealed class Degrader
{
    // Fork numbers: one stream per purpose; frame t's noise uses NoiseStream + t (second round: + 64).
    private const int RecipeStream = 1;
    private const int NoiseStream = 100;
    private const int SecondNoiseStream = NoiseStream + 64;

    private readonly DegradationOptions _options;
    private readonly int _hrSize;
    private readonly int _scale;

    public Degrader(DegradationOptions options, int hrSize, int scale)
    {
        _options = options;
        _hrSize = hrSize;
        _scale = scale;
    }

    /// <summary>Side of the square HR region an item needs.</summary>
    public int RegionSize => _hrSize + 2 * _options.Margin;

    public int Margin => _options.Margin;

    /// <summary>The target crop of a region: its centre, where the clip's target frame sits.</summary>
    public Image TargetCrop(Image region) => region.Crop(Margin, Margin, _hrSize, _hrSize);

    public DegradedClip Degrade(Image region, StatelessRandom random)
    {
        DegradationOptions o = _options;
        StatelessRandom draw = random.Fork(RecipeStream);
        int lrSize = _hrSize / _scale;
        if (draw.Chance(0, o.CleanProbability))
        {
            return new DegradedClip([MatlabResize.Downscale(TargetCrop(region), _scale)], 0, Crf: null);
        }

        int? crf = draw.Chance(1, o.H264Probability)
            ? draw.Between(33, (int)Math.Round(o.H264Crf.Min), (int)Math.Round(o.H264Crf.Max))
            : null;
        int frames = crf is null ? 1 : o.ClipFrames;
        int target = draw.Next(2, frames);
        bool still = draw.Chance(3, o.StaticProbability);
        int vx = still ? 0 : draw.Between(4, -o.MaxMotion, o.MaxMotion);
        int vy = still ? 0 : draw.Between(5, -o.MaxMotion, o.MaxMotion);

        GaussianBlur? blur = draw.Chance(6, o.BlurProbability) ? Kernel(draw, 7, o.BlurSigma) : null;
        int? intermediate = draw.Chance(11, o.TwoStepResizeProbability)
            ? (int)Math.Round(lrSize * draw.Between(12, o.IntermediateScale.Min, o.IntermediateScale.Max))
            : null;
        SensorNoise? noise = draw.Chance(13, o.NoiseProbability) ? Noise(draw, 14) : null;
        int? jpeg = draw.Chance(18, o.JpegProbability) ? (int)Math.Round(draw.Between(19, o.JpegQuality.Min, o.JpegQuality.Max)) : null;

        bool second = draw.Chance(20, o.SecondRoundProbability);
        GaussianBlur? secondBlur = second && draw.Chance(21, o.BlurProbability) ? Kernel(draw, 22, o.SecondBlurSigma) : null;
        SensorNoise? secondNoise = second && draw.Chance(26, o.NoiseProbability) ? Noise(draw, 27) : null;
        int? secondJpeg = second && draw.Chance(31, o.JpegProbability) ? (int)Math.Round(draw.Between(32, o.JpegQuality.Min, o.JpegQuality.Max)) : null;

        // Blurring the region once equals blurring each frame's window: the camera's optics move with it.
        Image blurred = blur?.Apply(region) ?? region;
        var clip = new Image[frames];
        for (int t = 0; t < frames; t++)
        {
            Image window = blurred.Crop(Margin + (t - target) * vx, Margin + (t - target) * vy, _hrSize, _hrSize);
            Image lr = intermediate is { } side && side > lrSize
                ? MatlabResize.ResizeTo(MatlabResize.ResizeTo(window, side, side), lrSize, lrSize)
                : MatlabResize.ResizeTo(window, lrSize, lrSize);
            lr = Round(lr, noise, jpeg, random.Fork(NoiseStream + t));
            if (second)
            {
                lr = Round(secondBlur?.Apply(lr) ?? lr, secondNoise, secondJpeg, random.Fork(SecondNoiseStream + t));
            }

            clip[t] = lr;
        }

        return new DegradedClip(clip, target, crf);
    }

    private static Image Round(Image lr, SensorNoise? noise, int? jpegQuality, StatelessRandom random)
    {
        noise?.AddTo(lr, random);
        Image bytes = lr.Quantised();
        return jpegQuality is { } quality ? JpegRoundTrip.Apply(bytes, quality) : bytes;
    }

    /// <summary>A blur kernel from draws <paramref name="first"/>…+3: isotropic, or anisotropic at a random angle.</summary>
    private GaussianBlur Kernel(StatelessRandom draw, int first, ValueRange sigma)
    {
        double along = draw.Between(first, sigma.Min, sigma.Max);
        if (!draw.Chance(first + 1, _options.AnisotropicProbability))
        {
            return GaussianBlur.Create(along, along, 0);
        }

        double across = draw.Between(first + 2, sigma.Min, sigma.Max);
        return GaussianBlur.Create(along, across, draw.Between(first + 3, 0, Math.PI));
    }

    /// <summary>Sensor noise from draws <paramref name="first"/>…+2.</summary>
    private SensorNoise Noise(StatelessRandom draw, int first) => new(
        draw.Between(first, _options.NoiseSigma.Min, _options.NoiseSigma.Max),
        Poisson: draw.Chance(first + 1, _options.PoissonProbability),
        Grey: draw.Chance(first + 2, _options.GreyNoiseProbability));
}
