using System.Text;
using System.Text.Json;
using AutoShield.Core.Flows;
using AutoShield.Ingestion.Tetragon;
using AutoShield.Testing;

namespace AutoShield.Ingestion.Tests.Tetragon;

/// <summary>The real Tetragon samples in shared/data/tetragon and helpers to read text through the readers.</summary>
internal static class TetragonSamples
{
    public const string GoldenExec = "00_four_golden_signals__process_exec.json";
    public const string GoldenKprobe = "00_four_golden_signals__process_kprobe.json";
    public const string GoldenConnect = "00_four_golden_signals__process_connect.json";
    public const string GoldenClose = "00_four_golden_signals__process_close.json";
    public const string GoldenListen = "00_four_golden_signals__process_listen.json";
    public const string NcClose = "00_process_lifecycle__nc_process_close.json";
    public const string CatKprobe = "00_process_lifecycle__cat_process_kprobe.json";
    public const string Nsenter = "03_security_observability_events__01_reaching_the_host_namespace__privileged-pod-nsenter.json";
    public const string MerlinJobClose = "03_security_observability_events__02_persistance__merlin-agent-job-close.json";
    public const string NdjsonEvents = "testdata_events.json";

    public static IReadOnlyList<string> Files { get; } =
        [.. Directory.GetFiles(SharedData.Tetragon(), "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    public static string Text(string file) => File.ReadAllText(SharedData.Tetragon(file));

    /// <summary>Every sample file's content, one after another, exactly as a `cat` of the files would give.</summary>
    public static string AllConcatenated() => string.Concat(Files.Select(Text));

    /// <summary>Every sample event re-serialised compactly, one per line, as Tetragon's export file writes them.</summary>
    public static string AllAsNdjson()
    {
        var lines = new StringBuilder();
        foreach (var file in Files)
        {
            foreach (var json in EventsOf(file))
            {
                using var document = JsonDocument.Parse(json);
                lines.Append(JsonSerializer.Serialize(document.RootElement)).Append('\n');
            }
        }

        return lines.ToString();
    }

    public static TetragonEvent Single(string file)
    {
        var (events, errors) = Read(Text(file));
        Assert.Empty(errors);
        return Assert.Single(events);
    }

    public static (List<TetragonEvent> Events, List<ParseError> Errors) Read(string text, TetragonReaderOptions? options = null) =>
        Read(Encoding.UTF8.GetBytes(text), options);

    public static (List<TetragonEvent> Events, List<ParseError> Errors) Read(byte[] bytes, TetragonReaderOptions? options = null)
    {
        var errors = new List<ParseError>();
        var events = new List<TetragonEvent>();
        using var reader = new TetragonJsonReader(new MemoryStream(bytes), "test.json", errors.Add, options);
        while (reader.TryRead(out var e))
        {
            events.Add(e);
        }

        Assert.Equal(events.Count, reader.Counters.Good);
        Assert.Equal(errors.Count, reader.Counters.Bad);
        return (events, errors);
    }

    public static (List<FlowEvent> Flows, List<ParseError> Errors, SourceCounters Counters) ReadFlows(string text)
    {
        var errors = new List<ParseError>();
        var flows = new List<FlowEvent>();
        using var reader = new TetragonFlowReader(new MemoryStream(Encoding.UTF8.GetBytes(text)), "test.json", errors.Add);
        var flow = default(FlowEvent);
        while (reader.TryRead(ref flow))
        {
            flows.Add(flow);
        }

        return (flows, errors, reader.Counters);
    }

    private static IEnumerable<string> EventsOf(string file) => file == NdjsonEvents
        ? Text(file).Split('\n', StringSplitOptions.RemoveEmptyEntries)
        : [Text(file)];
}
