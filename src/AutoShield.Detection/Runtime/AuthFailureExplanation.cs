using AutoShield.Core.Detections;
using AutoShield.Detection.Explanations;

namespace AutoShield.Detection.Runtime;

/// <summary>
/// The explanation of a refused-login BRUTE_FORCE detection: the destination's own counts over the interval in a
/// sentence, the counts with their thresholds as attributions (weight = count / threshold), and the <c>auth_*</c>
/// features policies can match on.
/// </summary>
internal static class AuthFailureExplanation
{
    public const string MethodName = "auth-failures";

    public static Explanation Build(AuthFailureVerdict v)
    {
        var ratio = v.HttpConnections == 0 ? 0 : (double)v.Refused / v.HttpConnections;
        var sentence = $"{v.Refused} of {Quantity.Count(v.HttpConnections, "HTTP connection")} to port {v.Port} of this workload ended in 401 Unauthorized"
            + $" in {Quantity.Seconds(v.SpanSeconds)}; password guessing starts at {v.Threshold} refused logins a minute, most of the destination's HTTP connections";
        List<FeatureAttribution> attributions =
        [
            new("auth_refused_connections", -1, (double)v.Refused / v.Threshold, v.Refused),
            new("auth_refused_ratio", -1, ratio, ratio),
        ];
        return new Explanation(sentence, attributions, MethodName);
    }

    public static void AddFeatures(AuthFailureVerdict v, Dictionary<string, double> features)
    {
        features["auth_http_connections"] = v.HttpConnections;
        features["auth_refused_connections"] = v.Refused;
    }
}
