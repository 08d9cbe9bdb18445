using AutoShield.Core.Flows;
using AutoShield.Core.Net;

namespace AutoShield.Ingestion.Tests.Tetragon;

public sealed class TetragonFlowReaderTests
{
    [Fact]
    public void TryRead_AllSamples_TurnsConnectsAndClosesIntoFlowsAndSkipsTheRest()
    {
        var (flows, errors, counters) = TetragonSamples.ReadFlows(TetragonSamples.AllConcatenated());

        Assert.Empty(errors);
        Assert.Equal(9, flows.Count);
        Assert.Equal(9, counters.Good);
        Assert.Equal(34, counters.Skipped);
        Assert.Equal(0, counters.Bad);
        Assert.All(flows, f => Assert.Equal((FlowOrigin.Tetragon, FlowEventKind.Socket, IpProtocol.Tcp), (f.Origin, f.Kind, f.Protocol)));
        Assert.Equal(5, flows.Count(f => f.Flags == TcpFlags.Syn));
        Assert.Equal(4, flows.Count(f => f.Flags == TcpFlags.Fin));
    }

    [Fact]
    public void TryRead_CurlConnect_IsAConnectionStartFromThePod()
    {
        var flow = Assert.Single(TetragonSamples.ReadFlows(TetragonSamples.Text(TetragonSamples.GoldenConnect)).Flows);

        Assert.Equal(TcpFlags.Syn, flow.Flags);
        Assert.Equal((IpAddr.Parse("10.88.0.7"), (ushort)49168), (flow.SourceIp, flow.SourcePort));
        Assert.Equal((IpAddr.Parse("142.250.180.196"), (ushort)80), (flow.DestinationIp, flow.DestinationPort));
        Assert.Equal(IpProtocol.Tcp, flow.Protocol);
        Assert.Equal(TrafficDirection.Egress, flow.Direction);
        Assert.Equal("tenant-jobs", flow.Source.Namespace);
        Assert.Equal("elasticsearch-56f8fc6988-pb8c7", flow.Source.PodName);
        Assert.False(flow.Destination.HasPod);
        Assert.Equal("minikube", flow.NodeName);
        Assert.Equal(new DateTimeOffset(2022, 1, 19, 16, 29, 2, 21, TimeSpan.Zero), flow.Time);
        Assert.Equal(-1, flow.Counts.ForwardBytes);
        Assert.Equal(-1, flow.PayloadBytes);
    }

    [Fact]
    public void TryRead_CurlClose_CarriesSocketStatisticsAsCounts()
    {
        var flow = Assert.Single(TetragonSamples.ReadFlows(TetragonSamples.Text(TetragonSamples.GoldenClose)).Flows);

        Assert.Equal(TcpFlags.Fin, flow.Flags);
        Assert.Equal((IpAddr.Parse("10.88.0.7"), (ushort)49168), (flow.SourceIp, flow.SourcePort));
        Assert.Equal((IpAddr.Parse("142.250.180.196"), (ushort)80), (flow.DestinationIp, flow.DestinationPort));
        Assert.Equal(78, flow.Counts.ForwardBytes);
        Assert.Equal(15221, flow.Counts.BackwardBytes);
        Assert.Equal(9, flow.Counts.ForwardPackets);
        Assert.Equal(14, flow.Counts.BackwardPackets);
        Assert.Equal(-1, flow.Counts.DurationNanos);
    }

    [Fact]
    public void TryRead_NcClose_CountsZeroBytesAndItsSegments()
    {
        var flow = Assert.Single(TetragonSamples.ReadFlows(TetragonSamples.Text(TetragonSamples.NcClose)).Flows);

        Assert.Equal((IpAddr.Parse("64.225.45.153"), (ushort)443), (flow.DestinationIp, flow.DestinationPort));
        Assert.Equal((0L, 0L), (flow.Counts.ForwardBytes, flow.Counts.BackwardBytes));
        Assert.Equal((2L, 1L), (flow.Counts.ForwardPackets, flow.Counts.BackwardPackets));
    }

    [Fact]
    public void TryRead_HostProcessClose_HasNoSourcePod()
    {
        var flow = Assert.Single(TetragonSamples.ReadFlows(TetragonSamples.Text(TetragonSamples.MerlinJobClose)).Flows);

        Assert.False(flow.Source.HasPod);
        Assert.Equal(4364, flow.Counts.ForwardBytes);
        Assert.Equal(8874, flow.Counts.BackwardBytes);
    }

    [Fact]
    public void TryRead_ListenExecAndFileKprobe_AreSkipped()
    {
        var text = TetragonSamples.Text(TetragonSamples.GoldenListen) + TetragonSamples.Text(TetragonSamples.GoldenExec)
            + TetragonSamples.Text(TetragonSamples.GoldenKprobe)
            + SomeTetragonEvent.Kprobe("inet_csk_listen_start", SomeTetragonEvent.Sock()) + "\n"
            + SomeTetragonEvent.Kprobe("tcp_connect", """{"int_arg":3}""") + "\n";

        var (flows, errors, counters) = TetragonSamples.ReadFlows(text);

        Assert.Empty(flows);
        Assert.Empty(errors);
        Assert.Equal(5, counters.Skipped);
    }

    [Fact]
    public void TryRead_TcpConnectKprobe_UsesSockTupleAndPodLabelsInCiliumForm()
    {
        var (flows, errors, _) = TetragonSamples.ReadFlows(SomeTetragonEvent.Kprobe("tcp_connect", SomeTetragonEvent.Sock()) + "\n");

        Assert.Empty(errors);
        var flow = Assert.Single(flows);
        Assert.Equal(TcpFlags.Syn, flow.Flags);
        Assert.Equal((IpAddr.Parse("10.0.0.5"), (ushort)40000), (flow.SourceIp, flow.SourcePort));
        Assert.Equal((IpAddr.Parse("10.0.1.9"), (ushort)6379), (flow.DestinationIp, flow.DestinationPort));
        Assert.Equal(IpProtocol.Tcp, flow.Protocol);
        Assert.Equal(("shop", "cart-7d9f-abcde", "cart", "Deployment"), (flow.Source.Namespace, flow.Source.PodName, flow.Source.Workload, flow.Source.WorkloadKind));
        Assert.Equal(["k8s:app=cart", "k8s:tier=backend"], flow.Source.Labels!.All);
        Assert.Equal("cart", flow.Source.Labels.Get("app"));
        Assert.Equal(1_714_557_600_123_456_789, flow.TimeUnixNanos);
        Assert.Equal("node-a", flow.NodeName);
    }

    [Fact]
    public void TryRead_SendAndReceiveKprobes_AddBytesToTheirDirection()
    {
        var text = SomeTetragonEvent.Kprobe("tcp_sendmsg", SomeTetragonEvent.Sock() + """,{"size_arg":"512"}""") + "\n"
            + SomeTetragonEvent.Kprobe("tcp_recvmsg", SomeTetragonEvent.Sock() + """,{"size_arg":"65536"}""", returnArg: """{"int_arg":1200}""") + "\n"
            + SomeTetragonEvent.Kprobe("tcp_sendmsg", SomeTetragonEvent.Sock()) + "\n";

        var (flows, errors, _) = TetragonSamples.ReadFlows(text);

        Assert.Empty(errors);
        Assert.Equal(3, flows.Count);
        Assert.Equal((512L, 0L), (flows[0].Counts.ForwardBytes, flows[0].Counts.BackwardBytes));
        Assert.Equal((0L, 1200L), (flows[1].Counts.ForwardBytes, flows[1].Counts.BackwardBytes));
        Assert.Equal((-1L, -1L), (flows[2].Counts.ForwardBytes, flows[2].Counts.BackwardBytes));
        Assert.All(flows, f => Assert.Equal(TcpFlags.None, f.Flags));
        Assert.All(flows, f => Assert.Equal(-1, f.Counts.ForwardPackets));
    }

    [Fact]
    public void TryRead_SkbOnReceive_TurnsTheHeaderRoundAndCountsItsLength()
    {
        const string Skb = """{"skb_arg":{"len":1400,"saddr":"10.0.1.9","daddr":"10.0.0.5","sport":6379,"dport":40000,"proto":6}}""";

        var flow = Assert.Single(TetragonSamples.ReadFlows(SomeTetragonEvent.Kprobe("tcp_recvmsg", Skb) + "\n").Flows);

        Assert.Equal((IpAddr.Parse("10.0.0.5"), (ushort)40000), (flow.SourceIp, flow.SourcePort));
        Assert.Equal((IpAddr.Parse("10.0.1.9"), (ushort)6379), (flow.DestinationIp, flow.DestinationPort));
        Assert.Equal(IpProtocol.Tcp, flow.Protocol);
        Assert.Equal((0L, 1400L), (flow.Counts.ForwardBytes, flow.Counts.BackwardBytes));
    }

    [Fact]
    public void TryRead_AcceptKprobe_MakesThePeerTheInitiator()
    {
        var json = SomeTetragonEvent.Kprobe("inet_csk_accept", string.Empty, returnArg: SomeTetragonEvent.Sock("10.0.0.5", 8080, "10.0.3.3", 52000));

        var (flows, errors, _) = TetragonSamples.ReadFlows(json + "\n");

        Assert.Empty(errors);
        var flow = Assert.Single(flows);
        Assert.Equal((IpAddr.Parse("10.0.3.3"), (ushort)52000), (flow.SourceIp, flow.SourcePort));
        Assert.Equal((IpAddr.Parse("10.0.0.5"), (ushort)8080), (flow.DestinationIp, flow.DestinationPort));
        Assert.Equal(TrafficDirection.Ingress, flow.Direction);
        Assert.Equal(TcpFlags.Syn, flow.Flags);
        Assert.False(flow.Source.HasPod);
        Assert.Equal("cart-7d9f-abcde", flow.Destination.PodName);
    }

    [Fact]
    public void TryRead_UdpSockWithoutProtocol_TakesProtocolFromFunctionName()
    {
        var sock = SomeTetragonEvent.Sock(dport: 53).Replace("\"protocol\":\"IPPROTO_TCP\",", string.Empty, StringComparison.Ordinal);

        var flow = Assert.Single(TetragonSamples.ReadFlows(SomeTetragonEvent.Kprobe("udp_sendmsg", sock + """,{"size_arg":"40"}""") + "\n").Flows);

        Assert.Equal(IpProtocol.Udp, flow.Protocol);
        Assert.Equal(40, flow.Counts.ForwardBytes);
    }

    [Fact]
    public void TryRead_EqualPodLabels_ShareOneLabelSet()
    {
        var line = SomeTetragonEvent.Kprobe("tcp_connect", SomeTetragonEvent.Sock()) + "\n";
        var reordered = line.Replace("""{"app":"cart","tier":"backend"}""", """{"tier":"backend","app":"cart"}""", StringComparison.Ordinal);

        var flows = TetragonSamples.ReadFlows(line + reordered).Flows;

        Assert.Same(flows[0].Source.Labels, flows[1].Source.Labels);
    }

    [Fact]
    public void TryRead_NetworkEventWithoutTimeOrRemote_IsReportedBadWithItsLine()
    {
        var noTime = TetragonSamples.Text(TetragonSamples.GoldenConnect).Replace("\"time\":\"2022-01-19T16:29:02.021Z\"", "\"cluster_name\":\"c\"", StringComparison.Ordinal);
        var noRemote = SomeTetragonEvent.Kprobe("tcp_connect", SomeTetragonEvent.Sock(daddr: ""));
        var good = SomeTetragonEvent.Kprobe("tcp_connect", SomeTetragonEvent.Sock());
        var text = noTime + "\n" + noRemote + "\n" + good + "\n";
        var firstLines = noTime.Count(c => c == '\n') + 1;

        var (flows, errors, counters) = TetragonSamples.ReadFlows(text);

        Assert.Single(flows);
        Assert.Equal(2, counters.Bad);
        Assert.Equal((1L, "process_connect.time: expected an RFC 3339 time on a network event"), (errors[0].Line, errors[0].Message));
        Assert.Equal((firstLines + 1L, "process_kprobe: expected the remote address of the socket, found none"), (errors[1].Line, errors[1].Message));
    }

    [Fact]
    public void TryRead_MalformedRecordAmongFlows_IsCountedBadAndReadingGoesOn()
    {
        var text = "{\"process_connect\":\n" + TetragonSamples.Text(TetragonSamples.GoldenClose);

        var (flows, errors, counters) = TetragonSamples.ReadFlows(text);

        Assert.Single(flows);
        Assert.Equal(1, Assert.Single(errors).Line);
        Assert.Equal(1, counters.Bad);
        Assert.Equal(1, counters.Good);
    }
}
