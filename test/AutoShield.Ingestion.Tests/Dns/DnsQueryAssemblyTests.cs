using AutoShield.Core.Flows;
using AutoShield.Ingestion.Connections;
using AutoShield.Ingestion.Tests.Connections;
using static AutoShield.Ingestion.Tests.Connections.SomeFlow;

namespace AutoShield.Ingestion.Tests.Dns;

public sealed class DnsQueryAssemblyTests
{
    [Fact]
    public void Add_SearchPathLookupsOnOneSocket_KeepsTheNameItselfNotItsExpansions()
    {
        var sink = new CollectingSink();
        var assembler = new ConnectionAssembler(sink);

        assembler.Add(Ask(0.001, "api.qwxyzbt.com.shop.svc.cluster.local."));
        assembler.Add(Ask(0.002, "api.qwxyzbt.com.svc.cluster.local."));
        assembler.Add(Ask(0.003, "api.qwxyzbt.com."));
        assembler.Add(DnsResponse(0.004, rcode: 0));
        assembler.Flush();

        Assert.Equal("api.qwxyzbt.com.", sink.Single().DnsQuery);
    }

    [Fact]
    public void Add_TunnelChunkAfterShortName_KeepsTheNameWithTheLongestLabel()
    {
        var sink = new CollectingSink();
        var assembler = new ConnectionAssembler(sink);
        const string chunk = "mzxw6ytboi2gk3tfnzsxg5dbnfxgo4tfmfzwk3dpmnqwy3dj.0001.evil-sync.top.";

        assembler.Add(Ask(0.001, "a.evil-sync.top."));
        assembler.Add(Ask(0.002, chunk));
        assembler.Add(Ask(0.003, "b.evil-sync.top."));
        assembler.Flush();

        Assert.Equal(chunk, sink.Single().DnsQuery);
    }

    private static FlowEvent Ask(double seconds, string name)
    {
        var flowEvent = DnsRequest(seconds);
        flowEvent.L7.DnsQuery = name;
        return flowEvent;
    }
}
