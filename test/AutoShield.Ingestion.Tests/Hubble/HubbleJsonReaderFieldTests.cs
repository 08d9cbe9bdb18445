using AutoShield.Core.Flows;
using AutoShield.Core.Net;
using AutoShield.Testing;

namespace AutoShield.Ingestion.Tests.Hubble;

public sealed class HubbleJsonReaderFieldTests
{
    private static FlowEvent Line(string file, int lineNumber) =>
        HubbleRead.Text(File.ReadLines(SharedData.Hubble(file)).ElementAt(lineNumber - 1)).Single();

    private static long Nanos(int year, int month, int day, int hour, int minute, int second, long fraction) =>
        (new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero).ToUnixTimeSeconds() * 1_000_000_000) + fraction;

    [Fact]
    public void TryRead_FirstTcpSampleLine_MapsEveryField()
    {
        var e = Line("basic-sample-400-tcp-flows.json", 1);

        Assert.Equal(Nanos(2021, 11, 10, 10, 40, 56, 465_597_700), e.TimeUnixNanos);
        Assert.Equal(FlowOrigin.Hubble, e.Origin);
        Assert.Equal(FlowEventKind.Trace, e.Kind);
        Assert.Equal(Verdict.Forwarded, e.Verdict);
        Assert.Null(e.DropReason);
        Assert.Equal(IpAddr.Parse("10.244.0.177"), e.SourceIp);
        Assert.Equal(IpAddr.Parse("10.244.0.110"), e.DestinationIp);
        Assert.Equal(IpProtocol.Tcp, e.Protocol);
        Assert.Equal(35128, e.SourcePort);
        Assert.Equal(9080, e.DestinationPort);
        Assert.Equal(TcpFlags.Ack, e.Flags);
        Assert.Equal("productpage-v1-6b746f74dc-9rcxx", e.Source.PodName);
        Assert.Equal("bookinfo", e.Source.Namespace);
        Assert.Equal(3418u, e.Source.Identity);
        Assert.Equal("k8s:app=productpage", e.Source.Labels![0]);
        Assert.Equal(7, e.Source.Labels.Count);
        Assert.Equal("productpage", e.Source.Labels.Get("app"));
        Assert.Equal("reviews-v2-7bf8c9648f-r7bs2", e.Destination.PodName);
        Assert.Equal("bookinfo", e.Destination.Namespace);
        Assert.Equal(11615u, e.Destination.Identity);
        Assert.Equal("v2", e.Destination.Labels!.Get("version"));
        Assert.Equal("kind-control-plane", e.NodeName);
        Assert.Equal(TrafficDirection.Egress, e.Direction);
        Assert.Equal(ObservationPoint.ToProxy, e.ObservationPoint);
        Assert.Equal(ReplyState.Request, e.Reply);
        Assert.Equal(L7Protocol.None, e.L7.Protocol);
        Assert.Equal(-1, e.L7.DnsRcode);
        Assert.Equal(-1, e.PayloadBytes);
        Assert.Null(e.Label);
    }

    [Fact]
    public void TryRead_DnsResponseLine_ReadsQueryAndRcode()
    {
        var e = Line("basic-sample-5-dns-flows.json", 2);

        Assert.Equal(FlowEventKind.L7, e.Kind);
        Assert.Equal(L7Protocol.Dns, e.L7.Protocol);
        Assert.Equal(L7FlowType.Response, e.L7.Type);
        Assert.Equal("istiod-istio-1611.istio-system.svc.istio-system.svc.cluster.local.", e.L7.DnsQuery);
        Assert.Equal(3, e.L7.DnsRcode);
        Assert.Equal(ReplyState.Reply, e.Reply);
        Assert.Equal(53, e.SourcePort);
        Assert.Equal("kube-dns-b4f5c58c7-vnx5s", e.Source.PodName);
        Assert.Equal("gke-ilya-otel-demo-2-ilya-otel-demo-2-dac8cc20-hr0z", e.NodeName);
    }

    [Fact]
    public void TryRead_DnsRequestLine_HasNoRcode()
    {
        var e = Line("basic-sample-5-dns-flows.json", 1);

        Assert.Equal(L7FlowType.Request, e.L7.Type);
        Assert.Equal(-1, e.L7.DnsRcode);
        Assert.Equal(ReplyState.Request, e.Reply);
    }

    [Fact]
    public void TryRead_HttpResponseLine_ReadsCodeMethodUrlAndLatency()
    {
        var e = Line("basic-sample-5-http-flows.json", 4);

        Assert.Equal(FlowEventKind.L7, e.Kind);
        Assert.Equal(L7Protocol.Http, e.L7.Protocol);
        Assert.Equal(L7FlowType.Response, e.L7.Type);
        Assert.Equal(503, e.L7.HttpCode);
        Assert.Equal("GET", e.L7.HttpMethod);
        Assert.Equal("http://10.156.1.2:9253/metrics", e.L7.HttpUrl);
        Assert.Equal("HTTP/1.1", e.L7.HttpProtocol);
        Assert.Equal(999_958_359, e.L7.LatencyNanos);
        Assert.Equal(2u, e.Source.Identity);
        Assert.True(e.Source.Labels!.HasReserved("world"));
    }

    [Fact]
    public void TryRead_IcmpLines_ReadTypeAndDefaultZero()
    {
        var request = Line("basic-sample-400-icmpv4-flows.json", 1);
        var reply = Line("basic-sample-400-icmpv4-flows.json", 2);

        Assert.Equal(IpProtocol.Icmp, request.Protocol);
        Assert.Equal(8, request.IcmpType);
        Assert.Equal(0, request.IcmpCode);
        Assert.Equal(ObservationPoint.ToEndpoint, request.ObservationPoint);
        Assert.True(request.Destination.Labels!.HasReserved("health"));
        Assert.Equal(IpProtocol.Icmp, reply.Protocol);
        Assert.Equal(0, reply.IcmpType);
        Assert.Equal(ReplyState.Reply, reply.Reply);
        Assert.Equal(Nanos(2021, 11, 10, 10, 41, 26, 95_357_000), reply.TimeUnixNanos);
    }

    [Fact]
    public void TryRead_RedirectedPolicyVerdictLine_ReadsVerdictAndKind()
    {
        var e = Line("basic-sample-400-tcp-flows.json", 23);

        Assert.Equal(Verdict.Redirected, e.Verdict);
        Assert.Equal(FlowEventKind.PolicyVerdict, e.Kind);
        Assert.Equal(TcpFlags.Syn, e.Flags);
        Assert.Equal(ObservationPoint.Unknown, e.ObservationPoint);
    }

    [Fact]
    public void TryRead_OldSampleWithOnlyDeprecatedReply_ReplyIsKnownOnlyWhenTrue()
    {
        var events = HubbleRead.File(SharedData.Hubble("basic-sample-10-flows.json")).Events;

        Assert.Equal(TcpFlags.Fin | TcpFlags.Ack, events[0].Flags);
        Assert.Equal(ReplyState.Reply, events[0].Reply);
        Assert.Contains(events, e => e.Reply == ReplyState.Unknown);
        Assert.DoesNotContain(events, e => e.Reply == ReplyState.Request);
    }

    [Fact]
    public void TryRead_EndpointWithoutPod_KeepsIdentityAndLabels()
    {
        var e = Line("basic-sample-400-tcp-flows.json", 1);
        var other = HubbleRead.File(SharedData.Hubble("basic-sample-400-tcp-flows.json")).Events
            .First(x => x.Source.PodName is null && x.Source.Labels!.Get("app") == "productpage");

        Assert.True(e.Source.HasPod);
        Assert.False(other.Source.HasPod);
        Assert.Equal(3418u, other.Source.Identity);
    }
}
