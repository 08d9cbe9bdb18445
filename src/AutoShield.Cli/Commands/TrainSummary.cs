using AutoShield.Detection.Data;

namespace AutoShield.Cli.Commands;

/// <summary>What <c>autoshield train --output json</c> prints.</summary>
public sealed record TrainSummary(
    string Out,
    string Architecture,
    IReadOnlyList<string> Sources,
    SplitMode Split,
    int Windows,
    int TrainingWindows,
    int HeldOutWindows,
    int PurgedWindows,
    IReadOnlyList<string> Classes,
    IReadOnlyDictionary<string, int> WindowsByClass,
    string DataFingerprint,
    int Epochs,
    int BestEpoch,
    double ValidationMacroF1,
    double ValidationAccuracy,
    float? AnomalyThreshold);
