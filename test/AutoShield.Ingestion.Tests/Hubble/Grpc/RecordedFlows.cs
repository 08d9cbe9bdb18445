using AutoShield.Ingestion.Protos.Hubble;
using AutoShield.Testing;
using Google.Protobuf;

namespace AutoShield.Ingestion.Tests.Hubble.Grpc;

/// <summary>The real Hubble samples in shared/data/hubble, parsed from their jsonpb lines into GetFlowsResponse messages.</summary>
internal static class RecordedFlows
{
    public const string TcpSample = "basic-sample-400-tcp-flows.json";

    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    public static IReadOnlyList<string> Files { get; } =
        [.. Directory.GetFiles(SharedData.Hubble(), "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    public static IReadOnlyList<string> Lines(string file) =>
        [.. File.ReadLines(SharedData.Hubble(file)).Where(line => line.Length > 0)];

    public static IReadOnlyList<GetFlowsResponse> Load(string file) =>
        [.. Lines(file).Select(Parser.Parse<GetFlowsResponse>)];

    /// <summary>Every recorded flow, file by file (each file is in time order).</summary>
    public static IReadOnlyList<GetFlowsResponse> LoadAll() => [.. Files.SelectMany(Load)];
}
