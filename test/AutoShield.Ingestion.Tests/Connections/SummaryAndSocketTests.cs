using AutoShield.Core.Flows;
using AutoShield.Ingestion.Connections;
using static AutoShield.Ingestion.Tests.Connections.SomeFlow;

namespace AutoShield.Ingestion.Tests.Connections;

public sealed class SummaryAndSocketTests
{
    private readonly CollectingSink _sink = new();
    private readonly ConnectionAssembler _assembler;

    public SummaryAndSocketTests()
    {
        _assembler = new ConnectionAssembler(_sink);
    }

    [Fact]
    public void Add_SummaryRow_IsEmittedAtOnceAsWholeConnection()
    {
        _assembler.Add(Row(syn: 2, ack: 25, rst: 0, fin: 2, forwardPackets: 12, backwardPackets: 14) with { Label = "FTP-Patator" });

        var connection = _sink.Single();
        Assert.Equal(ConnectionEnd.Summary, connection.End);
        Assert.Equal(FlowOrigin.CicFlowMeter, connection.Origin);
        Assert.Equal(ClientIp, connection.InitiatorIp);
        Assert.Equal(2, connection.SynCount);
        Assert.Equal(25, connection.AckCount);
        Assert.Equal(2, connection.FinCount);
        Assert.Equal(700, connection.BytesSent);
        Assert.Equal(9_000, connection.BytesReceived);
        Assert.Equal(12, connection.PacketsSent);
        Assert.Equal(14, connection.PacketsReceived);
        Assert.Equal(1_500_000_000, connection.DurationNanos);
        Assert.True(connection.HandshakeCompleted);
        Assert.False(connection.Failed);
        Assert.Equal("FTP-Patator", connection.Label);
        Assert.Equal(0, _assembler.OpenConnections);
    }

    [Theory]
    [InlineData(2, 0, 0, 0, 2, 0)] // SYN retried, nothing came back
    [InlineData(1, 1, 1, 0, 1, 1)] // SYN refused with RST/ACK
    [InlineData(2, 2, 2, 0, 2, 2)] // refused twice
    [InlineData(1, 0, 0, 0, 1, 1)] // answered without any ACK
    public void Add_FailedTcpSummaryRows_AreFailed(int syn, int ack, int rst, int fin, long forwardPackets, long backwardPackets)
    {
        _assembler.Add(Row(syn, ack, rst, fin, forwardPackets, backwardPackets));

        var connection = _sink.Single();
        Assert.False(connection.HandshakeCompleted);
        Assert.True(connection.Failed);
    }

    [Fact]
    public void Add_MidStreamSummaryRowWithReplies_IsCompleted()
    {
        _assembler.Add(Row(syn: 0, ack: 4, rst: 0, fin: 0, forwardPackets: 3, backwardPackets: 2));

        Assert.True(_sink.Single().HandshakeCompleted);
    }

    [Fact]
    public void Add_TetragonCloseDuringLinger_JoinsBytesToTheFlowConnection()
    {
        Feed(
            Tcp(0.000, TcpFlags.Syn),
            Tcp(0.001, TcpFlags.Syn | TcpFlags.Ack, fromClient: false),
            Tcp(0.002, TcpFlags.Ack),
            Tcp(0.100, TcpFlags.Fin | TcpFlags.Ack, fromClient: false),
            Tcp(0.101, TcpFlags.Fin | TcpFlags.Ack));

        // The server's socket closes: its "forward" is what the responder sent.
        _assembler.Add(Socket(0.900, fromClient: false, forwardBytes: 15_221, backwardBytes: 78));
        _assembler.AdvanceTo(At(10));

        var connection = _sink.Single();
        Assert.Equal(ConnectionEnd.Fin, connection.End);
        Assert.Equal(78, connection.BytesSent);
        Assert.Equal(15_221, connection.BytesReceived);
        Assert.Equal(2, connection.SynCount);
        Assert.True(connection.HandshakeCompleted);
    }

    [Fact]
    public void Add_TetragonConnectAndCloseWithoutFlows_FormTheirOwnConnection()
    {
        _assembler.Add(Socket(0.000, fromClient: true, forwardBytes: -1, backwardBytes: -1));
        _assembler.Add(Socket(0.646, fromClient: true, forwardBytes: 78, backwardBytes: 15_221, forwardPackets: 9, backwardPackets: 14));
        _assembler.AdvanceTo(At(5));

        var connection = _sink.Single();
        Assert.Equal(FlowOrigin.Tetragon, connection.Origin);
        Assert.Equal(ConnectionEnd.Fin, connection.End);
        Assert.Equal(ClientIp, connection.InitiatorIp);
        Assert.Equal(78, connection.BytesSent);
        Assert.Equal(15_221, connection.BytesReceived);
        Assert.Equal(9, connection.PacketsSent);
        Assert.Equal(14, connection.PacketsReceived);
        Assert.Equal(646_000_000, connection.DurationNanos);
        Assert.True(connection.HandshakeCompleted);
        Assert.False(connection.Failed);
    }

    [Fact]
    public void Add_TetragonConnectWithoutClose_IsNotCompleted()
    {
        _assembler.Add(Socket(0.000, fromClient: true, forwardBytes: -1, backwardBytes: -1));
        _assembler.AdvanceTo(At(61));

        var connection = _sink.Single();
        Assert.Equal(ConnectionEnd.Idle, connection.End);
        Assert.False(connection.HandshakeCompleted);
        Assert.False(connection.HasBytes);
    }

    private static FlowEvent Row(int syn, int ack, int rst, int fin, long forwardPackets, long backwardPackets)
    {
        var row = Packet(0, IpProtocol.Tcp, true, ObservationPoint.Unknown, FlowEventKind.Summary, NodeA, ReplyState.Unknown, ClientPort, 21);
        row.Origin = FlowOrigin.CicFlowMeter;
        row.Counts = new ConnectionCounts
        {
            DurationNanos = 1_500_000_000,
            ForwardBytes = 700,
            BackwardBytes = backwardPackets == 0 ? 0 : 9_000,
            ForwardPackets = forwardPackets,
            BackwardPackets = backwardPackets,
            SynCount = syn,
            AckCount = ack,
            RstCount = rst,
            FinCount = fin,
        };
        return row;
    }

    private static FlowEvent Socket(double seconds, bool fromClient, long forwardBytes, long backwardBytes, long forwardPackets = -1, long backwardPackets = -1)
    {
        var socket = Packet(seconds, IpProtocol.Tcp, fromClient, ObservationPoint.Unknown, FlowEventKind.Socket, NodeA, ReplyState.Unknown, ClientPort, ServerPort);
        socket.Origin = FlowOrigin.Tetragon;
        socket.Counts.ForwardBytes = forwardBytes;
        socket.Counts.BackwardBytes = backwardBytes;
        socket.Counts.ForwardPackets = forwardPackets;
        socket.Counts.BackwardPackets = backwardPackets;
        return socket;
    }

    private void Feed(params FlowEvent[] flowEvents)
    {
        foreach (var flowEvent in flowEvents)
        {
            _assembler.Add(flowEvent);
        }
    }
}
