namespace AutoShield.Detection.Runtime;

/// <summary>
/// The DNS-name rule's finding on one connection, with the numbers its explanation quotes. <see cref="AttackClass"/>
/// is null when the rule did not fire; <see cref="Query"/> is null for a connection that carried no query name.
/// </summary>
internal readonly record struct DnsNameVerdict(
    string? AttackClass,
    double Confidence,
    string? Query,
    int LongestRun,
    double RunEntropy,
    int DistinctNames,
    double SpanSeconds,
    int MinRunLength,
    double MinEntropy,
    int MinDistinctNames)
{
    public bool Fired => AttackClass is not null;

    /// <summary>The label test alone fired (the name itself carries encoded data).</summary>
    public bool EncodedRun => LongestRun >= MinRunLength && RunEntropy >= MinEntropy;
}
