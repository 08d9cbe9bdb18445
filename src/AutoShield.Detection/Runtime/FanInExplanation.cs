using AutoShield.Core.Detections;
using AutoShield.Detection.Explanations;

namespace AutoShield.Detection.Runtime;

/// <summary>
/// The explanation of a fan-in SYN_FLOOD detection: the destination's own counts over the interval in a sentence,
/// and the counts with their thresholds as attributions (weight = count / threshold). Also the <c>fanin_*</c>
/// features policies can match on.
/// </summary>
internal static class FanInExplanation
{
    public const string MethodName = "fan-in";

    public static Explanation Build(FanInVerdict v)
    {
        var ratio = v.Connections == 0 ? 0 : (double)v.FailedConnections / v.Connections;
        var sentence = $"{v.FailedConnections} of {Quantity.Count(v.Connections, "connection")} to port {v.Port} of this destination failed in {Quantity.Seconds(v.SpanSeconds)}"
            + $" ({Quantity.Count(v.UnansweredSyns, "SYN")} never answered), from {Quantity.Count(v.Sources, "distinct source")}"
            + $"; a flood starts at {v.Threshold} failed handshakes a minute";
        List<FeatureAttribution> attributions =
        [
            new("fanin_failed_connections", -1, (double)v.FailedConnections / v.Threshold, v.FailedConnections),
            new("fanin_failed_ratio", -1, ratio, ratio),
            new("fanin_distinct_sources", -1, v.Connections == 0 ? 0 : (double)v.Sources / v.Connections, v.Sources),
        ];
        return new Explanation(sentence, attributions, MethodName);
    }

    public static void AddFeatures(FanInVerdict v, Dictionary<string, double> features)
    {
        features["fanin_connections"] = v.Connections;
        features["fanin_failed_connections"] = v.FailedConnections;
        features["fanin_unanswered_syns"] = v.UnansweredSyns;
        features["fanin_sources"] = v.Sources;
    }
}
