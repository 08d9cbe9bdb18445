namespace AutoShield.Ingestion.Simulation;

/// <summary>The catalogue of scenarios the simulator runs.</summary>
public static class Scenarios
{
    public const string Benign = "benign";
    public const string PortScanning = "port-scanning";
    public const string SynFlood = "syn-flood";
    public const string Ddos = "ddos";
    public const string BruteForce = "brute-force";
    public const string LateralMovement = "lateral-movement";
    public const string DataExfiltration = "data-exfiltration";
    public const string C2Beacon = "c2-beacon";
    public const string Mixed = "mixed";
    public const string BenignExported = "benign-exported";

    public static IReadOnlyList<Scenario> All { get; } =
    [
        new(Benign, "Only background: shop microservices, DNS, health checks, Prometheus scrapes, a bursty CronJob.", null),
        new(PortScanning, "A compromised pod SYN-scans hundreds of ports on one or more targets; RSTs, silence and policy drops.", AttackLabels.PortScan),
        new(SynFlood, "SYNs at a high rate from one or many spoofed internet addresses to one service port; no handshake completes.", AttackLabels.SynFlood),
        new(Ddos, "Hundreds of internet sources open full connections to the ingress and flood it with HTTP GETs.", AttackLabels.SynFlood),
        new(BruteForce, "One source makes many short connections to SSH on the SFTP gateway, or POSTs /login and gets 401s.", AttackLabels.BruteForce),
        new(LateralMovement, "A compromised pod reaches out to pods, ports and nodes it never talked to: ssh, redis, postgres, kubelet, the API server.", AttackLabels.LateralMovement),
        new(DataExfiltration, "A data pod uploads to an internet address over a long connection or repeated uploads, and tunnels data through DNS.", AttackLabels.DataExfiltration),
        new(C2Beacon, "An implant in a pod calls one internet address every 30-60 s with jitter, sending and receiving little.", AttackLabels.C2Beacon),
        new(Mixed, "Several attacks at different times over the run, on the same background.", null),
        new(BenignExported, "The benign background as filtered Hubble exports show it: per node only policy verdicts, only L7 logs, only traces or all, from a capture that starts mid-stream.", null),
    ];

    /// <summary>The scenario with this name (case-insensitive), or null.</summary>
    public static Scenario? Find(string name)
    {
        foreach (var scenario in All)
        {
            if (string.Equals(scenario.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return scenario;
            }
        }

        return null;
    }
}
