using AutoShield.Core.Flows;
using AutoShield.Ingestion.Connections;
using static AutoShield.Ingestion.Tests.Connections.SomeFlow;

namespace AutoShield.Ingestion.Tests.Connections;

public sealed class DeduplicationTests
{
    private readonly CollectingSink _sink = new();
    private readonly ConnectionAssembler _assembler;

    public DeduplicationTests()
    {
        _assembler = new ConnectionAssembler(_sink);
    }

    [Fact]
    public void Add_SamePacketsAtTwoObservationPointsAndPolicyVerdict_CountsEachPacketOnce()
    {
        // Each packet is reported where it leaves the source (TO_PROXY on node A) and where it reaches the
        // destination (TO_ENDPOINT on node B); the SYN also has a policy-verdict event.
        Feed(
            Tcp(0.0000, TcpFlags.Syn, kind: FlowEventKind.PolicyVerdict, point: ObservationPoint.Unknown, reply: ReplyState.Request),
            Tcp(0.0001, TcpFlags.Syn, point: ObservationPoint.ToProxy, reply: ReplyState.Request),
            Tcp(0.0002, TcpFlags.Syn, point: ObservationPoint.ToEndpoint, node: NodeB, reply: ReplyState.Request),
            Tcp(0.0010, TcpFlags.Syn | TcpFlags.Ack, fromClient: false, point: ObservationPoint.ToStack, node: NodeB, reply: ReplyState.Reply),
            Tcp(0.0011, TcpFlags.Syn | TcpFlags.Ack, fromClient: false, point: ObservationPoint.ToEndpoint, reply: ReplyState.Reply),
            Tcp(0.0020, TcpFlags.Ack, point: ObservationPoint.ToProxy, reply: ReplyState.Request),
            Tcp(0.0021, TcpFlags.Ack, point: ObservationPoint.ToEndpoint, node: NodeB, reply: ReplyState.Request));
        _assembler.Flush();

        var connection = _sink.Single();
        Assert.Equal(2, connection.SynCount);
        Assert.Equal(2, connection.AckCount);
        Assert.Equal(2, connection.PacketsSent);
        Assert.Equal(1, connection.PacketsReceived);
        Assert.True(connection.HandshakeCompleted);
        Assert.Equal(3, _assembler.Counters.DuplicatesIgnored);
        Assert.Equal(7, _assembler.Counters.Events);
    }

    [Fact]
    public void Add_OnlyPolicyVerdictsForADirection_CountsThemAsFallback()
    {
        var verdict = Tcp(0, TcpFlags.Syn, kind: FlowEventKind.PolicyVerdict, point: ObservationPoint.Unknown);
        verdict.Verdict = Verdict.Dropped;
        verdict.DropReason = "POLICY_DENIED";
        Feed(verdict);
        _assembler.Flush();

        var connection = _sink.Single();
        Assert.Equal(1, connection.SynCount);
        Assert.True(connection.Dropped);
        Assert.True(connection.Failed);
    }

    [Theory]
    [InlineData(Verdict.Forwarded)]
    [InlineData(Verdict.Redirected)]
    public void Add_OnlyAnAllowedPolicyVerdict_IsNotJudgedFailed(Verdict allowed)
    {
        // A verdict-only export reports the first SYN of every connection and nothing else.
        var verdict = Tcp(0, TcpFlags.Syn, kind: FlowEventKind.PolicyVerdict, point: ObservationPoint.Unknown);
        verdict.Verdict = allowed;
        Feed(verdict);
        _assembler.Flush();

        var connection = _sink.Single();
        Assert.Equal(1, connection.SynCount);
        Assert.False(connection.Dropped);
        Assert.False(connection.Failed);
    }

    [Fact]
    public void Add_VerdictThenUnansweredTracedSyn_IsFailed()
    {
        Feed(
            Tcp(0.0000, TcpFlags.Syn, kind: FlowEventKind.PolicyVerdict, point: ObservationPoint.Unknown),
            Tcp(0.0001, TcpFlags.Syn, point: ObservationPoint.ToEndpoint),
            Tcp(1.0001, TcpFlags.Syn, point: ObservationPoint.ToEndpoint));
        _assembler.Flush();

        Assert.True(_sink.Single().Failed);
    }

    [Fact]
    public void Add_VerdictBeforeTrace_TraceReplacesVerdictCounts()
    {
        Feed(
            Tcp(0.0000, TcpFlags.Syn, kind: FlowEventKind.PolicyVerdict, point: ObservationPoint.Unknown),
            Tcp(0.0001, TcpFlags.Syn, point: ObservationPoint.ToProxy),
            Tcp(0.0005, TcpFlags.Syn, kind: FlowEventKind.PolicyVerdict, point: ObservationPoint.Unknown));
        _assembler.Flush();

        Assert.Equal(1, _sink.Single().SynCount);
    }

    [Fact]
    public void Add_ReplyFlagOnFirstEvent_ResponderIsTheReplySender()
    {
        // The capture starts with the server's answer; the Reply flag names the server as responder.
        Feed(
            Tcp(0.000, TcpFlags.Psh | TcpFlags.Ack, fromClient: false, reply: ReplyState.Reply),
            Tcp(0.001, TcpFlags.Ack));
        _assembler.Flush();

        var connection = _sink.Single();
        Assert.Equal(ClientIp, connection.InitiatorIp);
        Assert.Equal(ServerIp, connection.ResponderIp);
        Assert.Equal(1, connection.PacketsSent);
        Assert.Equal(1, connection.PacketsReceived);
    }

    [Fact]
    public void Add_ReversedTupleWithoutReplyFlag_CountsForTheResponder()
    {
        Feed(
            Tcp(0.000, TcpFlags.Psh | TcpFlags.Ack, reply: ReplyState.Request),
            Tcp(0.001, TcpFlags.Ack, fromClient: false, point: ObservationPoint.ToOverlay),
            Tcp(0.002, TcpFlags.Psh | TcpFlags.Ack, fromClient: false, point: ObservationPoint.ToOverlay));
        _assembler.Flush();

        var connection = _sink.Single();
        Assert.Equal(ClientIp, connection.InitiatorIp);
        Assert.Equal(1, connection.PacketsSent);
        Assert.Equal(2, connection.PacketsReceived);
        Assert.True(connection.ResponderReplied);
    }

    [Fact]
    public void Add_SynAckSeenBeforeSyn_InitiatorIsTheSynSender()
    {
        Feed(
            Tcp(0.000, TcpFlags.Syn | TcpFlags.Ack, fromClient: false),
            Tcp(0.001, TcpFlags.Syn));
        _assembler.Flush();

        Assert.Equal(ClientIp, _sink.Single().InitiatorIp);
    }

    private void Feed(params FlowEvent[] flowEvents)
    {
        foreach (var flowEvent in flowEvents)
        {
            _assembler.Add(flowEvent);
        }
    }
}
