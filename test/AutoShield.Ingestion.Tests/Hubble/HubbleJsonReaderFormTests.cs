using AutoShield.Core.Flows;
using AutoShield.Core.Net;

namespace AutoShield.Ingestion.Tests.Hubble;

public sealed class HubbleJsonReaderFormTests
{
    private const string Time = "\"time\":\"2024-05-01T12:00:00.123456789Z\"";
    private const long TimeNanos = 1_714_564_800_123_456_789;

    [Fact]
    public void TryRead_BareFlowObject_ReadsLikeTheWrappedForm()
    {
        var e = HubbleRead.Lines(
            "{" + Time + ",\"verdict\":\"DROPPED\",\"drop_reason_desc\":\"POLICY_DENIED\",\"IP\":{\"source\":\"10.0.0.1\",\"destination\":\"10.0.0.2\"},"
            + "\"l4\":{\"UDP\":{\"source_port\":5353,\"destination_port\":53}},\"node_name\":\"n1\",\"event_type\":{\"type\":1}}").Single();

        Assert.Equal(TimeNanos, e.TimeUnixNanos);
        Assert.Equal(Verdict.Dropped, e.Verdict);
        Assert.Equal("POLICY_DENIED", e.DropReason);
        Assert.Equal(FlowEventKind.Drop, e.Kind);
        Assert.Equal(IpProtocol.Udp, e.Protocol);
        Assert.Equal(53, e.DestinationPort);
        Assert.Equal("n1", e.NodeName);
        Assert.True(e.IsDropped);
    }

    [Fact]
    public void TryRead_NodeStatusLostEventsAndBlankLines_AreSkippedNotErrors()
    {
        var read = HubbleRead.Lines(
            "{\"node_status\":{\"state_change\":\"NODE_CONNECTED\",\"node_names\":[\"k8s1\"]},\"node_name\":\"k8s1\"," + Time + "}",
            "",
            "   ",
            "{\"lost_events\":{\"source\":\"HUBBLE_RING_BUFFER\",\"num_events_lost\":\"12\"}," + Time + "}",
            "{\"flow\":{" + Time + ",\"verdict\":\"FORWARDED\"}}");

        Assert.Empty(read.Errors);
        Assert.Single(read.Events);
        Assert.Equal(1, read.Counters.Good);
        Assert.Equal(4, read.Counters.Skipped);
        Assert.Equal(0, read.Counters.Bad);
    }

    [Fact]
    public void TryRead_AutoshieldExtension_ReadsTheGroundTruthLabel()
    {
        var e = HubbleRead.Lines(
            "{\"flow\":{" + Time + ",\"verdict\":\"FORWARDED\"},\"node_name\":\"n\",\"autoshield\":{\"scenario\":7,\"label\":\"PORT_SCAN\",\"attack\":{\"step\":[1,2]}}}").Single();

        Assert.Equal("PORT_SCAN", e.Label);
    }

    [Fact]
    public void TryRead_FlowTimeAndNodeMissing_FallsBackToTheWrapper()
    {
        var e = HubbleRead.Lines("{\"flow\":{\"verdict\":\"FORWARDED\"},\"node_name\":\"outer\"," + Time + "}").Single();

        Assert.Equal(TimeNanos, e.TimeUnixNanos);
        Assert.Equal("outer", e.NodeName);
    }

    [Fact]
    public void TryRead_FlowTimeAndNodePresent_WinOverTheWrapper()
    {
        var e = HubbleRead.Lines(
            "{\"time\":\"2024-05-01T13:00:00Z\",\"node_name\":\"outer\",\"flow\":{" + Time + ",\"node_name\":\"cluster/inner\"}}").Single();

        Assert.Equal(TimeNanos, e.TimeUnixNanos);
        Assert.Equal("cluster/inner", e.NodeName);
    }

    [Fact]
    public void TryRead_TimeWithOffsetAndShortFraction_ConvertsToUtc()
    {
        var e = HubbleRead.Lines("{\"flow\":{\"time\":\"2024-05-01T14:00:00.5+02:00\",\"verdict\":1}}").Single();

        Assert.Equal(1_714_564_800_500_000_000, e.TimeUnixNanos);
    }

    [Fact]
    public void TryRead_UnknownFieldsOfNewerCilium_AreIgnored()
    {
        var e = HubbleRead.Lines(
            "{\"flow\":{\"uuid\":\"2c1d\",\"emitter\":{\"name\":\"Hubble\",\"version\":\"1.17\"}," + Time
            + ",\"verdict\":\"AUDIT\",\"node_labels\":[\"a=b\"],\"trace_reason\":\"NEW\",\"egress_denied_by\":[{\"name\":\"p\",\"labels\":[]}],"
            + "\"source\":{\"ID\":9,\"identity\":300,\"cluster_name\":\"c\",\"namespace\":\"ns\",\"pod_name\":\"p-1\",\"labels\":[],"
            + "\"workloads\":[{\"name\":\"web\",\"kind\":\"Deployment\"},{\"name\":\"x\",\"kind\":\"y\"}]},"
            + "\"source_service\":{\"name\":\"web-svc\",\"namespace\":\"ns\"},\"destination_service\":{\"name\":\"db\"},"
            + "\"Type\":\"L3_L4\",\"future\":{\"deep\":[{\"x\":[1,2,{\"y\":null}]}]}},\"node_name\":\"n\",\"future_top\":[1]}").Single();

        Assert.Equal(Verdict.Audit, e.Verdict);
        Assert.Equal("web", e.Source.Workload);
        Assert.Equal("Deployment", e.Source.WorkloadKind);
        Assert.Equal("web-svc", e.Source.ServiceName);
        Assert.Equal("db", e.Destination.ServiceName);
        Assert.Equal(300u, e.Source.Identity);
        Assert.Same(LabelSet.Empty, e.Source.Labels);
        Assert.Equal("ns/p-1", e.Source.DisplayName);
        Assert.Equal(FlowEventKind.Trace, e.Kind);
    }

    [Fact]
    public void TryRead_NumericEnumsAndDropReason_MapToNames()
    {
        var e = HubbleRead.Lines(
            "{\"flow\":{" + Time + ",\"verdict\":2,\"drop_reason\":181,\"traffic_direction\":1,\"trace_observation_point\":101,"
            + "\"Type\":1,\"is_reply\":true,\"event_type\":{\"type\":\"1\"}}}").Single();

        Assert.Equal(Verdict.Dropped, e.Verdict);
        Assert.Equal("POLICY_DENY", e.DropReason);
        Assert.Equal(TrafficDirection.Ingress, e.Direction);
        Assert.Equal(ObservationPoint.ToEndpoint, e.ObservationPoint);
        Assert.Equal(ReplyState.Reply, e.Reply);
        Assert.Equal(FlowEventKind.Drop, e.Kind);
    }

    [Fact]
    public void TryRead_UnknownEnumNamesAndNumbers_ReadAsUnknown()
    {
        var e = HubbleRead.Lines(
            "{\"flow\":{" + Time + ",\"verdict\":\"QUARANTINED\",\"traffic_direction\":9,\"trace_observation_point\":\"TO_MARS\",\"drop_reason_desc\":250}}").Single();

        Assert.Equal(Verdict.Unknown, e.Verdict);
        Assert.Equal(TrafficDirection.Unknown, e.Direction);
        Assert.Equal(ObservationPoint.Unknown, e.ObservationPoint);
        Assert.Equal("DROP_REASON_250", e.DropReason);
    }

    [Fact]
    public void TryRead_SockTypeKafkaAndIpv6_MapKindProtocolAndAddresses()
    {
        var read = HubbleRead.Lines(
            "{\"flow\":{" + Time + ",\"Type\":\"SOCK\",\"event_type\":{\"type\":4},\"IP\":{\"source\":\"fd00::1\",\"destination\":\"::ffff:10.0.0.9\"},\"l4\":{\"SCTP\":{\"source_port\":1,\"destination_port\":2}}}}",
            "{\"flow\":{" + Time + ",\"Type\":\"L7\",\"l7\":{\"type\":\"REQUEST\",\"kafka\":{\"topic\":\"t\"}},\"l4\":{\"ICMPv6\":{\"type\":128,\"code\":0}}}}");

        Assert.Empty(read.Errors);
        var (sock, kafka) = (read.Events[0], read.Events[1]);
        Assert.Equal(FlowEventKind.Sock, sock.Kind);
        Assert.Equal(IpAddr.Parse("fd00::1"), sock.SourceIp);
        Assert.Equal(IpAddr.Parse("10.0.0.9"), sock.DestinationIp);
        Assert.Equal(IpProtocol.Sctp, sock.Protocol);
        Assert.Equal(FlowEventKind.L7, kafka.Kind);
        Assert.Equal(L7Protocol.Kafka, kafka.L7.Protocol);
        Assert.Equal(IpProtocol.IcmpV6, kafka.Protocol);
        Assert.Equal(128, kafka.IcmpType);
    }

    [Fact]
    public void TryRead_EscapedStringsAndNames_AreUnescaped()
    {
        var e = HubbleRead.Lines(
            "{\"fl\\u006fw\":{" + Time + ",\"l7\":{\"http\":{\"url\":\"http://a/?x=1\\u0026y=\\\"2\\\"\",\"method\":\"GET\"}},"
            + "\"source\":{\"pod_name\":\"caf\\u00e9-1\",\"labels\":[\"k8s:app=caf\\u00e9\"]}}}").Single();

        Assert.Equal("http://a/?x=1&y=\"2\"", e.L7.HttpUrl);
        Assert.Equal("café-1", e.Source.PodName);
        Assert.Equal("café", e.Source.Labels!.Get("app"));
    }

    [Fact]
    public void TryRead_AllTcpFlagsAndNulls_ReadFlagsAndTreatNullAsAbsent()
    {
        var e = HubbleRead.Lines(
            "{\"flow\":{" + Time + ",\"is_reply\":null,\"source\":null,\"l7\":null,\"l4\":{\"TCP\":{\"source_port\":\"443\",\"flags\":"
            + "{\"SYN\":true,\"ACK\":true,\"FIN\":true,\"RST\":true,\"PSH\":true,\"URG\":true,\"ECE\":true,\"CWR\":true,\"NS\":true,\"XYZ\":1,\"PSH2\":false}}}}}").Single();

        Assert.Equal(ReplyState.Unknown, e.Reply);
        Assert.Null(e.Source.PodName);
        Assert.Equal(443, e.SourcePort);
        Assert.Equal(
            TcpFlags.Syn | TcpFlags.Ack | TcpFlags.Fin | TcpFlags.Rst | TcpFlags.Psh | TcpFlags.Urg | TcpFlags.Ece | TcpFlags.Cwr | TcpFlags.Ns,
            e.Flags);
    }

    [Fact]
    public void TryRead_ReaderReused_ResetsFieldsBetweenEvents()
    {
        var read = HubbleRead.Lines(
            "{\"flow\":{" + Time + ",\"verdict\":\"DROPPED\",\"drop_reason_desc\":\"POLICY_DENIED\",\"l7\":{\"dns\":{\"rcode\":3}}},\"autoshield\":{\"label\":\"SYN_FLOOD\"}}",
            "{\"flow\":{" + Time + ",\"verdict\":\"FORWARDED\"}}");

        var second = read.Events[1];
        Assert.Null(second.DropReason);
        Assert.Null(second.Label);
        Assert.Equal(-1, second.L7.DnsRcode);
        Assert.Equal(L7Protocol.None, second.L7.Protocol);
    }

    [Fact]
    public void TryRead_ReplicaEndpointsOnAlternatingLines_EachLineGetsItsOwnPod()
    {
        static string Line(string pod) =>
            "{\"flow\":{" + Time + ",\"source\":{\"identity\":11615,\"namespace\":\"bookinfo\",\"labels\":[\"k8s:app=reviews\",\"k8s:io.kubernetes.pod.namespace=bookinfo\"],"
            + "\"pod_name\":\"" + pod + "\"},\"destination\":{\"identity\":2,\"labels\":[\"reserved:world\"]}}}";
        string[] pods = ["reviews-v1-aaaaa", "reviews-v1-bbbbb", "reviews-v1-aaaaa", "reviews-v1-ccccc", "reviews-v1-bbbbb", "reviews-v1-aaaaa"];

        var read = HubbleRead.Lines(pods.Select(Line).ToArray());

        Assert.Empty(read.Errors);
        Assert.Equal(pods, read.Events.Select(e => e.Source.PodName));
        Assert.All(read.Events, e => Assert.True(e.Destination.Labels!.HasReserved("world")));
    }

    [Fact]
    public void TryRead_BareFlowsSharingAnEndpoint_ReadTheRestOfEachLine()
    {
        const string Source = "\"source\":{\"ID\":881,\"identity\":3418,\"namespace\":\"bookinfo\",\"labels\":[\"k8s:app=productpage\",\"k8s:version=v1\"],\"pod_name\":\"productpage-v1-6b746f74dc-9rcxx\"}";

        var read = HubbleRead.Lines(
            "{" + Time + "," + Source + ",\"l4\":{\"TCP\":{\"destination_port\":9080}}}",
            "{" + Time + "," + Source + ",\"l4\":{\"TCP\":{\"destination_port\":9081}},\"verdict\":\"DROPPED\"}",
            "{" + Source + "," + Time + "}");

        Assert.Empty(read.Errors);
        Assert.Equal([9080, 9081, 0], read.Events.Select(e => (int)e.DestinationPort));
        Assert.Equal(Verdict.Dropped, read.Events[1].Verdict);
        Assert.All(read.Events, e => Assert.Equal("productpage-v1-6b746f74dc-9rcxx", e.Source.PodName));
    }
}
