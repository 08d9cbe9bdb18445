using Google.Protobuf.WellKnownTypes;
using Pb = AutoShield.Ingestion.Protos.Hubble;

namespace AutoShield.Ingestion.Tests.Hubble.Grpc;

/// <summary>Builders of plausible Hubble messages for tests that need a field the recorded samples lack.</summary>
internal static class Some
{
    public static Pb.Flow Flow(long unixSeconds = 1_700_000_000, int nanos = 0) => new()
    {
        Time = new Timestamp { Seconds = unixSeconds, Nanos = nanos },
        Verdict = Pb.Verdict.Forwarded,
        IP = new Pb.IP { Source = "10.0.0.1", Destination = "10.0.0.2", IpVersion = Pb.IPVersion.Ipv4 },
        L4 = new Pb.Layer4 { TCP = new Pb.TCP { SourcePort = 40000, DestinationPort = 80, Flags = new Pb.TCPFlags { SYN = true } } },
        Source = new Pb.Endpoint { Namespace = "shop", PodName = "frontend-1", Identity = 300, Labels = { "k8s:app=frontend" } },
        Destination = new Pb.Endpoint { Namespace = "shop", PodName = "backend-1", Identity = 301, Labels = { "k8s:app=backend" } },
        Type = Pb.FlowType.L3L4,
        NodeName = "kind-control-plane",
        EventType = new Pb.CiliumEventType { Type = 4 },
        TrafficDirection = Pb.TrafficDirection.Egress,
    };

    public static Pb.GetFlowsResponse Response(Pb.Flow flow) => new() { Flow = flow, NodeName = flow.NodeName, Time = flow.Time };
}
