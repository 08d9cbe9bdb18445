using System.Diagnostics.CodeAnalysis;
using AutoShield.Detection.Data;

namespace AutoShield.Detection.Evaluation;

/// <summary>
/// The result of <c>autoshield eval</c>: the model's metrics at the top level, what was evaluated (model, sources,
/// split), and the baseline's metrics on the same windows when one ran.
/// </summary>
public sealed record EvalReport : EvalMetrics
{
    [SetsRequiredMembers]
    public EvalReport(EvalMetrics metrics)
        : base(metrics)
    {
    }

    public string Model { get; init; } = "";

    /// <summary>Classifier kind (cnn-lstm, transformer).</summary>
    public string Architecture { get; init; } = "";

    /// <summary>Fingerprint of the model's training data (SHA-256, see <see cref="Training.TrainingData.Fingerprint"/>).</summary>
    public string TrainingFingerprint { get; init; } = "";

    public IReadOnlyList<string> Sources { get; init; } = [];

    public SplitMode Split { get; init; }

    public double TestFraction { get; init; }

    /// <summary>Windows on the training side of the split (used only by the baseline).</summary>
    public int TrainWindows { get; init; }

    /// <summary>Test windows dropped because they shared connections with training windows.</summary>
    public int PurgedWindows { get; init; }

    /// <summary>Name of the baseline (random-forest), or null.</summary>
    public string? BaselineName { get; init; }

    public EvalMetrics? Baseline { get; init; }

    /// <summary>What the baseline run reported (library version, fit time).</summary>
    public IReadOnlyDictionary<string, string>? BaselineInfo { get; init; }
}
