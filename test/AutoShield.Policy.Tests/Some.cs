using AutoShield.Core.Detections;

namespace AutoShield.Policy.Tests;

/// <summary>Builders for test data: a detection with sensible defaults that each test overrides.</summary>
public static class Some
{
    public static readonly DateTimeOffset Monday10 = new(2026, 3, 2, 10, 30, 0, TimeSpan.Zero);

    public static Detection Detection(
        string attackClass = AttackClass.PortScan,
        double confidence = 0.99,
        DateTimeOffset? time = null,
        string id = "d1",
        DetectionEndpoint? source = null,
        DetectionEndpoint? destination = null,
        IReadOnlyDictionary<string, double>? features = null) => new()
        {
            Id = id,
            Time = time ?? Monday10,
            AttackClass = attackClass,
            Confidence = confidence,
            Detector = "test",
            Source = source ?? Pod("shop", "web-1", "web", "node-a"),
            Destination = destination ?? Pod("data", "db-0", "db", "node-b", port: 5432),
            Features = features ?? new Dictionary<string, double>
            {
                ["bytes_sent"] = 20_000_000,
                ["failed_conn_ratio"] = 0.05,
                ["syn_count"] = 41,
                ["unique_dst_ports"] = 38,
                ["window_rows"] = 20,
            },
        };

    public static DetectionEndpoint Pod(string ns, string pod, string workload, string node, int port = 40000, IReadOnlyDictionary<string, string>? labels = null) => new()
    {
        Namespace = ns,
        Pod = pod,
        Workload = workload,
        WorkloadKind = "Deployment",
        Node = node,
        Ip = "10.0.0." + ((uint)pod.GetHashCode(StringComparison.Ordinal) % 250 + 1),
        Port = port,
        Labels = labels ?? new Dictionary<string, string> { ["app"] = workload, ["tier"] = "frontend" },
    };

    public static DetectionEndpoint External(string ip, int port = 443) => new() { Ip = ip, Port = port };
}
