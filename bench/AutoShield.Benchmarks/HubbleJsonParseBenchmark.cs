using AutoShield.Core.Flows;
using AutoShield.Ingestion.Hubble;
using BenchmarkDotNet.Attributes;

namespace AutoShield.Benchmarks;

/// <summary>
/// Parses every real Hubble sample line (1,916 lines, about 1.4 KB each) through one warmed-up
/// <see cref="HubbleJsonReader"/>; one operation is one flow event, so Op/s reads as events per second.
/// </summary>
[MemoryDiagnoser]
[OperationsPerSecond]
public class HubbleJsonParseBenchmark
{
    /// <summary>Lines in ../shared/data/hubble/*.json; checked at setup, since OperationsPerInvoke needs a constant.</summary>
    private const int SampleLines = 1_916;

    private static readonly Google.Protobuf.JsonParser PeerParser =
        new(Google.Protobuf.JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    private HubbleJsonReader _reader = null!;
    private readonly List<string> _lines = [];
    private FlowEvent _flowEvent;
    private int _errors;

    [GlobalSetup]
    public void Setup()
    {
        var input = new MemoryStream();
        var lines = 0;
        foreach (var file in Directory.GetFiles(SamplesFolder(), "*.json").Order(StringComparer.Ordinal))
        {
            foreach (var line in File.ReadAllLines(file))
            {
                input.Write(System.Text.Encoding.UTF8.GetBytes(line + "\n"));
                _lines.Add(line);
                lines++;
            }
        }

        if (lines != SampleLines)
        {
            throw new InvalidOperationException($"expected {SampleLines} sample lines, found {lines}");
        }

        input.Position = 0;
        _reader = new HubbleJsonReader(new RewindingStream(input), "samples", _ => _errors++);

        // Warm-up pass: the pools learn every name, label list and endpoint once.
        ParseAllSamples();
    }

    [Benchmark(OperationsPerInvoke = SampleLines)]
    public long ParseAllSamples()
    {
        long checksum = 0;
        for (var i = 0; i < SampleLines; i++)
        {
            if (!_reader.TryRead(ref _flowEvent))
            {
                throw new InvalidOperationException("the rewinding stream never ends");
            }

            checksum += _flowEvent.TimeUnixNanos + _flowEvent.SourcePort;
        }

        return checksum;
    }

    /// <summary>The peer: Google.Protobuf's JsonParser, the reference protojson decoder, on the same lines.</summary>
    [Benchmark(OperationsPerInvoke = SampleLines)]
    public long PeerProtobufJsonParser()
    {
        long checksum = 0;
        foreach (var line in _lines)
        {
            var response = PeerParser.Parse<AutoShield.Ingestion.Protos.Hubble.GetFlowsResponse>(line);
            checksum += response.Flow?.Time?.Seconds ?? 0;
        }

        return checksum;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _reader.Dispose();
        if (_errors != 0)
        {
            throw new InvalidOperationException($"{_errors} sample lines failed to parse");
        }
    }

    private static string SamplesFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AutoShield.slnx")))
        {
            dir = dir.Parent;
        }

        return dir is null
            ? throw new InvalidOperationException("AutoShield.slnx not found above " + AppContext.BaseDirectory)
            : Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "hubble"));
    }
}
