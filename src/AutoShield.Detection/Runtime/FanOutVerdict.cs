namespace AutoShield.Detection.Runtime;

/// <summary>
/// A fan-out rule's finding on one source at one moment, with the numbers its explanation quotes. Default (no
/// class) when no rule fired.
/// </summary>
internal readonly record struct FanOutVerdict(
    string? AttackClass,
    double Confidence,
    int Connections,
    int FailedConnections,
    int Destinations,
    int Ports,
    double SpanSeconds,
    int Threshold)
{
    public bool Fired => AttackClass is not null;
}
