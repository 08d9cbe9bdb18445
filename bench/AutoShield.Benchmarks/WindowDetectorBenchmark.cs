using AutoShield.Core.Flows;
using AutoShield.Core.Net;
using AutoShield.Core.Text;
using AutoShield.Detection.Networks;
using AutoShield.Detection.Runtime;
using AutoShield.Ingestion.Windows;
using BenchmarkDotNet.Attributes;

namespace AutoShield.Benchmarks;

/// <summary>
/// The detector path per window: window and fan-out updates, then <see cref="WindowDetector.OnWindow"/> with the
/// shipped CNN-LSTM (32/3/32) and autoencoder (64/16), fan-out rules on, over 2,000 benign connections across 200
/// pod pairs that raise nothing (the steady state of a quiet cluster). <see cref="StoresOnly"/> is the ingestion
/// share to subtract; <see cref="DetectorBatched"/> is the offline batch path (64 windows per pass). Target:
/// 0 bytes allocated per window.
/// </summary>
[MemoryDiagnoser]
public class WindowDetectorBenchmark
{
    private const int Connections = 2_000;
    private const long StepNanos = 5_000_000;

    private Connection[] _stream = [];
    private long _span;
    private Lane _storesOnly = null!;
    private Lane _single = null!;
    private Lane _batched = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        var names = new StringPool();
        var clients = Enumerable.Range(0, 40).Select(i => Pod(names, $"client-{i}", 300u + (uint)i)).ToArray();
        var servers = Enumerable.Range(0, 5).Select(i => Pod(names, $"server-{i}", 400u + (uint)i)).ToArray();
        _stream = new Connection[Connections];
        for (var i = 0; i < Connections; i++)
        {
            var client = random.Next(clients.Length);
            var server = random.Next(servers.Length);
            ref var c = ref _stream[i];
            c.Origin = FlowOrigin.Hubble;
            c.Protocol = IpProtocol.Tcp;
            c.Initiator = clients[client];
            c.Responder = servers[server];
            c.InitiatorIp = IpAddr.FromV4(0x0AF4_0000u + (uint)client);
            c.ResponderIp = IpAddr.FromV4(0x0AF5_0000u + (uint)server);
            c.InitiatorPort = (ushort)random.Next(32_768, 61_000);
            c.ResponderPort = 8080;
            c.StartUnixNanos = 1_700_000_000_000_000_000 + (i * StepNanos);
            c.EndUnixNanos = c.StartUnixNanos + random.Next(1_000_000, 50_000_000);
            c.SynCount = 2;
            c.AckCount = random.Next(3, 12);
            c.FinCount = 2;
            c.BytesSent = -1;
            c.BytesReceived = -1;
            c.HandshakeCompleted = true;
            c.DnsRcode = -1;
            c.End = ConnectionEnd.Fin;
        }

        _span = Connections * StepNanos;
        var model = InferenceFixture.Model(new CnnLstmSpec(), new AutoencoderSpec());

        // Untrained weights: no class reaches 0.5 and the anomaly verdict is off, so nothing is raised.
        var options = new WindowDetectorOptions { UseAnomaly = false };
        _storesOnly = new Lane(_stream, null);
        _single = new Lane(_stream, new WindowDetector(model, new DetectionCollector(), options));
        _batched = new Lane(_stream, new WindowDetector(model, new DetectionCollector(), options with { BatchSize = 64 }));
        StoresOnly();
        Detector();
        DetectorBatched();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Connections)]
    public long StoresOnly() => _storesOnly.Run(_span);

    [Benchmark(OperationsPerInvoke = Connections)]
    public long Detector() => _single.Run(_span);

    [Benchmark(OperationsPerInvoke = Connections)]
    public long DetectorBatched() => _batched.Run(_span);

    private static FlowEndpoint Pod(StringPool names, string name, uint identity) => new()
    {
        Namespace = names.Intern("shop"),
        PodName = names.Intern(name),
        Workload = names.Intern(name[..name.IndexOf('-', StringComparison.Ordinal)]),
        Identity = identity,
    };

    /// <summary>One copy of the stream with its own stores and detector, moved forward in time on every pass.</summary>
    private sealed class Lane(Connection[] stream, WindowDetector? detector)
    {
        private readonly Connection[] _stream = (Connection[])stream.Clone();
        private readonly WindowStore _windows = new();
        private readonly FanOutStore _fanOut = new();

        public long Run(long span)
        {
            var rows = 0L;
            foreach (ref var connection in _stream.AsSpan())
            {
                connection.StartUnixNanos += span;
                connection.EndUnixNanos += span;
                var window = _windows.Update(connection);
                var fanOut = _fanOut.Update(connection);
                detector?.OnWindow(connection, window, fanOut);
                rows += window.RowCount;
            }

            detector?.Flush();
            if (detector is { Counters.Raised: > 0 })
            {
                throw new InvalidOperationException("the benchmark stream must raise nothing");
            }

            return rows;
        }
    }
}
