using AutoShield.Detection.Models;

namespace AutoShield.Cli.Commands;

/// <summary>The <c>--detector</c> values of <c>policy backtest</c> and how each is built.</summary>
public static class PolicyDetectors
{
    /// <summary>Ground truth of labelled input (simulator, CICFlowMeter CSV), confidence 1.0.</summary>
    public const string Labels = "labels";

    /// <summary>The trained detector (<c>--model</c>, else models/default), as <c>autoshield detect</c> runs it.</summary>
    public const string Model = "model";

    public static IReadOnlyList<string> Names { get; } = [Labels, Model];

    /// <summary>
    /// Builds the detector; <paramref name="includeBenign"/> asks for benign windows too (custom rules with a
    /// condition look at every window); <paramref name="model"/> is required for <see cref="Model"/>.
    /// </summary>
    public static PolicyWindowDetector Create(string name, bool includeBenign, DetectionModel? model) =>
        name.ToLowerInvariant() switch
        {
            Labels => new PolicyLabelDetector(includeBenign),
            Model => new PolicyModelDetector(model ?? throw new ArgumentNullException(nameof(model), "the model detector needs a model")),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown detector"),
        };
}
