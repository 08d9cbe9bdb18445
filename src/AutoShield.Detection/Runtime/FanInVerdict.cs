using AutoShield.Core.Windows;

namespace AutoShield.Detection.Runtime;

/// <summary>
/// The fan-in rule's finding on one destination:port at one moment, with the numbers its explanation quotes.
/// <see cref="AttackClass"/> is null when the rule itself did not fire; <see cref="Supported"/> says whether the
/// destination's traffic could carry a flood at all (the classifier's SYN_FLOOD is withheld otherwise).
/// </summary>
internal readonly record struct FanInVerdict(
    string? AttackClass,
    double Confidence,
    bool Supported,
    EndpointIdentity Destination,
    ushort Port,
    int Connections,
    int FailedConnections,
    int UnansweredSyns,
    int Sources,
    double SpanSeconds,
    int Threshold)
{
    public bool Fired => AttackClass is not null;
}
