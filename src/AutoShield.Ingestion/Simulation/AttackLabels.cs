namespace AutoShield.Ingestion.Simulation;

/// <summary>The ground-truth classes the simulator labels events with (DESIGN.md, "Detection").</summary>
public static class AttackLabels
{
    public const string Benign = "BENIGN";
    public const string PortScan = "PORT_SCAN";
    /// <summary>Both SYN floods and DDoS floods.</summary>
    public const string SynFlood = "SYN_FLOOD";
    public const string BruteForce = "BRUTE_FORCE";
    public const string LateralMovement = "LATERAL_MOVEMENT";
    public const string DataExfiltration = "DATA_EXFILTRATION";
    public const string C2Beacon = "C2_BEACON";

    public static IReadOnlyList<string> All { get; } =
        [Benign, PortScan, SynFlood, BruteForce, LateralMovement, DataExfiltration, C2Beacon];
}
