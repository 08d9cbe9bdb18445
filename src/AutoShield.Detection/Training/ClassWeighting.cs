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
}
