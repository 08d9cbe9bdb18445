using AutoShield.Core.Flows;
using AutoShield.Core.Net;
using AutoShield.Ingestion.Hubble.Grpc;
using Google.Protobuf.WellKnownTypes;
using Pb = AutoShield.Ingestion.Protos.Hubble;

namespace AutoShield.Ingestion.Tests.Hubble.Grpc;

public sealed class HubbleProtoConverterTests
{
    [Fact]
    public void TryConvert_FirstRecordedTcpFlow_FillsEveryField()
    {
        // Arrange
        var response = RecordedFlows.Load(RecordedFlows.TcpSample)[0];
        var converter = new HubbleProtoConverter();
        var flowEvent = default(FlowEvent);

        // Act
        var ok = converter.TryConvert(response, ref flowEvent, out var problem);

        // Assert
        Assert.True(ok, problem);
        Assert.Equal(DateTimeOffset.Parse("2021-11-10T10:40:56.4655977Z", System.Globalization.CultureInfo.InvariantCulture), flowEvent.Time);
        Assert.Equal(1636540856_465597700L, flowEvent.TimeUnixNanos);
        Assert.Equal(FlowOrigin.Hubble, flowEvent.Origin);
        Assert.Equal(FlowEventKind.Trace, flowEvent.Kind);
        Assert.Equal(Verdict.Forwarded, flowEvent.Verdict);
        Assert.Null(flowEvent.DropReason);
        Assert.Equal(TrafficDirection.Egress, flowEvent.Direction);
        Assert.Equal(ReplyState.Request, flowEvent.Reply);
        Assert.Equal(ObservationPoint.ToProxy, flowEvent.ObservationPoint);
        Assert.Equal("kind-control-plane", flowEvent.NodeName);
        Assert.Equal(IpAddr.Parse("10.244.0.177"), flowEvent.SourceIp);
        Assert.Equal(IpAddr.Parse("10.244.0.110"), flowEvent.DestinationIp);
        Assert.Equal(35128, flowEvent.SourcePort);
        Assert.Equal(9080, flowEvent.DestinationPort);
        Assert.Equal(IpProtocol.Tcp, flowEvent.Protocol);
        Assert.Equal(TcpFlags.Ack, flowEvent.Flags);
        Assert.Equal("bookinfo", flowEvent.Source.Namespace);
        Assert.Equal("productpage-v1-6b746f74dc-9rcxx", flowEvent.Source.PodName);
        Assert.Equal(3418u, flowEvent.Source.Identity);
        Assert.Equal(7, flowEvent.Source.Labels!.Count);
        Assert.Equal("productpage", flowEvent.Source.Labels.Get("app"));
        Assert.Equal("reviews-v2-7bf8c9648f-r7bs2", flowEvent.Destination.PodName);
        Assert.Equal(11615u, flowEvent.Destination.Identity);
        Assert.Equal("v2", flowEvent.Destination.Labels!.Get("version"));
        Assert.Equal(L7Protocol.None, flowEvent.L7.Protocol);
        Assert.Equal(-1, flowEvent.PayloadBytes);
        Assert.Equal(ConnectionCounts.Missing.ForwardBytes, flowEvent.Counts.ForwardBytes);
    }

    [Fact]
    public void TryConvert_RecordedDnsResponse_FillsQueryRcodeAndReply()
    {
        // Arrange: second line of the DNS sample is an NXDOMAIN answer
        var response = RecordedFlows.Load("basic-sample-5-dns-flows.json")[1];
        var flowEvent = default(FlowEvent);

        // Act
        var ok = new HubbleProtoConverter().TryConvert(response, ref flowEvent, out var problem);

        // Assert
        Assert.True(ok, problem);
        Assert.Equal(FlowEventKind.L7, flowEvent.Kind);
        Assert.Equal(L7Protocol.Dns, flowEvent.L7.Protocol);
        Assert.Equal(L7FlowType.Response, flowEvent.L7.Type);
        Assert.Equal("istiod-istio-1611.istio-system.svc.istio-system.svc.cluster.local.", flowEvent.L7.DnsQuery);
        Assert.Equal(3, flowEvent.L7.DnsRcode);
        Assert.Equal(ReplyState.Reply, flowEvent.Reply);
        Assert.Equal(53, flowEvent.SourcePort);
        Assert.Equal("kube-dns-b4f5c58c7-vnx5s", flowEvent.Source.PodName);
    }

    [Fact]
    public void TryConvert_RecordedDnsRequest_HasNoRcode()
    {
        // Arrange
        var response = RecordedFlows.Load("basic-sample-5-dns-flows.json")[0];
        var flowEvent = default(FlowEvent);

        // Act
        new HubbleProtoConverter().TryConvert(response, ref flowEvent, out _);

        // Assert
        Assert.Equal(L7FlowType.Request, flowEvent.L7.Type);
        Assert.Equal(-1, flowEvent.L7.DnsRcode);
    }

    [Fact]
    public void TryConvert_RecordedHttpResponse_FillsCodeMethodUrlAndLatency()
    {
        // Arrange
        var response = RecordedFlows.Load("basic-sample-5-http-flows.json")[3];
        var flowEvent = default(FlowEvent);

        // Act
        var ok = new HubbleProtoConverter().TryConvert(response, ref flowEvent, out var problem);

        // Assert
        Assert.True(ok, problem);
        Assert.Equal(L7Protocol.Http, flowEvent.L7.Protocol);
        Assert.Equal(L7FlowType.Response, flowEvent.L7.Type);
        Assert.Equal(503, flowEvent.L7.HttpCode);
        Assert.Equal("GET", flowEvent.L7.HttpMethod);
        Assert.Equal("http://10.156.1.2:9253/metrics", flowEvent.L7.HttpUrl);
        Assert.Equal("HTTP/1.1", flowEvent.L7.HttpProtocol);
        Assert.Equal(999_958_359L, flowEvent.L7.LatencyNanos);
    }

    [Fact]
    public void TryConvert_RecordedIcmpEchoRequest_FillsTypeAndToEndpoint()
    {
        // Arrange
        var response = RecordedFlows.Load("basic-sample-400-icmpv4-flows.json")[0];
        var flowEvent = default(FlowEvent);

        // Act
        new HubbleProtoConverter().TryConvert(response, ref flowEvent, out _);

        // Assert
        Assert.Equal(IpProtocol.Icmp, flowEvent.Protocol);
        Assert.Equal(8, flowEvent.IcmpType);
        Assert.Equal(0, flowEvent.IcmpCode);
        Assert.Equal(ObservationPoint.ToEndpoint, flowEvent.ObservationPoint);
        Assert.True(flowEvent.Destination.Labels!.HasReserved("health"));
        Assert.Null(flowEvent.Destination.PodName);
    }

    [Fact]
    public void TryConvert_IsReplyWrapperAbsent_ReplyUnknownEvenWithDeprecatedFlag()
    {
        // Arrange: the 2021-06 sample predates is_reply and sets only the deprecated bool
        var response = RecordedFlows.Load("basic-sample-10-flows.json")[0];
        var flowEvent = default(FlowEvent);

        // Act
        new HubbleProtoConverter().TryConvert(response, ref flowEvent, out _);

        // Assert
        Assert.Null(response.Flow.IsReply);
        Assert.Equal(ReplyState.Unknown, flowEvent.Reply);
        Assert.Equal(TcpFlags.Fin | TcpFlags.Ack, flowEvent.Flags);
    }

    [Fact]
    public void TryConvert_AllRecordedFlows_ConvertWithoutProblems()
    {
        // Arrange
        var converter = new HubbleProtoConverter();
        var flowEvent = default(FlowEvent);
        var kinds = new HashSet<FlowEventKind>();

        // Act
        foreach (var response in RecordedFlows.LoadAll())
        {
            Assert.True(converter.TryConvert(response, ref flowEvent, out var problem), problem);
            Assert.False(flowEvent.SourceIp.IsNone);
            kinds.Add(flowEvent.Kind);
        }

        // Assert
        Assert.Equal([FlowEventKind.Trace, FlowEventKind.PolicyVerdict, FlowEventKind.L7], kinds.Order());
    }

    [Fact]
    public void TryConvert_RepeatedLabelLists_ShareOneLabelSet()
    {
        // Arrange
        var responses = RecordedFlows.Load(RecordedFlows.TcpSample);
        var converter = new HubbleProtoConverter();
        var first = default(FlowEvent);
        var second = default(FlowEvent);

        // Act
        converter.TryConvert(responses[0], ref first, out _);
        var match = responses.Skip(1).First(r => r.Flow.Source.PodName == responses[0].Flow.Source.PodName);
        converter.TryConvert(match, ref second, out _);

        // Assert
        Assert.Same(first.Source.Labels, second.Source.Labels);
        Assert.Same(first.Source.PodName, second.Source.PodName);
    }

    [Fact]
    public void TryConvert_DroppedFlowWithWorkloadsAndServices_FillsThem()
    {
        // Arrange
        var flow = Some.Flow();
        flow.Verdict = Pb.Verdict.Dropped;
        flow.DropReasonDesc = Pb.DropReason.PolicyDenied;
        flow.EventType = new Pb.CiliumEventType { Type = 1, SubType = 133 };
        flow.Source.Workloads.Add(new Pb.Workload { Name = "frontend", Kind = "Deployment" });
        flow.DestinationService = new Pb.Service { Name = "backend", Namespace = "shop" };
        flow.IsReply = false;
        var flowEvent = default(FlowEvent);

        // Act
        var ok = new HubbleProtoConverter().TryConvert(flow, ref flowEvent, out var problem);

        // Assert
        Assert.True(ok, problem);
        Assert.Equal(FlowEventKind.Drop, flowEvent.Kind);
        Assert.Equal(Verdict.Dropped, flowEvent.Verdict);
        Assert.True(flowEvent.IsDropped);
        Assert.Equal("POLICY_DENIED", flowEvent.DropReason);
        Assert.Equal("frontend", flowEvent.Source.Workload);
        Assert.Equal("Deployment", flowEvent.Source.WorkloadKind);
        Assert.Equal("backend", flowEvent.Destination.ServiceName);
        Assert.Null(flowEvent.Source.ServiceName);
    }

    [Fact]
    public void TryConvert_DropCodeNewerThanProto_KeepsTheNumber()
    {
        // Arrange
        var flow = Some.Flow();
        flow.Verdict = Pb.Verdict.Dropped;
        flow.DropReasonDesc = (Pb.DropReason)250;
        var flowEvent = default(FlowEvent);

        // Act
        new HubbleProtoConverter().TryConvert(flow, ref flowEvent, out _);

        // Assert
        Assert.Equal("250", flowEvent.DropReason);
    }

    [Theory]
    [InlineData(Pb.FlowType.Sock, 4, FlowEventKind.Sock)]
    [InlineData(Pb.FlowType.L3L4, 5, FlowEventKind.PolicyVerdict)]
    [InlineData(Pb.FlowType.L7, 129, FlowEventKind.L7)]
    [InlineData(Pb.FlowType.L3L4, 99, FlowEventKind.Unknown)]
    public void TryConvert_TypeAndEventType_MapToKind(Pb.FlowType type, int eventType, FlowEventKind expected)
    {
        // Arrange
        var flow = Some.Flow();
        flow.Type = type;
        flow.EventType = new Pb.CiliumEventType { Type = eventType };
        var flowEvent = default(FlowEvent);

        // Act
        new HubbleProtoConverter().TryConvert(flow, ref flowEvent, out _);

        // Assert
        Assert.Equal(expected, flowEvent.Kind);
    }

    [Fact]
    public void TryConvert_Ipv6AndSctp_FillsAddressesAndPorts()
    {
        // Arrange
        var flow = Some.Flow();
        flow.IP = new Pb.IP { Source = "fd00::1", Destination = "fd00::2", IpVersion = Pb.IPVersion.Ipv6 };
        flow.L4 = new Pb.Layer4 { SCTP = new Pb.SCTP { SourcePort = 3868, DestinationPort = 3869 } };
        var flowEvent = default(FlowEvent);

        // Act
        new HubbleProtoConverter().TryConvert(flow, ref flowEvent, out _);

        // Assert
        Assert.Equal(IpAddr.Parse("fd00::1"), flowEvent.SourceIp);
        Assert.False(flowEvent.DestinationIp.IsV4);
        Assert.Equal(IpProtocol.Sctp, flowEvent.Protocol);
        Assert.Equal(3869, flowEvent.DestinationPort);
    }

    [Fact]
    public void TryConvert_UnparseableIp_ReportsProblem()
    {
        // Arrange
        var flow = Some.Flow();
        flow.IP.Source = "10.0.0.300";
        var flowEvent = default(FlowEvent);

        // Act
        var ok = new HubbleProtoConverter().TryConvert(flow, ref flowEvent, out var problem);

        // Assert
        Assert.False(ok);
        Assert.Contains("10.0.0.300", problem);
    }

    [Fact]
    public void TryConvert_NoFlowTime_FallsBackToResponseTimeAndNode()
    {
        // Arrange
        var flow = Some.Flow();
        flow.Time = null;
        flow.NodeName = string.Empty;
        var response = new Pb.GetFlowsResponse { Flow = flow, NodeName = "kind-worker", Time = new Timestamp { Seconds = 1_700_000_000, Nanos = 5 } };
        var flowEvent = default(FlowEvent);

        // Act
        var ok = new HubbleProtoConverter().TryConvert(response, ref flowEvent, out var problem);

        // Assert
        Assert.True(ok, problem);
        Assert.Equal(1_700_000_000_000_000_005L, flowEvent.TimeUnixNanos);
        Assert.Equal("kind-worker", flowEvent.NodeName);
    }

    [Fact]
    public void TryConvert_NodeStatusResponse_IsNotAFlow()
    {
        // Arrange
        var response = new Pb.GetFlowsResponse { NodeStatus = new Pb.NodeStatusEvent { StateChange = Pb.NodeState.NodeConnected } };
        var flowEvent = default(FlowEvent);

        // Act
        var ok = new HubbleProtoConverter().TryConvert(response, ref flowEvent, out var problem);

        // Assert
        Assert.False(ok);
        Assert.Contains("NodeStatus", problem);
    }
}
