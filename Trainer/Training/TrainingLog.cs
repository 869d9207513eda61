using System.Diagnostics;
using System.Globalization;
using System.Text;
using RealtimeSR.Shared.Imaging;
using RealtimeSR.Shared.IO;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RealtimeSR.Trainer.Training;

/// <summary>
/// Everything a run reports as it goes: a progress line on stderr (redrawn in place on a terminal, one line per
/// <c>LogEvery</c> steps otherwise), <c>log.csv</c>, TensorBoard event files under <c>tensorboard/</c>, and a
/// <c>curves.png</c> of loss and validation PSNR redrawn at every validation.
/// </summary>
internal sealed class TrainingLog : IDisposable
{
    private const string CsvHeader = "step,loss,learning_rate,samples_per_second,validation_psnr,training_seconds";

    private readonly string _folder;
    private readonly TrainOptions _options;
    private readonly SummaryWriter _tensorBoard;
    private readonly StreamWriter _csv;
    private readonly List<(long Step, double Loss)> _losses = [];
    private readonly Dictionary<string, double> _extraSums = [];
    private readonly List<(long Step, double Psnr)> _validation = [];
    private readonly bool _interactive = !Console.IsErrorRedirected;
    private readonly Stopwatch _sinceReport = Stopwatch.StartNew();
    private double _lossSum;
    private int _lossCount;
    private long _samplesSinceReport;

    public TrainingLog(string folder, TrainOptions options, long firstStep)
    {
        _folder = folder;
        _options = options;
        _tensorBoard = TorchSharp.torch.utils.tensorboard.SummaryWriter(Path.Combine(folder, "tensorboard"), createRunName: false);
        string csvPath = Path.Combine(folder, "log.csv");
        bool resume = firstStep > 0 && File.Exists(csvPath);
        if (resume)
        {
            ReloadHistory(csvPath, firstStep);
        }

        _csv = new StreamWriter(csvPath, append: resume, Encoding.UTF8) { AutoFlush = true };
        if (!resume)
        {
            _csv.WriteLine(CsvHeader);
        }
    }

    /// <summary>Samples per second over the last report interval.</summary>
    public double SamplesPerSecond { get; private set; }

    /// <summary>Records one step's loss; every <c>LogEvery</c> steps writes a row and the progress line.</summary>
    public void Step(long step, StepLosses losses, double learningRate, double trainingSeconds, TimeSpan? remaining)
    {
        double loss = losses.Main;
        foreach (var (name, value) in losses.Extras ?? new Dictionary<string, double>())
        {
            _extraSums[name] = _extraSums.GetValueOrDefault(name) + value;
        }

        _lossSum += loss;
        _lossCount++;
        _samplesSinceReport += _options.BatchSize;
        if (step % _options.LogEvery != 0 && step != _options.MaxSteps)
        {
            if (_interactive)
            {
                WriteProgress(step, loss, remaining);
            }

            return;
        }

        double meanLoss = _lossSum / _lossCount;
        SamplesPerSecond = _samplesSinceReport / Math.Max(1e-9, _sinceReport.Elapsed.TotalSeconds);
        _losses.Add((step, meanLoss));
        _csv.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{step},{meanLoss:G6},{learningRate:G4},{SamplesPerSecond:F2},,{trainingSeconds:F1}"));
        _tensorBoard.add_scalar("loss/train", (float)meanLoss, (int)step);
        _tensorBoard.add_scalar("learning_rate", (float)learningRate, (int)step);
        _tensorBoard.add_scalar("samples_per_second", (float)SamplesPerSecond, (int)step);
        foreach (var (name, sum) in _extraSums)
        {
            _tensorBoard.add_scalar($"loss/{name}", (float)(sum / _lossCount), (int)step);
        }

        _extraSums.Clear();
        WriteProgress(step, meanLoss, remaining, endLine: !_interactive);
        _lossSum = 0;
        _lossCount = 0;
        _samplesSinceReport = 0;
        _sinceReport.Restart();
    }

    /// <summary>Records a validation result and a sample picture, and redraws the curves.</summary>
    public void Validation(long step, string setName, double psnr, double ssim, Image? sample, double trainingSeconds)
    {
        _validation.Add((step, psnr));
        _csv.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{step},,,,{psnr:F4},{trainingSeconds:F1}"));
        _tensorBoard.add_scalar($"validation/{setName}_psnr", (float)psnr, (int)step);
        _tensorBoard.add_scalar($"validation/{setName}_ssim", (float)ssim, (int)step);
        if (sample is not null)
        {
            Picture($"sample/{setName}", sample, step);
        }

        Line(string.Create(CultureInfo.InvariantCulture, $"step {step}: {setName} PSNR {psnr:F2} dB, SSIM {ssim:F4}"));
        TrainingCurves.Write(Path.Combine(_folder, "curves.png"), _options.Method, _losses, _validation);
    }

    /// <summary>
    /// A picture in TensorBoard, handed over as a PNG file: TorchSharp's tensor overload of <c>add_img</c> makes
    /// Scalars on the fly (see Trainer/Torch/BannedSymbols.txt).
    /// </summary>
    public void Picture(string tag, Image picture, long step)
    {
        string png = Path.Combine(_folder, "tensorboard", $".picture-{Environment.ProcessId}.png");
        try
        {
            ImageFile.Save(picture, png);
            _tensorBoard.add_img(tag, png, (int)step);
        }
        finally
        {
            File.Delete(png);
        }
    }

    /// <summary>A message on its own line (the progress line is redrawn after it).</summary>
    public static void Line(string message)
    {
        if (!Console.IsErrorRedirected)
        {
            Console.Error.Write("\r\u001b[K");
        }

        Console.Error.WriteLine(message);
    }

    public void Dispose()
    {
        if (_interactive)
        {
            Console.Error.WriteLine();
        }

        _csv.Dispose(); // TensorBoard's writer appends each event as it comes and holds nothing open
    }

    private void WriteProgress(long step, double loss, TimeSpan? remaining, bool endLine = false)
    {
        double fraction = (double)step / _options.MaxSteps;
        const int width = 24;
        int filled = (int)Math.Round(fraction * width);
        string bar = new string('#', filled) + new string('.', width - filled);
        string eta = remaining is { } r ? $"ETA {(int)r.TotalHours}h{r.Minutes:00}m" : "ETA ?";
        string text = string.Create(CultureInfo.InvariantCulture,
            $"[{bar}] step {step}/{_options.MaxSteps} loss {loss:G4} {SamplesPerSecond:F1} samples/s {eta}");
        if (endLine)
        {
            Console.Error.WriteLine(text);
        }
        else
        {
            Console.Error.Write("\r" + text + "\u001b[K");
        }
    }

    /// <summary>After a resume, keeps the rows up to the resumed step so the curves continue without a gap or overlap.</summary>
    private void ReloadHistory(string csvPath, long firstStep)
    {
        var kept = new List<string> { CsvHeader };
        foreach (string line in File.ReadLines(csvPath).Skip(1))
        {
            string[] cells = line.Split(',');
            if (cells.Length < 6 || !long.TryParse(cells[0], CultureInfo.InvariantCulture, out long step) || step > firstStep)
            {
                continue;
            }

            kept.Add(line);
            if (double.TryParse(cells[1], CultureInfo.InvariantCulture, out double loss))
            {
                _losses.Add((step, loss));
            }

            if (double.TryParse(cells[4], CultureInfo.InvariantCulture, out double psnr))
            {
                _validation.Add((step, psnr));
            }
        }

        AtomicFile.WriteAllText(csvPath, string.Join('\n', kept) + "\n");
    }
}
