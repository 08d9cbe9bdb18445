using AutoShield.Core.Detections;

namespace AutoShield.Detection.Runtime;

/// <summary>
/// The explanation of a fan-out detection: the source's own counts over the fan-out horizon in a sentence, and the
/// counts with their thresholds as attributions (weight = count / threshold). Also the <c>fanout_*</c> features
/// policies can match on.
/// </summary>
internal static class FanOutExplanation
{
    public const string MethodName = "fan-out";

    public static Explanation Build(FanOutVerdict v)
    {
        var span = Explanations.Quantity.Seconds(v.SpanSeconds);
        string sentence;
        List<FeatureAttribution> attributions;
        if (v.AttackClass == AttackClass.PortScan)
        {
            sentence = $"{v.Ports} ports on {v.Destinations} destinations in {span}, {v.FailedConnections} of {v.Connections} connections failed";
            attributions =
            [
                new("fanout_distinct_ports", -1, (double)v.Ports / v.Threshold, v.Ports),
                new("fanout_distinct_destinations", -1, (double)v.Destinations / v.Threshold, v.Destinations),
                new("fanout_failed_ratio", -1, v.Connections == 0 ? 0 : (double)v.FailedConnections / v.Connections, v.Connections == 0 ? 0 : (double)v.FailedConnections / v.Connections),
            ];
        }
        else
        {
            sentence = $"{v.Destinations} internal destinations on {v.Ports} admin ports in {span}, {v.FailedConnections} of {v.Connections} such connections failed";
            if (v.ProbedHost)
            {
                sentence += "; this connection goes to another port of one of those hosts";
            }

            attributions =
            [
                new("admin_destinations", -1, (double)v.Destinations / v.Threshold, v.Destinations),
                new("admin_ports", -1, (double)v.Ports / v.Threshold, v.Ports),
            ];
        }

        return new Explanation(sentence, attributions, MethodName);
    }

    public static void AddFeatures(FanOutVerdict v, Dictionary<string, double> features)
    {
        var prefix = v.AttackClass == AttackClass.PortScan ? "fanout_" : "admin_";
        features[prefix + "connections"] = v.Connections;
        features[prefix + "failed_connections"] = v.FailedConnections;
        features[prefix + "destinations"] = v.Destinations;
        features[prefix + "ports"] = v.Ports;
    }
}
