namespace AutoShield.Detection.Runtime;

/// <summary>
/// The refused-login rule's finding on one destination:port at one moment, with the numbers its explanation quotes.
/// <see cref="AttackClass"/> is null when the rule did not fire.
/// </summary>
internal readonly record struct AuthFailureVerdict(
    string? AttackClass,
    double Confidence,
    ushort Port,
    int HttpConnections,
    int Refused,
    double SpanSeconds,
    int Threshold)
{
    public bool Fired => AttackClass is not null;
}
