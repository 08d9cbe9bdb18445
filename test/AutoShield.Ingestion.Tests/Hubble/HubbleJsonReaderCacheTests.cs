using System.Text;
using AutoShield.Core.Flows;
using AutoShield.Ingestion.Hubble;
using AutoShield.Testing;

namespace AutoShield.Ingestion.Tests.Hubble;

/// <summary>The reader's caches (endpoints, addresses, runs of stable fields) must never change what a line reads as.</summary>
public sealed class HubbleJsonReaderCacheTests
{
    private const string Time = "\"time\":\"2024-05-01T12:00:00Z\"";

    private static readonly HubbleJsonReaderOptions Tiny = new() { ObjectCacheCapacity = 16, StringPoolCapacity = 64, LabelSetPoolCapacity = 16 };

    [Fact]
    public void TryRead_EveryRealLineWarmedUp_ReadsExactlyAsOnItsOwn()
    {
        // Arrange: one reader that has seen every line once (so its caches hit), against a fresh reader per line.
        var lines = Directory.GetFiles(SharedData.Hubble(), "*.json").Order(StringComparer.Ordinal).SelectMany(File.ReadLines).ToList();
        var warm = HubbleRead.Text(string.Join('\n', lines.Concat(lines)) + "\n");

        // Act
        var alone = lines.Select(line => HubbleRead.Text(line, Tiny).Single()).ToList();

        // Assert
        Assert.Empty(warm.Errors);
        Assert.Equal(2 * lines.Count, warm.Events.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            Assert.Equal(alone[i], warm.Events[lines.Count + i]);
            Assert.Equal(alone[i], warm.Events[i]);
        }
    }

    [Fact]
    public void TryRead_TinyCachesChurning_ReadsTheSameAsDefaultCaches()
    {
        var text = File.ReadAllText(SharedData.Hubble("basic-sample-400-l7-redirected-flows.json"));

        var churning = HubbleRead.Text(text, Tiny);
        var roomy = HubbleRead.Text(text);

        Assert.Empty(churning.Errors);
        Assert.Equal(roomy.Events, churning.Events);
    }

    [Fact]
    public void TryRead_SameStableFieldsDifferentVolatileOnes_EachLineKeepsItsOwnVolatileValues()
    {
        static string Line(int port, string flags, string summary) =>
            "{\"flow\":{" + Time + ",\"verdict\":\"FORWARDED\",\"IP\":{\"source\":\"10.0.0.1\",\"destination\":\"10.0.0.2\",\"ipVersion\":\"IPv4\"},"
            + "\"l4\":{\"TCP\":{\"source_port\":" + port + ",\"destination_port\":80,\"flags\":{" + flags + "}}},"
            + "\"source\":{\"identity\":300,\"namespace\":\"web\",\"labels\":[\"k8s:app=front\",\"k8s:io.kubernetes.pod.namespace=web\"],\"pod_name\":\"front-1\"},"
            + "\"Type\":\"L3_L4\",\"node_name\":\"n1\",\"event_type\":{\"type\":4},\"traffic_direction\":\"EGRESS\",\"is_reply\":false,"
            + "\"Summary\":\"" + summary + "\"},\"node_name\":\"n1\"," + Time + "}";

        var read = HubbleRead.Lines(Line(1000, "\"SYN\":true", "a"), Line(1001, "\"ACK\":true", "bb"), Line(1002, "\"FIN\":true,\"ACK\":true", "c"));

        Assert.Empty(read.Errors);
        Assert.Equal([1000, 1001, 1002], read.Events.Select(e => (int)e.SourcePort));
        Assert.Equal([TcpFlags.Syn, TcpFlags.Ack, TcpFlags.Fin | TcpFlags.Ack], read.Events.Select(e => e.Flags));
        Assert.All(read.Events, e =>
        {
            Assert.Equal("front-1", e.Source.PodName);
            Assert.Equal(TrafficDirection.Egress, e.Direction);
            Assert.Equal(ReplyState.Request, e.Reply);
            Assert.Equal("n1", e.NodeName);
        });
    }

    [Fact]
    public void TryRead_StableFieldsDifferingInOneValue_DoNotShareARun()
    {
        static string Line(string direction, string reply) =>
            "{\"flow\":{" + Time + ",\"l4\":{\"UDP\":{\"source_port\":53}},\"source\":{\"identity\":2,\"labels\":[\"reserved:world\"]},"
            + "\"Type\":\"L3_L4\",\"node_name\":\"node-a\",\"event_type\":{\"type\":4,\"sub_type\":3},\"traffic_direction\":\"" + direction + "\","
            + "\"is_reply\":" + reply + ",\"Summary\":\"UDP\"},\"node_name\":\"node-a\"," + Time + "}";

        var read = HubbleRead.Lines(Line("EGRESS", "false"), Line("INGRESS", "false"), Line("EGRESS", "true"), Line("EGRESS", "false"));

        Assert.Empty(read.Errors);
        Assert.Equal(
            [TrafficDirection.Egress, TrafficDirection.Ingress, TrafficDirection.Egress, TrafficDirection.Egress],
            read.Events.Select(e => e.Direction));
        Assert.Equal([ReplyState.Request, ReplyState.Request, ReplyState.Reply, ReplyState.Request], read.Events.Select(e => e.Reply));
    }

    [Fact]
    public void TryRead_ErrorsAroundACachedRun_AreStillFoundAndPlaced()
    {
        var sample = File.ReadLines(SharedData.Hubble("basic-sample-400-tcp-flows.json")).First();
        var badSummary = sample.Replace("\"Summary\":\"TCP Flags: ACK\"", "\"Summary\":\"TCP Flags: ACK\",]", StringComparison.Ordinal);
        var badPort = sample.Replace("\"source_port\":35128", "\"source_port\":\"x\"", StringComparison.Ordinal);
        var badWrapperTime = sample[..sample.LastIndexOf("\"time\"", StringComparison.Ordinal)] + "\"time\":\"soon\"}";

        var read = HubbleRead.Lines(sample, badSummary, badPort, badWrapperTime, sample);

        Assert.Equal(2, read.Events.Count);
        Assert.Equal([2L, 3, 4], read.Errors.Select(e => e.Line));
        Assert.StartsWith("invalid JSON at byte", read.Errors[0].Message, StringComparison.Ordinal);
        Assert.StartsWith("flow.l4.TCP.source_port", read.Errors[1].Message, StringComparison.Ordinal);
        Assert.StartsWith("time: expected an RFC 3339 timestamp", read.Errors[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_WrapperFieldsBeforeTheFlow_ReadTheSame()
    {
        var sample = File.ReadLines(SharedData.Hubble("basic-sample-400-tcp-flows.json")).First();
        var flowEnd = sample.LastIndexOf("},\"node_name\"", StringComparison.Ordinal) + 1;
        var reordered = "{" + sample[(flowEnd + 1)..^1] + "," + sample[1..flowEnd] + "}";

        var read = HubbleRead.Lines(sample, reordered, reordered, sample);

        Assert.Empty(read.Errors);
        Assert.All(read.Events, e => Assert.Equal(read.Events[0], e));
        Assert.Equal(Encoding.UTF8.GetByteCount(sample), Encoding.UTF8.GetByteCount(reordered));
    }
}
