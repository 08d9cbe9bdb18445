using AutoShield.Core.Flows;
using AutoShield.Ingestion.Connections;
using static AutoShield.Ingestion.Tests.Connections.SomeFlow;

namespace AutoShield.Ingestion.Tests.Connections;

public sealed class TcpAssemblyTests
{
    private readonly CollectingSink _sink = new();
    private readonly ConnectionAssembler _assembler;

    public TcpAssemblyTests()
    {
        _assembler = new ConnectionAssembler(_sink);
    }

    [Fact]
    public void Add_FullHandshakeDataAndFinClose_EmitsOneCompletedConnectionAfterLinger()
    {
        Feed(
            Tcp(0.000, TcpFlags.Syn),
            Tcp(0.001, TcpFlags.Syn | TcpFlags.Ack, fromClient: false),
            Tcp(0.002, TcpFlags.Ack),
            Tcp(0.003, TcpFlags.Psh | TcpFlags.Ack),
            Tcp(0.010, TcpFlags.Psh | TcpFlags.Ack, fromClient: false),
            Tcp(0.020, TcpFlags.Fin | TcpFlags.Ack),
            Tcp(0.021, TcpFlags.Fin | TcpFlags.Ack, fromClient: false),
            Tcp(0.022, TcpFlags.Ack));

        _assembler.AdvanceTo(At(1.5));
        Assert.Empty(_sink.Connections);
        _assembler.AdvanceTo(At(2.022));

        var connection = _sink.Single();
        Assert.Equal(ConnectionEnd.Fin, connection.End);
        Assert.Equal(ClientIp, connection.InitiatorIp);
        Assert.Equal(ClientPort, connection.InitiatorPort);
        Assert.Equal(ServerIp, connection.ResponderIp);
        Assert.Equal(ServerPort, connection.ResponderPort);
        Assert.Equal("frontend-1", connection.Initiator.PodName);
        Assert.Equal("backend-1", connection.Responder.PodName);
        Assert.Equal(2, connection.SynCount);
        Assert.Equal(7, connection.AckCount);
        Assert.Equal(2, connection.FinCount);
        Assert.Equal(0, connection.RstCount);
        Assert.Equal(5, connection.PacketsSent);
        Assert.Equal(3, connection.PacketsReceived);
        Assert.True(connection.HandshakeCompleted);
        Assert.True(connection.ResponderReplied);
        Assert.False(connection.Failed);
        Assert.Equal(At(0), connection.StartUnixNanos);
        Assert.Equal(22_000_000, connection.DurationNanos);
        Assert.Equal(-1, connection.BytesSent);
        Assert.Equal(-1, connection.BytesReceived);
        Assert.False(connection.HasBytes);
        Assert.Equal(1, _assembler.Counters.Emitted(ConnectionEnd.Fin));
        Assert.Equal(0, _assembler.OpenConnections);
    }

    [Fact]
    public void Add_SynRefusedWithRst_EmitsFailedConnectionEndedByRst()
    {
        Feed(
            Tcp(0.000, TcpFlags.Syn),
            Tcp(0.001, TcpFlags.Rst | TcpFlags.Ack, fromClient: false));
        _assembler.AdvanceTo(At(3));

        var connection = _sink.Single();
        Assert.Equal(ConnectionEnd.Rst, connection.End);
        Assert.Equal(1, connection.SynCount);
        Assert.Equal(1, connection.RstCount);
        Assert.False(connection.HandshakeCompleted);
        Assert.True(connection.ResponderReplied);
        Assert.True(connection.Failed);
    }

    [Fact]
    public void Add_SynRetriedWithoutReply_ClosesAsIdleAndFailed()
    {
        Feed(
            Tcp(0, TcpFlags.Syn),
            Tcp(1, TcpFlags.Syn),
            Tcp(3, TcpFlags.Syn));

        _assembler.AdvanceTo(At(62.9));
        Assert.Empty(_sink.Connections);
        _assembler.AdvanceTo(At(63));

        var connection = _sink.Single();
        Assert.Equal(ConnectionEnd.Idle, connection.End);
        Assert.Equal(3, connection.SynCount);
        Assert.Equal(3, connection.PacketsSent);
        Assert.Equal(0, connection.PacketsReceived);
        Assert.False(connection.ResponderReplied);
        Assert.True(connection.Failed);
    }

    [Fact]
    public void Add_SynAckWithoutFinalAck_IsNotCompleted()
    {
        Feed(
            Tcp(0, TcpFlags.Syn),
            Tcp(0.001, TcpFlags.Syn | TcpFlags.Ack, fromClient: false));
        _assembler.Flush();

        var connection = _sink.Single();
        Assert.Equal(ConnectionEnd.Flush, connection.End);
        Assert.False(connection.HandshakeCompleted);
        Assert.True(connection.Failed);
    }

    [Fact]
    public void Add_OneSidedCaptureWithSynAckThenData_IsCompleted()
    {
        // TO_OVERLAY sees only the client's half: SYN, then its ACK proves the SYN-ACK arrived.
        Feed(
            Tcp(0.000, TcpFlags.Syn, point: ObservationPoint.ToOverlay),
            Tcp(0.001, TcpFlags.Ack, point: ObservationPoint.ToOverlay),
            Tcp(0.002, TcpFlags.Psh | TcpFlags.Ack, point: ObservationPoint.ToOverlay));
        _assembler.Flush();

        var connection = _sink.Single();
        Assert.True(connection.HandshakeCompleted);
        Assert.False(connection.ResponderReplied);
        Assert.Equal(1, connection.SynCount);
    }

    [Fact]
    public void Add_MidConnectionCaptureWithBothSides_IsCompleted()
    {
        Feed(
            Tcp(0.000, TcpFlags.Psh | TcpFlags.Ack),
            Tcp(0.001, TcpFlags.Ack, fromClient: false));
        _assembler.Flush();

        var connection = _sink.Single();
        Assert.Equal(ClientIp, connection.InitiatorIp);
        Assert.Equal(0, connection.SynCount);
        Assert.True(connection.HandshakeCompleted);
    }

    [Fact]
    public void Add_AckProbeAnsweredOnlyByRst_IsNotCompleted()
    {
        Feed(
            Tcp(0.000, TcpFlags.Ack),
            Tcp(0.001, TcpFlags.Rst, fromClient: false));
        _assembler.AdvanceTo(At(5));

        var connection = _sink.Single();
        Assert.Equal(ConnectionEnd.Rst, connection.End);
        Assert.False(connection.HandshakeCompleted);
    }

    [Fact]
    public void Add_NewSynOnLingeringTuple_StartsNextConnection()
    {
        Feed(
            Tcp(0.000, TcpFlags.Syn),
            Tcp(0.001, TcpFlags.Rst | TcpFlags.Ack, fromClient: false),
            Tcp(0.500, TcpFlags.Syn),
            Tcp(0.501, TcpFlags.Syn | TcpFlags.Ack, fromClient: false),
            Tcp(0.502, TcpFlags.Ack));
        _assembler.Flush();

        Assert.Equal(2, _sink.Connections.Count);
        Assert.Equal(ConnectionEnd.Rst, _sink.Connections[0].End);
        Assert.True(_sink.Connections[1].HandshakeCompleted);
        Assert.Equal(At(0.5), _sink.Connections[1].StartUnixNanos);
    }

    [Fact]
    public void Add_DropEvent_MarksConnectionDroppedWithReason()
    {
        var drop = Tcp(0, TcpFlags.Syn, point: ObservationPoint.Unknown, kind: FlowEventKind.Drop);
        drop.Verdict = Verdict.Dropped;
        drop.DropReason = "POLICY_DENIED";
        Feed(drop);
        _assembler.Flush();

        var connection = _sink.Single();
        Assert.True(connection.Dropped);
        Assert.Equal("POLICY_DENIED", connection.DropReason);
        Assert.Equal(1, connection.SynCount);
        Assert.True(connection.Failed);
    }

    [Fact]
    public void Add_PayloadBytesPerPacket_SumsBytesPerDirection()
    {
        var syn = Tcp(0.000, TcpFlags.Syn);
        var synAck = Tcp(0.001, TcpFlags.Syn | TcpFlags.Ack, fromClient: false);
        var ack = Tcp(0.002, TcpFlags.Ack);
        var request = Tcp(0.003, TcpFlags.Psh | TcpFlags.Ack);
        var response = Tcp(0.004, TcpFlags.Psh | TcpFlags.Ack, fromClient: false);
        foreach (var packet in new[] { syn, synAck, ack })
        {
            _assembler.Add(packet with { PayloadBytes = 0 });
        }

        _assembler.Add(request with { PayloadBytes = 120 });
        _assembler.Add(response with { PayloadBytes = 4_000 });
        _assembler.Add(Tcp(0.005, TcpFlags.Psh | TcpFlags.Ack, fromClient: false) with { PayloadBytes = 1_000 });
        _assembler.Flush();

        var connection = _sink.Single();
        Assert.True(connection.HasBytes);
        Assert.Equal(120, connection.BytesSent);
        Assert.Equal(5_000, connection.BytesReceived);
    }

    [Fact]
    public void Add_BenignThenAttackLabel_AttackLabelWins()
    {
        Feed(
            Tcp(0.000, TcpFlags.Syn) with { Label = "BENIGN" },
            Tcp(0.001, TcpFlags.Syn | TcpFlags.Ack, fromClient: false) with { Label = "PORT_SCAN" },
            Tcp(0.002, TcpFlags.Rst) with { Label = "BENIGN" });
        _assembler.Flush();

        Assert.Equal("PORT_SCAN", _sink.Single().Label);
    }

    private void Feed(params FlowEvent[] flowEvents)
    {
        foreach (var flowEvent in flowEvents)
        {
            _assembler.Add(flowEvent);
        }
    }
}
