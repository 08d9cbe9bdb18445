using AutoShield.Core.Flows;
using AutoShield.Ingestion.Connections;
using AutoShield.Testing;
using static AutoShield.Ingestion.Tests.Connections.SomeFlow;

namespace AutoShield.Ingestion.Tests.Connections;

public sealed class TimeoutAndEvictionTests
{
    private readonly CollectingSink _sink = new();

    [Fact]
    public void Add_LaterEventOfAnotherConnection_ClosesIdleConnectionsByEventTime()
    {
        var assembler = new ConnectionAssembler(_sink);
        assembler.Add(Tcp(0, TcpFlags.Psh | TcpFlags.Ack));
        assembler.Add(Udp(10));

        assembler.Add(Udp(39.9, point: ObservationPoint.ToEndpoint) with { SourcePort = 5 });
        Assert.Empty(_sink.Connections);

        // 40 s: the UDP exchange has been idle 30 s; the TCP connection only 40 s of its 60.
        assembler.Add(Tcp(40, TcpFlags.Syn, clientPort: 1));
        var udp = _sink.Single();
        Assert.Equal(IpProtocol.Udp, udp.Protocol);
        Assert.Equal(ConnectionEnd.Idle, udp.End);

        assembler.Add(Tcp(60, TcpFlags.Syn, clientPort: 2));
        Assert.Equal(2, _sink.Connections.Count);
        Assert.Equal(IpProtocol.Tcp, _sink.Connections[1].Protocol);
        Assert.Equal(ClientPort, _sink.Connections[1].InitiatorPort);
        Assert.Equal(ConnectionEnd.Idle, _sink.Connections[1].End);
        Assert.Equal(2, assembler.Counters.Emitted(ConnectionEnd.Idle));
        Assert.Equal(3, assembler.Counters.Open);
    }

    [Fact]
    public void Add_EventOnIdleClosedTuple_StartsANewConnection()
    {
        var assembler = new ConnectionAssembler(_sink);
        assembler.Add(Tcp(0, TcpFlags.Psh | TcpFlags.Ack));
        assembler.Add(Tcp(100, TcpFlags.Psh | TcpFlags.Ack));
        assembler.Flush();

        Assert.Equal(2, _sink.Connections.Count);
        Assert.Equal(ConnectionEnd.Idle, _sink.Connections[0].End);
        Assert.Equal(ConnectionEnd.Flush, _sink.Connections[1].End);
    }

    [Fact]
    public void Add_TableFull_FlushesLeastRecentlyActiveConnectionEarly()
    {
        var assembler = new ConnectionAssembler(_sink, new ConnectionAssemblerOptions { MaxOpenConnections = 2, InitialCapacity = 1 });
        assembler.Add(Tcp(0.0, TcpFlags.Syn, clientPort: 1));
        assembler.Add(Tcp(0.1, TcpFlags.Syn, clientPort: 2));
        assembler.Add(Tcp(0.2, TcpFlags.Syn, clientPort: 1));
        assembler.Add(Tcp(0.3, TcpFlags.Syn, clientPort: 3));

        var evicted = _sink.Single();
        Assert.Equal((ushort)2, evicted.InitiatorPort);
        Assert.Equal(ConnectionEnd.Flush, evicted.End);
        Assert.Equal(1, assembler.Counters.Evicted);
        Assert.Equal(2, assembler.OpenConnections);
    }

    [Fact]
    public void Flush_EmitsOpenAndLingeringConnections()
    {
        var assembler = new ConnectionAssembler(_sink);
        assembler.Add(Tcp(0.0, TcpFlags.Syn, clientPort: 1));
        assembler.Add(Tcp(0.1, TcpFlags.Rst | TcpFlags.Ack, fromClient: false, clientPort: 1));
        assembler.Add(Udp(0.2));

        assembler.Flush();

        Assert.Equal(2, _sink.Connections.Count);
        Assert.Equal(ConnectionEnd.Rst, _sink.Connections[0].End);
        Assert.Equal(ConnectionEnd.Flush, _sink.Connections[1].End);
        Assert.Equal(0, assembler.Counters.Open);
        Assert.Equal(2, assembler.Counters.EmittedTotal);
    }

    [Fact]
    public void Add_SteadyStateManyConnections_AllocatesNothing()
    {
        var sink = new CountingSink();
        var assembler = new ConnectionAssembler(sink, new ConnectionAssemblerOptions { InitialCapacity = 4096 });
        var events = new FlowEvent[4];
        for (var round = 0; round < 2_000; round++)
        {
            Handshake(assembler, events, round);
        }

        var next = 2_000;
        var allocated = Allocations.LeastPerRound(() =>
        {
            for (var end = next + 7_000; next < end; next++)
            {
                Handshake(assembler, events, next);
            }
        });

        Assert.True(sink.Count > 15_000);
        Assert.Equal(0, allocated);
    }

    private static void Handshake(ConnectionAssembler assembler, FlowEvent[] events, int round)
    {
        var port = (ushort)(1024 + (round % 60_000));
        var t = round * 0.01;
        events[0] = Tcp(t, TcpFlags.Syn, clientPort: port);
        events[1] = Tcp(t + 0.001, TcpFlags.Syn | TcpFlags.Ack, fromClient: false, clientPort: port);
        events[2] = Tcp(t + 0.002, TcpFlags.Rst, clientPort: port);
        events[3] = Tcp(t + 0.002, TcpFlags.Rst, point: ObservationPoint.ToEndpoint, clientPort: port);
        foreach (ref readonly var flowEvent in events.AsSpan())
        {
            assembler.Add(flowEvent);
        }
    }

    private sealed class CountingSink : IConnectionSink
    {
        public int Count { get; private set; }

        public void OnConnection(in Connection connection) => Count++;
    }
}
