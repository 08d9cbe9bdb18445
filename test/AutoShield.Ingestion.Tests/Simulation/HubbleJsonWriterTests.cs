using System.Text;
using System.Text.Json;
using AutoShield.Core.Flows;
using AutoShield.Core.Net;
using AutoShield.Ingestion.Hubble;
using AutoShield.Ingestion.Simulation;

namespace AutoShield.Ingestion.Tests.Simulation;

public sealed class HubbleJsonWriterTests
{
    private static readonly LabelSet ReviewsLabels = new(["k8s:app=reviews", "k8s:io.kubernetes.pod.namespace=bookinfo"]);

    [Fact]
    public void Write_TcpTraceToHost_MatchesHubbleFieldLayout()
    {
        var flow = Some.Flow();
        flow.Flags = TcpFlags.Fin | TcpFlags.Ack;
        flow.Reply = ReplyState.Reply;
        flow.ObservationPoint = ObservationPoint.ToStack;
        flow.Direction = TrafficDirection.Ingress;
        var details = new HubbleFlowDetails { SourceEndpointId = 1231, SourceMac = "46:e5:ea:1f:95:ff", DestinationMac = "d6:ec:b0:4a:ff:46" };

        var line = WriteOne(flow, details);

        Assert.Equal(
            "{\"flow\":{\"time\":\"2021-06-16T16:52:13.136834446Z\",\"verdict\":\"FORWARDED\","
            + "\"ethernet\":{\"source\":\"46:e5:ea:1f:95:ff\",\"destination\":\"d6:ec:b0:4a:ff:46\"},"
            + "\"IP\":{\"source\":\"10.0.2.16\",\"destination\":\"10.0.2.1\",\"ipVersion\":\"IPv4\"},"
            + "\"l4\":{\"TCP\":{\"source_port\":15020,\"destination_port\":42044,\"flags\":{\"FIN\":true,\"ACK\":true}}},"
            + "\"source\":{\"ID\":1231,\"identity\":25339,\"namespace\":\"bookinfo\",\"labels\":[\"k8s:app=reviews\",\"k8s:io.kubernetes.pod.namespace=bookinfo\"],"
            + "\"pod_name\":\"reviews-v1-545db77b95-s6jb8\",\"workloads\":[{\"name\":\"reviews-v1\",\"kind\":\"Deployment\"}]},"
            + "\"destination\":{\"identity\":1,\"labels\":[\"reserved:host\"]},"
            + "\"Type\":\"L3_L4\",\"node_name\":\"gke-node-zr1l\",\"reply\":true,\"event_type\":{\"type\":4,\"sub_type\":3},"
            + "\"traffic_direction\":\"INGRESS\",\"trace_observation_point\":\"TO_STACK\",\"is_reply\":true,\"Summary\":\"TCP Flags: ACK, FIN\"},"
            + "\"node_name\":\"gke-node-zr1l\",\"time\":\"2021-06-16T16:52:13.136834446Z\"}",
            line);
    }

    [Fact]
    public void Write_ToEndpoint_HasNoSubTypeAndWholeSecondsKeepNineDigits()
    {
        var flow = Some.Flow();
        flow.TimeUnixNanos = 1_767_603_600_000_000_000;
        flow.ObservationPoint = ObservationPoint.ToEndpoint;

        using var doc = JsonDocument.Parse(WriteOne(flow));
        var f = doc.RootElement.GetProperty("flow");

        Assert.Equal("2026-01-05T09:00:00.000000000Z", f.GetProperty("time").GetString());
        Assert.False(f.GetProperty("event_type").TryGetProperty("sub_type", out _));
        Assert.Equal("TO_ENDPOINT", f.GetProperty("trace_observation_point").GetString());
    }

    [Fact]
    public void Write_PolicyDrop_WritesDropReasonAndDropEventType()
    {
        var flow = Some.Flow();
        flow.Kind = FlowEventKind.Drop;
        flow.Verdict = Verdict.Dropped;
        flow.DropReason = "POLICY_DENIED";
        flow.Flags = TcpFlags.Syn;
        flow.Reply = ReplyState.Unknown;
        flow.Direction = TrafficDirection.Ingress;

        using var doc = JsonDocument.Parse(WriteOne(flow));
        var f = doc.RootElement.GetProperty("flow");

        Assert.Equal("DROPPED", f.GetProperty("verdict").GetString());
        Assert.Equal("POLICY_DENIED", f.GetProperty("drop_reason_desc").GetString());
        Assert.Equal(1, f.GetProperty("event_type").GetProperty("type").GetInt32());
        Assert.Equal(133, f.GetProperty("event_type").GetProperty("sub_type").GetInt32());
        Assert.False(f.TryGetProperty("is_reply", out _));
        Assert.False(f.TryGetProperty("trace_observation_point", out _));
        Assert.Equal("TCP Flags: SYN", f.GetProperty("Summary").GetString());
    }

    [Fact]
    public void Write_HttpResponse_WritesLatencyAsStringAndHubbleSummary()
    {
        var flow = Some.Flow();
        flow.Kind = FlowEventKind.L7;
        flow.Reply = ReplyState.Reply;
        flow.Direction = TrafficDirection.Egress;
        flow.L7 = new L7Info
        {
            Protocol = L7Protocol.Http,
            Type = L7FlowType.Response,
            LatencyNanos = 999_958_359,
            HttpCode = 503,
            HttpMethod = "GET",
            HttpUrl = "http://10.156.1.2:9253/metrics",
            HttpProtocol = "HTTP/1.1",
            DnsRcode = -1,
        };
        var details = new HubbleFlowDetails { HttpHeaders = [new("Accept-Encoding", "gzip")], SourceMac = "aa:aa:aa:aa:aa:aa", DestinationMac = "bb:bb:bb:bb:bb:bb" };

        using var doc = JsonDocument.Parse(WriteOne(flow, details));
        var f = doc.RootElement.GetProperty("flow");

        Assert.Equal("L7", f.GetProperty("Type").GetString());
        Assert.Equal("999958359", f.GetProperty("l7").GetProperty("latency_ns").GetString());
        Assert.Equal(503, f.GetProperty("l7").GetProperty("http").GetProperty("code").GetInt32());
        Assert.Equal("gzip", f.GetProperty("l7").GetProperty("http").GetProperty("headers")[0].GetProperty("value").GetString());
        Assert.Equal("HTTP/1.1 503 999ms (GET http://10.156.1.2:9253/metrics)", f.GetProperty("Summary").GetString());
        Assert.Equal(129, f.GetProperty("event_type").GetProperty("type").GetInt32());
        Assert.False(f.TryGetProperty("ethernet", out _), "L7 events carry no ethernet header");
        Assert.False(f.GetProperty("l4").GetProperty("TCP").TryGetProperty("flags", out _));
    }

    [Theory]
    [InlineData(3, null, 4294967295u, "DNS Answer RCode: Non-Existent Domain TTL: 4294967295 (Proxy a.svc.cluster.local. A)")]
    [InlineData(0, null, 4294967295u, "DNS Answer  TTL: 4294967295 (Proxy a.svc.cluster.local. A)")]
    [InlineData(0, "10.96.0.10", 30u, "DNS Answer \"10.96.0.10\" TTL: 30 (Proxy a.svc.cluster.local. A)")]
    public void Write_DnsAnswer_SummaryWordedLikeHubble(int rcode, string? ip, uint ttl, string summary)
    {
        var flow = Some.Flow();
        flow.Protocol = IpProtocol.Udp;
        flow.Kind = FlowEventKind.L7;
        flow.L7 = new L7Info { Protocol = L7Protocol.Dns, Type = L7FlowType.Response, DnsQuery = "a.svc.cluster.local.", DnsRcode = rcode };
        var details = new HubbleFlowDetails
        {
            DnsQueryType = "A",
            DnsIps = ip is null ? null : [ip],
            DnsAnswerTypes = ip is null ? null : ["A"],
            DnsTtl = ttl,
        };

        using var doc = JsonDocument.Parse(WriteOne(flow, details));
        var f = doc.RootElement.GetProperty("flow");

        Assert.Equal(summary, f.GetProperty("Summary").GetString());
        Assert.Equal(rcode != 0, f.GetProperty("l7").GetProperty("dns").TryGetProperty("rcode", out _));
        Assert.Equal("proxy", f.GetProperty("l7").GetProperty("dns").GetProperty("observation_source").GetString());
    }

    [Fact]
    public void Write_EventWithPayloadBytesAndCounts_WritesNoByteOrPacketField()
    {
        var flow = Some.Flow();
        flow.PayloadBytes = 1448;
        flow.Counts = new ConnectionCounts { ForwardBytes = 10, BackwardBytes = 20, ForwardPackets = 1, BackwardPackets = 2 };

        var line = WriteOne(flow);

        Assert.DoesNotContain("1448", line, StringComparison.Ordinal);
        Assert.DoesNotContain("byte", line, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("packet", line, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Write_LabelledEvent_AddsGroundTruthUnlessDisabled()
    {
        var flow = Some.Flow();
        flow.Label = AttackLabels.PortScan;
        var details = new HubbleFlowDetails { Scenario = Scenarios.PortScanning };

        using var labelled = JsonDocument.Parse(WriteOne(flow, details));
        var unlabelled = WriteOne(flow, details, includeGroundTruth: false);

        var truth = labelled.RootElement.GetProperty("autoshield");
        Assert.Equal("PORT_SCAN", truth.GetProperty("label").GetString());
        Assert.Equal("port-scanning", truth.GetProperty("scenario").GetString());
        Assert.DoesNotContain("autoshield", unlabelled, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_IcmpEchoReply_WritesEmptyIcmpObjectLikeProtobufJson()
    {
        var flow = Some.Flow();
        flow.Protocol = IpProtocol.Icmp;
        flow.SourcePort = 0;
        flow.DestinationPort = 0;

        using var doc = JsonDocument.Parse(WriteOne(flow));
        var f = doc.RootElement.GetProperty("flow");

        Assert.Equal("{}", f.GetProperty("l4").GetProperty("ICMPv4").GetRawText());
        Assert.Equal("ICMPv4 EchoReply", f.GetProperty("Summary").GetString());
    }

    [Fact]
    public void Write_ManyEvents_OneLfTerminatedLineEach()
    {
        using var stream = new MemoryStream();
        using (var writer = new HubbleJsonWriter(stream, leaveOpen: true))
        {
            for (var i = 0; i < 5_000; i++)
            {
                var flow = Some.Flow();
                flow.TimeUnixNanos += i;
                writer.Write(flow);
            }

            Assert.Equal(5_000, writer.EventsWritten);
        }

        var text = Encoding.UTF8.GetString(stream.ToArray());
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", text, StringComparison.Ordinal);
        Assert.Equal(5_000, text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Write_SimulatedRun_EveryLineCarriesItsEventsFields()
    {
        var options = SimulatedRuns.Options(Scenarios.Mixed, seed: 5, seconds: 10);
        var flows = new ClusterSimulator(options).Generate().ToList();
        var lines = SimulatedRuns.JsonLines(options).ToList();

        Assert.Equal(flows.Count, lines.Count);
        for (var i = 0; i < flows.Count; i++)
        {
            var expected = flows[i];
            using var doc = JsonDocument.Parse(lines[i]);
            var f = doc.RootElement.GetProperty("flow");
            Assert.Equal(expected.TimeUnixNanos, ParseNanos(f.GetProperty("time").GetString()!));
            Assert.Equal(expected.SourceIp.ToString(), f.GetProperty("IP").GetProperty("source").GetString());
            Assert.Equal(expected.DestinationIp.ToString(), f.GetProperty("IP").GetProperty("destination").GetString());
            Assert.Equal(expected.NodeName, f.GetProperty("node_name").GetString());
            Assert.Equal(expected.Source.Identity, f.GetProperty("source").GetProperty("identity").GetUInt32());
            Assert.Equal(expected.Destination.PodName, f.GetProperty("destination").TryGetProperty("pod_name", out var pod) ? pod.GetString() : null);
            Assert.Equal(expected.Label, doc.RootElement.GetProperty("autoshield").GetProperty("label").GetString());
            if (expected.Protocol == IpProtocol.Tcp && expected.Kind != FlowEventKind.L7)
            {
                var tcp = f.GetProperty("l4").GetProperty("TCP");
                Assert.Equal(expected.DestinationPort, tcp.GetProperty("destination_port").GetUInt16());
                var flags = tcp.GetProperty("flags").EnumerateObject().Select(p => p.Name).Order().ToList();
                Assert.Equal(expected.Flags.ToString().ToUpperInvariant().Split(", ").Order(), flags);
            }
        }
    }

    private static long ParseNanos(string time)
    {
        // 2026-01-05T09:00:00.123456789Z: whole seconds, then nine digits.
        var seconds = DateTimeOffset.ParseExact(time[..19] + "Z", "yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal).ToUnixTimeSeconds();
        Assert.Equal(30, time.Length);
        return (seconds * 1_000_000_000) + long.Parse(time[20..29], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string WriteOne(in FlowEvent flow, HubbleFlowDetails? details = null, bool includeGroundTruth = true)
    {
        using var stream = new MemoryStream();
        using (var writer = new HubbleJsonWriter(stream, includeGroundTruth, leaveOpen: true))
        {
            writer.Write(flow, details);
        }

        var text = Encoding.UTF8.GetString(stream.ToArray());
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        return text.TrimEnd('\n');
    }

    private static class Some
    {
        /// <summary>The first flow of basic-sample-10-flows.json, before the test changes it.</summary>
        public static FlowEvent Flow()
        {
            var flow = default(FlowEvent);
            flow.Reset();
            flow.TimeUnixNanos = 1_623_862_333_136_834_446;
            flow.Kind = FlowEventKind.Trace;
            flow.Verdict = Verdict.Forwarded;
            flow.NodeName = "gke-node-zr1l";
            flow.SourceIp = IpAddr.Parse("10.0.2.16");
            flow.DestinationIp = IpAddr.Parse("10.0.2.1");
            flow.SourcePort = 15020;
            flow.DestinationPort = 42044;
            flow.Protocol = IpProtocol.Tcp;
            flow.Source = new FlowEndpoint
            {
                Namespace = "bookinfo",
                PodName = "reviews-v1-545db77b95-s6jb8",
                Workload = "reviews-v1",
                WorkloadKind = "Deployment",
                Identity = 25339,
                Labels = ReviewsLabels,
            };
            flow.Destination = new FlowEndpoint { Identity = 1, Labels = new LabelSet(["reserved:host"]) };
            return flow;
        }
    }
}
