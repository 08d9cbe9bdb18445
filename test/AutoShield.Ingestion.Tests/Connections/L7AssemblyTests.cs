using AutoShield.Core.Flows;
using AutoShield.Ingestion.Connections;
using static AutoShield.Ingestion.Tests.Connections.SomeFlow;

namespace AutoShield.Ingestion.Tests.Connections;

public sealed class L7AssemblyTests
{
    private readonly CollectingSink _sink = new();
    private readonly ConnectionAssembler _assembler;

    public L7AssemblyTests()
    {
        _assembler = new ConnectionAssembler(_sink);
    }

    [Fact]
    public void Add_UdpDnsWithL7RequestAndResponse_AttachesL7ToTheConnection()
    {
        Feed(
            Udp(0.000),
            DnsRequest(0.001),
            DnsResponse(0.004, rcode: 3),
            Udp(0.005, fromClient: false, point: ObservationPoint.ToEndpoint));

        _assembler.AdvanceTo(At(30.004));
        Assert.Empty(_sink.Connections);
        _assembler.AdvanceTo(At(30.005));

        var connection = _sink.Single();
        Assert.Equal(IpProtocol.Udp, connection.Protocol);
        Assert.Equal(ClientIp, connection.InitiatorIp);
        Assert.Equal((ushort)53, connection.ResponderPort);
        Assert.Equal(ConnectionEnd.Idle, connection.End);
        Assert.Equal(3, connection.DnsRcode);
        Assert.Equal(1, connection.PacketsSent);
        Assert.Equal(1, connection.PacketsReceived);
        Assert.True(connection.HandshakeCompleted);
        Assert.True(connection.ResponderReplied);
        Assert.False(connection.Failed);
    }

    [Fact]
    public void Add_UdpRequestWithoutAnswer_IsNotCompleted()
    {
        Feed(Udp(0.000), Udp(1.000));
        _assembler.Flush();

        var connection = _sink.Single();
        Assert.False(connection.HandshakeCompleted);
        Assert.False(connection.ResponderReplied);
        Assert.False(connection.Failed);
    }

    [Fact]
    public void Add_L7OnlyExchange_CreatesCompletedConnectionFromRequestAndResponse()
    {
        // DNS-only captures: no L3/L4 event at all, DNS over TCP between node-local-dns and kube-dns.
        Feed(
            DnsResponse(0.002, rcode: 0, protocol: IpProtocol.Tcp),
            DnsRequest(0.001, protocol: IpProtocol.Tcp));
        _assembler.Flush();

        var connection = _sink.Single();
        Assert.Equal(IpProtocol.Tcp, connection.Protocol);
        Assert.Equal(ClientIp, connection.InitiatorIp);
        Assert.Equal(At(0.001), connection.StartUnixNanos);
        Assert.Equal(0, connection.DnsRcode);
        Assert.True(connection.HandshakeCompleted);
        Assert.False(connection.Failed);
        Assert.Equal(-1, connection.PacketsSent);
    }

    [Fact]
    public void Add_L7RequestWithoutResponse_IsNotCompleted()
    {
        Feed(DnsRequest(0.001, protocol: IpProtocol.Tcp));
        _assembler.Flush();

        var connection = _sink.Single();
        Assert.False(connection.HandshakeCompleted);
        Assert.True(connection.Failed);
        Assert.Equal(-1, connection.DnsRcode);
    }

    [Fact]
    public void Add_HttpResponses_KeepsHighestStatus()
    {
        var request = Packet(0.001, IpProtocol.Tcp, true, ObservationPoint.Unknown, FlowEventKind.L7, NodeA, ReplyState.Request, ClientPort, ServerPort);
        request.L7.Protocol = L7Protocol.Http;
        request.L7.Type = L7FlowType.Request;
        var ok = Packet(0.002, IpProtocol.Tcp, false, ObservationPoint.Unknown, FlowEventKind.L7, NodeA, ReplyState.Reply, ClientPort, ServerPort);
        ok.L7.Protocol = L7Protocol.Http;
        ok.L7.Type = L7FlowType.Response;
        ok.L7.HttpCode = 200;
        Feed(request, ok with { L7 = ok.L7 with { HttpCode = 503 } }, ok);
        _assembler.Flush();

        Assert.Equal(503, _sink.Single().HttpStatus);
    }

    private void Feed(params FlowEvent[] flowEvents)
    {
        foreach (var flowEvent in flowEvents)
        {
            _assembler.Add(flowEvent);
        }
    }
}
