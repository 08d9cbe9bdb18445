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
    /// <summary>LATERAL_MOVEMENT carried over to another port of a host the source probed on an admin port.</summary>
    public bool ProbedHost { get; init; }

    public bool Fired => AttackClass is not null;
}
