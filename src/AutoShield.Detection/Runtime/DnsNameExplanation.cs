using AutoShield.Core.Detections;
using AutoShield.Detection.Explanations;
using AutoShield.Ingestion.Dns;

namespace AutoShield.Detection.Runtime;

/// <summary>
/// The explanation of a DNS-name detection: the query's longest run of characters between dots and hyphens (length, entropy) and the source's distinct
/// names under the parent domain, each next to its threshold, in a sentence and as attributions (weight = value /
/// threshold). Also the <c>dns_*</c> features policies can match on.
/// </summary>
internal static class DnsNameExplanation
{
    public static Explanation Build(DnsNameVerdict v)
    {
        var parent = DnsLabels.Parent(v.Query).ToString();
        var labelPart = v.EncodedRun
            ? FormattableString.Invariant($"the query under {parent} carries a run of {v.LongestRun} characters at {v.RunEntropy:F1} bits per character (encoded data: {v.MinRunLength}+ characters above {v.MinEntropy:F1} bits)")
            : FormattableString.Invariant($"the query's longest run under {parent} has {v.LongestRun} characters at {v.RunEntropy:F1} bits per character");
        var countPart = v.DistinctNames > 0
            ? $"; this source asked {Quantity.Count(v.DistinctNames, "distinct name")} under it in {Quantity.Seconds(v.SpanSeconds)} (a tunnel from {v.MinDistinctNames})"
            : "";
        var sentence = $"DNS tunnelling: {labelPart}{countPart}";
        List<FeatureAttribution> attributions =
        [
            new("dns_longest_run", -1, (double)v.LongestRun / v.MinRunLength, v.LongestRun),
            new("dns_run_entropy", -1, v.RunEntropy / Math.Max(1e-9, v.MinEntropy), v.RunEntropy),
            new("dns_distinct_names", -1, (double)v.DistinctNames / v.MinDistinctNames, v.DistinctNames),
        ];
        return new Explanation(sentence, attributions, DnsNameRule.MethodName);
    }

    public static void AddFeatures(DnsNameVerdict v, Dictionary<string, double> features)
    {
        features["dns_longest_run"] = v.LongestRun;
        features["dns_run_entropy"] = v.RunEntropy;
        features["dns_distinct_names"] = v.DistinctNames;
    }
}
