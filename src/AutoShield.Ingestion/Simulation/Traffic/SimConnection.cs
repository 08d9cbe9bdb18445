using AutoShield.Core.Flows;
using AutoShield.Ingestion.Simulation.Cluster;

namespace AutoShield.Ingestion.Simulation.Traffic;

/// <summary>One simulated 5-tuple (TCP connection or UDP flow) and, for pooled connections, its use.</summary>
internal sealed class SimConnection
{
    private const long SameNodeNanos = 30_000;
    private const long CrossNodeNanos = 220_000;

    public SimConnection(
        Peer client, Peer server, ushort clientPort, ushort serverPort, IpProtocol protocol, TrafficTag tag,
        KubeService? service = null, L7Mode l7 = L7Mode.None, long oneWayNanos = 0)
    {
        Client = client;
        Server = server;
        ClientPort = clientPort;
        ServerPort = serverPort;
        Protocol = protocol;
        Tag = tag;
        Service = service;
        L7 = l7;
        OneWayNanos = oneWayNanos > 0 ? oneWayNanos
            : client.Node is not null && ReferenceEquals(client.Node, server.Node) ? SameNodeNanos
            : CrossNodeNanos;
    }

    public Peer Client { get; }

    public Peer Server { get; }

    public ushort ClientPort { get; }

    public ushort ServerPort { get; }

    public IpProtocol Protocol { get; }

    public TrafficTag Tag { get; }

    /// <summary>The service the client addressed, reported as destination_service (source_service on replies).</summary>
    public KubeService? Service { get; }

    public L7Mode L7 { get; }

    /// <summary>One-way latency between the two ends.</summary>
    public long OneWayNanos { get; }

    /// <summary>Set once the client's first packet went out (the one policy verdicts are about).</summary>
    public bool Started { get; set; }

    public bool Closed { get; set; }

    /// <summary>A pooled connection carries one request at a time; it is free again after this time.</summary>
    public long BusyUntil { get; set; }

    public long LastUse { get; set; }
}
