using AutoShield.Core.Flows;
using AutoShield.Core.Net;
using AutoShield.Core.Text;
using AutoShield.Ingestion.Connections;
using BenchmarkDotNet.Attributes;

namespace AutoShield.Benchmarks;

/// <summary>
/// Connection assembly over Hubble-shaped flow events: 10,000 TCP connections of 11 events each (a policy
/// verdict and duplicate reports at a second observation point included), about 100 in flight at once.
/// </summary>
[MemoryDiagnoser]
public class ConnectionAssemblyBenchmark
{
    private const int Connections = 10_000;
    private const long ConnectionGapNanos = 1_000_000;

    private FlowEvent[] _events = [];
    private ConnectionAssembler _assembler = null!;
    private long _span;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        var names = new StringPool();
        var nodeA = names.Intern("node-a");
        var nodeB = names.Intern("node-b");
        var pods = Enumerable.Range(0, 400).Select(i => new FlowEndpoint
        {
            Namespace = names.Intern($"team-{i % 10}"),
            PodName = names.Intern($"pod-{i}"),
            Identity = (uint)(256 + (i % 10)),
        }).ToArray();

        var events = new List<FlowEvent>(Connections * 11);
        for (var c = 0; c < Connections; c++)
        {
            var client = random.Next(pods.Length);
            var server = random.Next(pods.Length);
            var clientPort = (ushort)(32_768 + (c % 28_000));
            var t = 1_700_000_000_000_000_000 + (c * ConnectionGapNanos);
            var rtt = 100_000 + random.Next(50_000_000);
            (long Offset, TcpFlags Flags, bool FromClient, FlowEventKind Kind, ObservationPoint Point, string Node)[] script =
            [
                (0, TcpFlags.Syn, true, FlowEventKind.PolicyVerdict, ObservationPoint.Unknown, nodeA),
                (1_000, TcpFlags.Syn, true, FlowEventKind.Trace, ObservationPoint.ToProxy, nodeA),
                (2_000, TcpFlags.Syn, true, FlowEventKind.Trace, ObservationPoint.ToEndpoint, nodeB),
                (rtt, TcpFlags.Syn | TcpFlags.Ack, false, FlowEventKind.Trace, ObservationPoint.ToEndpoint, nodeA),
                (rtt + 1_000, TcpFlags.Ack, true, FlowEventKind.Trace, ObservationPoint.ToProxy, nodeA),
                (rtt + 2_000, TcpFlags.Psh | TcpFlags.Ack, true, FlowEventKind.Trace, ObservationPoint.ToProxy, nodeA),
                (rtt + 3_000, TcpFlags.Psh | TcpFlags.Ack, true, FlowEventKind.Trace, ObservationPoint.ToEndpoint, nodeB),
                (2 * rtt, TcpFlags.Psh | TcpFlags.Ack, false, FlowEventKind.Trace, ObservationPoint.ToEndpoint, nodeA),
                (3 * rtt, TcpFlags.Fin | TcpFlags.Ack, true, FlowEventKind.Trace, ObservationPoint.ToProxy, nodeA),
                (3 * rtt + 500, TcpFlags.Fin | TcpFlags.Ack, false, FlowEventKind.Trace, ObservationPoint.ToEndpoint, nodeA),
                (3 * rtt + 1_000, TcpFlags.Ack, true, FlowEventKind.Trace, ObservationPoint.ToProxy, nodeA),
            ];
            foreach (var step in script)
            {
                var flowEvent = default(FlowEvent);
                flowEvent.Reset();
                flowEvent.TimeUnixNanos = t + step.Offset;
                flowEvent.Origin = FlowOrigin.Hubble;
                flowEvent.Kind = step.Kind;
                flowEvent.Verdict = Verdict.Forwarded;
                flowEvent.ObservationPoint = step.Point;
                flowEvent.NodeName = step.Node;
                flowEvent.Reply = step.FromClient ? ReplyState.Request : ReplyState.Reply;
                flowEvent.Protocol = IpProtocol.Tcp;
                flowEvent.Flags = step.Flags;
                var clientIp = IpAddr.FromV4(0x0AF4_0000u + (uint)client);
                var serverIp = IpAddr.FromV4(0x0AF5_0000u + (uint)server);
                flowEvent.SourceIp = step.FromClient ? clientIp : serverIp;
                flowEvent.DestinationIp = step.FromClient ? serverIp : clientIp;
                flowEvent.SourcePort = step.FromClient ? clientPort : (ushort)8080;
                flowEvent.DestinationPort = step.FromClient ? (ushort)8080 : clientPort;
                flowEvent.Source = step.FromClient ? pods[client] : pods[server];
                flowEvent.Destination = step.FromClient ? pods[server] : pods[client];
                events.Add(flowEvent);
            }
        }

        _events = [.. events.OrderBy(e => e.TimeUnixNanos)];
        _span = (Connections * ConnectionGapNanos) + 1_000_000_000;
        _assembler = new ConnectionAssembler(new CountingSink(), new ConnectionAssemblerOptions { InitialCapacity = 16_384 });
        Add();
    }

    [Benchmark(OperationsPerInvoke = Connections * 11)]
    public long Add()
    {
        foreach (ref var flowEvent in _events.AsSpan())
        {
            // Each pass continues the last one in time instead of replaying it.
            flowEvent.TimeUnixNanos += _span;
            _assembler.Add(flowEvent);
        }

        return _assembler.Counters.EmittedTotal;
    }

    private sealed class CountingSink : IConnectionSink
    {
        private long _synPackets;

        public void OnConnection(in Connection connection) => _synPackets += connection.SynCount;
    }
}
