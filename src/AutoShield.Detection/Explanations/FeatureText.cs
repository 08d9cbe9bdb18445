using AutoShield.Core.Windows;

namespace AutoShield.Detection.Explanations;

/// <summary>The 12 features as a sentence names them.</summary>
internal static class FeatureText
{
    private static readonly string[] Names =
    [
        "connection rate",
        "bytes sent",
        "bytes received",
        "SYN count",
        "ACK count",
        "RST count",
        "FIN count",
        "duration",
        "inter-arrival time",
        "inter-arrival spread",
        "failed-connection ratio",
        "distinct ports",
    ];

    public static string Of(int feature) => Names[feature];

    public static string Of(WindowFeature feature) => Names[(int)feature];
}
