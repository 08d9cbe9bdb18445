using AutoShield.Core.Flows;
using AutoShield.Core.Net;

namespace AutoShield.Detection.Tests.Runtime;

/// <summary>Hand-built connections between two pods.</summary>
internal static class Flows
{
    public static readonly IpAddr Attacker = IpAddr.FromV4(10, 0, 1, 5);

    public static Connection Probe(long startNanos, ushort port, bool completed, int target = 9) => new()
    {
        Protocol = IpProtocol.Tcp,
        InitiatorIp = Attacker,
        ResponderIp = IpAddr.FromV4(10, 0, 2, (byte)target),
        InitiatorPort = 40000,
        ResponderPort = port,
        Initiator = new FlowEndpoint
        {
            Namespace = "shop",
            PodName = "frontend-7d9c-abcde",
            Workload = "frontend",
            WorkloadKind = "Deployment",
            Identity = 300,
            Labels = new LabelSet(["k8s:app=frontend", "reserved:host-less"]),
        },
        Responder = new FlowEndpoint { Namespace = "data", PodName = $"postgres-{target}", Workload = "postgres", Identity = 301 },
        NodeName = "worker-1",
        StartUnixNanos = startNanos,
        EndUnixNanos = startNanos + 2_000_000,
        SynCount = 1,
        AckCount = completed ? 2 : 0,
        RstCount = completed ? 0 : 1,
        FinCount = completed ? 1 : 0,
        BytesSent = -1,
        BytesReceived = -1,
        HandshakeCompleted = completed,
        ResponderReplied = true,
        DnsRcode = -1,
        Label = completed ? "BENIGN" : "PORT_SCAN",
    };
}
