namespace AutoShield.Cli.Commands;

/// <summary>The <c>--detector</c> values of <c>policy backtest</c>: a name and how to build the detector (whether benign windows are wanted too).</summary>
public static class PolicyDetectors
{
    public const string Labels = "labels";

    public static IReadOnlyDictionary<string, Func<bool, PolicyWindowDetector>> All { get; } =
        new Dictionary<string, Func<bool, PolicyWindowDetector>>(StringComparer.OrdinalIgnoreCase)
        {
            [Labels] = includeBenign => new PolicyLabelDetector(includeBenign),
        };
}
