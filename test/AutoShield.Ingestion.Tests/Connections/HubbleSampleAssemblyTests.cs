using AutoShield.Core.Flows;
using AutoShield.Ingestion.Connections;
using AutoShield.Testing;

namespace AutoShield.Ingestion.Tests.Connections;

public sealed class HubbleSampleAssemblyTests
{
    [Fact]
    public void Add_RealTcpSample_CountsEachSynPacketOnceAndCompletesHandshakes()
    {
        var events = HubbleSampleConverter.ReadAll(SharedData.Hubble("basic-sample-400-tcp-flows.json")).ToList();
        var sink = new CollectingSink();
        var assembler = new ConnectionAssembler(sink);

        foreach (var flowEvent in events)
        {
            assembler.Add(flowEvent);
        }

        assembler.Flush();

        // Oracle from the raw lines: distinct SYN packets per tuple are at most one SYN and one SYN-ACK, however
        // many observation points (and policy verdicts) reported them.
        var byTuple = events.Where(e => e.Protocol == IpProtocol.Tcp).GroupBy(Tuple).ToDictionary(g => g.Key, g => g.ToList());
        var connections = sink.Connections.Where(c => c.Protocol == IpProtocol.Tcp).ToList();
        Assert.Equal(byTuple.Count, connections.Count(c => byTuple.ContainsKey(Tuple(c))));
        Assert.True(connections.Count >= 50, $"only {connections.Count} connections");

        var handshakesSeen = 0;
        var synReportedMoreThanOnce = 0;
        foreach (var connection in connections.Where(c => byTuple.ContainsKey(Tuple(c))))
        {
            var reports = byTuple[Tuple(connection)];
            var synOnly = reports.Count(e => (e.Flags & (TcpFlags.Syn | TcpFlags.Ack)) == TcpFlags.Syn);
            var synAck = reports.Count(e => (e.Flags & (TcpFlags.Syn | TcpFlags.Ack)) == (TcpFlags.Syn | TcpFlags.Ack));
            var expectedSyn = (synOnly > 0 ? 1 : 0) + (synAck > 0 ? 1 : 0);
            Assert.True(expectedSyn == connection.SynCount, $"{Tuple(connection)}: SYN {connection.SynCount}, expected {expectedSyn}");
            if (synOnly > 1)
            {
                synReportedMoreThanOnce++;
            }

            if (synOnly == 0)
            {
                continue;
            }

            handshakesSeen++;
            var synSender = reports.First(e => (e.Flags & (TcpFlags.Syn | TcpFlags.Ack)) == TcpFlags.Syn).SourceIp;
            Assert.Equal(synSender, connection.InitiatorIp);

            // The capture ends inside two handshakes (the SYN-ACK is the tuple's last report, not even an L7
            // request follows); all others completed.
            var cutByCaptureEnd = (reports[^1].Flags & (TcpFlags.Syn | TcpFlags.Ack)) == (TcpFlags.Syn | TcpFlags.Ack);
            Assert.True(connection.HandshakeCompleted != cutByCaptureEnd, $"{Tuple(connection)}: completed {connection.HandshakeCompleted}");
        }

        Assert.True(handshakesSeen >= 30, $"only {handshakesSeen} handshakes");
        Assert.True(synReportedMoreThanOnce >= 20, $"only {synReportedMoreThanOnce} SYNs reported twice");
        Assert.All(connections.Where(c => c.End == ConnectionEnd.Fin), c => Assert.False(c.Failed));
        Assert.All(connections, c => Assert.Equal(-1, c.BytesSent));
    }

    [Fact]
    public void Add_RealUdpDnsSample_AnsweredQueriesAreCompletedWithTheirRcode()
    {
        var sink = new CollectingSink();
        var assembler = new ConnectionAssembler(sink);
        foreach (var flowEvent in HubbleSampleConverter.ReadAll(SharedData.Hubble("basic-sample-400-udp-flows.json")))
        {
            assembler.Add(flowEvent);
        }

        assembler.Flush();

        var dns = sink.Connections.Where(c => c.DnsRcode >= 0).ToList();
        Assert.True(dns.Count >= 20, $"only {dns.Count} answered DNS exchanges");
        Assert.All(dns, c =>
        {
            Assert.Equal((ushort)53, c.ResponderPort);
            Assert.True(c.HandshakeCompleted);
            Assert.True(c.ResponderReplied);
        });
    }

    private static string Tuple(FlowEvent e) => Tuple(e.SourceIp.ToString(), e.SourcePort, e.DestinationIp.ToString(), e.DestinationPort);

    private static string Tuple(Connection c) => Tuple(c.InitiatorIp.ToString(), c.InitiatorPort, c.ResponderIp.ToString(), c.ResponderPort);

    private static string Tuple(string a, ushort aPort, string b, ushort bPort)
    {
        var first = $"{a}:{aPort}";
        var second = $"{b}:{bPort}";
        return string.CompareOrdinal(first, second) < 0 ? $"{first}-{second}" : $"{second}-{first}";
    }
}
