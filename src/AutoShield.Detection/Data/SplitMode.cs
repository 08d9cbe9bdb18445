using System.Text.Json.Serialization;

namespace AutoShield.Detection.Data;

/// <summary>How <see cref="TemporalSplit"/> cuts each class into training and test windows.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SplitMode>))]
public enum SplitMode
{
    /// <summary>No split: every window is on one side.</summary>
    None,

    /// <summary>Per class, the latest windows (by time) are the test side.</summary>
    Time,

    /// <summary>Like <see cref="Time"/>, but a class spanning several days is cut at a midnight (UTC).</summary>
    Day,
}
