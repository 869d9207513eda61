using System.Collections.Immutable;
using System.Globalization;

namespace RealtimeSR.Shared.Onnx;

/// <summary>
/// What a model is and how it was made, stored in the ONNX <c>metadata_props</c> under <c>rtsr.*</c> keys so
/// one file is the whole model. Every field is optional: a card written by another tool may carry only some,
/// and a model without any <c>rtsr.*</c> key has no card at all (<see cref="FromMetadata"/> returns null).
/// </summary>
/// <remarks>
/// Keys: <c>rtsr.arch</c>, <c>rtsr.scale</c>, <c>rtsr.params</c>, <c>rtsr.train_data</c>,
/// <c>rtsr.train_steps</c>, <c>rtsr.notes</c>, <c>rtsr.metric.&lt;name&gt;</c> (invariant-culture number) and
/// <c>rtsr.extra.&lt;name&gt;</c>. Unknown <c>rtsr.*</c> keys (from a newer writer) are ignored on reading;
/// keys without the prefix belong to other tools and are left alone.
/// </remarks>
public sealed record ModelCard
{
    /// <summary>Prefix of every key the card owns.</summary>
    public const string KeyPrefix = "rtsr.";

    /// <summary>Key of <see cref="Architecture"/>.</summary>
    public const string ArchitectureKey = "rtsr.arch";

    /// <summary>Key of <see cref="Scale"/>.</summary>
    public const string ScaleKey = "rtsr.scale";

    /// <summary>Key of <see cref="ParameterCount"/>.</summary>
    public const string ParameterCountKey = "rtsr.params";

    /// <summary>Key of <see cref="TrainingData"/>.</summary>
    public const string TrainingDataKey = "rtsr.train_data";

    /// <summary>Key of <see cref="TrainingSteps"/>.</summary>
    public const string TrainingStepsKey = "rtsr.train_steps";

    /// <summary>Key of <see cref="Notes"/>.</summary>
    public const string NotesKey = "rtsr.notes";

    /// <summary>Prefix of each <see cref="Metrics"/> entry.</summary>
    public const string MetricPrefix = "rtsr.metric.";

    /// <summary>Prefix of each <see cref="Extra"/> entry.</summary>
    public const string ExtraPrefix = "rtsr.extra.";

    private readonly ImmutableSortedDictionary<string, double> _metrics = ImmutableSortedDictionary.Create<string, double>(StringComparer.Ordinal);
    private readonly ImmutableSortedDictionary<string, string> _extra = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);

    /// <summary>Architecture and its size, e.g. "srresnet-16x64" or "espcn".</summary>
    public string? Architecture { get; init; }

    /// <summary>Upscaling factor: output height and width are this many times the input's.</summary>
    public int? Scale { get; init; }

    /// <summary>Number of trainable parameters.</summary>
    public long? ParameterCount { get; init; }

    /// <summary>What the model was trained on, e.g. "T91+BSDS200, 96px HR crops".</summary>
    public string? TrainingData { get; init; }

    /// <summary>Optimiser steps the weights saw.</summary>
    public long? TrainingSteps { get; init; }

    /// <summary>Evaluation results by name, e.g. "Set5_x4_psnr" → 30.1 (dB), "Set5_x4_ssim" → 0.85.</summary>
    public IReadOnlyDictionary<string, double> Metrics
    {
        get => _metrics;
        init => _metrics = value.ToImmutableSortedDictionary(StringComparer.Ordinal);
    }

    /// <summary>Free text for people.</summary>
    public string? Notes { get; init; }

    /// <summary>Anything else worth keeping with the weights (e.g. the training configuration), by name.</summary>
    public IReadOnlyDictionary<string, string> Extra
    {
        get => _extra;
        init => _extra = value.ToImmutableSortedDictionary(StringComparer.Ordinal);
    }

    /// <summary>The card as <c>metadata_props</c> entries, sorted by key; unset fields are left out.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ToMetadata()
    {
        var entries = new List<KeyValuePair<string, string>>();
        Add(ArchitectureKey, Architecture);
        Add(ScaleKey, Scale?.ToString(CultureInfo.InvariantCulture));
        Add(ParameterCountKey, ParameterCount?.ToString(CultureInfo.InvariantCulture));
        Add(TrainingDataKey, TrainingData);
        Add(TrainingStepsKey, TrainingSteps?.ToString(CultureInfo.InvariantCulture));
        Add(NotesKey, Notes);
        foreach (var (name, value) in Metrics)
        {
            // "R" round-trips every double exactly.
            Add(MetricPrefix + CheckName(name), value.ToString("R", CultureInfo.InvariantCulture));
        }

        foreach (var (name, value) in Extra)
        {
            Add(ExtraPrefix + CheckName(name), value);
        }

        entries.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return entries;

        void Add(string key, string? value)
        {
            if (value is not null)
            {
                entries.Add(new(key, value));
            }
        }
    }

    /// <summary>
    /// Reads a card from <c>metadata_props</c> entries. Returns null when no entry has the <c>rtsr.</c> prefix
    /// (a model made elsewhere). <paramref name="source"/> names the model in error messages.
    /// </summary>
    /// <exception cref="ModelContractException">A card value does not parse (e.g. <c>rtsr.scale</c> = "four").</exception>
    public static ModelCard? FromMetadata(IEnumerable<KeyValuePair<string, string>> metadata, string source = "model card")
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var any = false;
        string? architecture = null, trainingData = null, notes = null;
        int? scale = null;
        long? parameters = null, steps = null;
        var metrics = new SortedDictionary<string, double>(StringComparer.Ordinal);
        var extra = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in metadata)
        {
            if (!key.StartsWith(KeyPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            any = true;
            switch (key)
            {
                case ArchitectureKey: architecture = value; break;
                case ScaleKey: scale = checked((int)ParsePositive(key, value, source, int.MaxValue)); break;
                case ParameterCountKey: parameters = ParsePositive(key, value, source, long.MaxValue); break;
                case TrainingDataKey: trainingData = value; break;
                case TrainingStepsKey: steps = ParseCount(key, value, source); break;
                case NotesKey: notes = value; break;
                default:
                    if (key.StartsWith(MetricPrefix, StringComparison.Ordinal) && key.Length > MetricPrefix.Length)
                    {
                        metrics[key[MetricPrefix.Length..]] = ParseMetric(key, value, source);
                    }
                    else if (key.StartsWith(ExtraPrefix, StringComparison.Ordinal) && key.Length > ExtraPrefix.Length)
                    {
                        extra[key[ExtraPrefix.Length..]] = value;
                    }

                    break;
            }
        }

        if (!any)
        {
            return null;
        }

        return new ModelCard
        {
            Architecture = architecture,
            Scale = scale,
            ParameterCount = parameters,
            TrainingData = trainingData,
            TrainingSteps = steps,
            Metrics = metrics,
            Notes = notes,
            Extra = extra,
        };
    }

    /// <summary>Field-by-field equality, including the contents of <see cref="Metrics"/> and <see cref="Extra"/>.</summary>
    public bool Equals(ModelCard? other) =>
        other is not null
        && Architecture == other.Architecture
        && Scale == other.Scale
        && ParameterCount == other.ParameterCount
        && TrainingData == other.TrainingData
        && TrainingSteps == other.TrainingSteps
        && Notes == other.Notes
        && SameEntries(Metrics, other.Metrics)
        && SameEntries(Extra, other.Extra);

    public override int GetHashCode() =>
        HashCode.Combine(Architecture, Scale, ParameterCount, TrainingData, TrainingSteps, Notes, Metrics.Count, Extra.Count);

    private static bool SameEntries<T>(IReadOnlyDictionary<string, T> a, IReadOnlyDictionary<string, T> b) =>
        a.Count == b.Count && a.All(e => b.TryGetValue(e.Key, out var v) && EqualityComparer<T>.Default.Equals(e.Value, v));

    private static string CheckName(string name)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new ArgumentException("metric and extra names must not be empty", nameof(name));
        }

        return name;
    }

    private static long ParsePositive(string key, string value, string source, long max)
    {
        if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed < 1 || parsed > max)
        {
            throw new ModelContractException(source, $"{key} is '{value}', expected a positive integer");
        }

        return parsed;
    }

    private static long ParseCount(string key, string value, string source)
    {
        if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            throw new ModelContractException(source, $"{key} is '{value}', expected a whole number");
        }

        return parsed;
    }

    private static double ParseMetric(string key, string value, string source)
    {
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
        {
            throw new ModelContractException(source, $"{key} is '{value}', expected a number");
        }

        return parsed;
    }
}
