namespace AutoShield.Core.Detections;

/// <summary>
/// The class names a detection carries, spelled as seed 004 and the policy files spell them. Strings rather than
/// an enum, because policies may name classes raised by custom rules or detectors (<see cref="CustomAttack"/>).
/// </summary>
public static class AttackClass
{
    public const string Benign = "BENIGN";
    public const string PortScan = "PORT_SCAN";
    /// <summary>SYN floods and DDoS.</summary>
    public const string SynFlood = "SYN_FLOOD";
    public const string BruteForce = "BRUTE_FORCE";
    public const string LateralMovement = "LATERAL_MOVEMENT";
    public const string DataExfiltration = "DATA_EXFILTRATION";
    public const string C2Beacon = "C2_BEACON";
    public const string WebAttack = "WEB_ATTACK";
    /// <summary>A window unlike anything seen in training (the autoencoder's verdict).</summary>
    public const string Anomaly = "ANOMALY";
    /// <summary>Raised by a custom policy rule or detector (seed 004's custom policy example).</summary>
    public const string CustomAttack = "CUSTOM_ATTACK";

    /// <summary>Every class AutoShield itself knows, benign first.</summary>
    public static IReadOnlyList<string> Known { get; } =
        [Benign, PortScan, SynFlood, BruteForce, LateralMovement, DataExfiltration, C2Beacon, WebAttack, Anomaly, CustomAttack];

    /// <summary>True for every class but <see cref="Benign"/>.</summary>
    public static bool IsAttack(string attackClass) => !string.Equals(attackClass, Benign, StringComparison.Ordinal);
}
