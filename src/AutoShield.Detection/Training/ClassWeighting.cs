using System.Text.Json.Serialization;

namespace AutoShield.Detection.Training;

/// <summary>How the cross-entropy weighs each class.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ClassWeighting>))]
public enum ClassWeighting
{
    /// <summary>Every window counts the same.</summary>
    None,

    /// <summary>w_c = N / (K · N_c) over the training split, so rare attack classes count as much as benign traffic.</summary>
    Balanced,

    /// <summary>
    /// Each source group of <see cref="TrainingData.SourceGroups"/> (recorded files, simulator runs) carries an equal
    /// share of the loss and, within a group, each class does: w = N / (G · K_g · N_{g,c}). Keeps a large simulated
    /// corpus from drowning the recorded data's benign traffic. Without groups it is <see cref="Balanced"/>.
    /// </summary>
    SourceBalanced,
}
