using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using AutoShield.Ingestion.Simulation;
using AutoShield.Testing;

namespace AutoShield.Ingestion.Tests.Simulation;

/// <summary>
/// The simulator's output must not drift from what Cilium writes: every property path it emits must occur in the
/// real samples in shared/data/hubble, with the same kind of JSON value. A few fields of flow.proto are absent from
/// those 1,916 benign lines but listed in the samples' README field guide; they are allowed by name below.
/// </summary>
public sealed partial class HubbleSchemaAgreementTests
{
    /// <summary>Documented in shared/data/hubble/README.md, absent from the samples (no drops, no RSTs, no services there).</summary>
    private static readonly Dictionary<string, JsonValueKind> DocumentedButUnsampled = new(StringComparer.Ordinal)
    {
        ["flow.drop_reason_desc"] = JsonValueKind.String,
        ["flow.l4.TCP.flags.RST"] = JsonValueKind.True,
        ["flow.l4.ICMPv4.code"] = JsonValueKind.Number,
        ["flow.source.workloads[].name"] = JsonValueKind.String,
        ["flow.source.workloads[].kind"] = JsonValueKind.String,
        ["flow.destination.workloads[].name"] = JsonValueKind.String,
        ["flow.destination.workloads[].kind"] = JsonValueKind.String,
        ["flow.source_service.name"] = JsonValueKind.String,
        ["flow.source_service.namespace"] = JsonValueKind.String,
        ["flow.destination_service.name"] = JsonValueKind.String,
        ["flow.destination_service.namespace"] = JsonValueKind.String,
    };

    private static readonly Lazy<Dictionary<string, HashSet<JsonValueKind>>> RealPaths = new(() =>
    {
        var files = Directory.GetFiles(SharedData.Hubble(), "*.json");
        var paths = new Dictionary<string, HashSet<JsonValueKind>>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (var line in File.ReadLines(file).Where(l => l.Length > 0))
            {
                using var doc = JsonDocument.Parse(line);
                Collect(doc.RootElement, "", paths);
            }
        }

        return paths;
    });

    private static readonly ConcurrentDictionary<string, Lazy<Dictionary<string, HashSet<JsonValueKind>>>> Emitted = new(StringComparer.Ordinal);

    public static TheoryData<string> AllScenarios => new(Scenarios.All.Select(s => s.Name));

    [Fact]
    public void RealSamples_AreThere_WithTheFieldsThisTestRelies()
    {
        var paths = RealPaths.Value;

        Assert.True(paths.Count > 50, $"{paths.Count} paths in the real samples");
        Assert.Contains("flow.l4.TCP.flags.SYN", paths.Keys);
        Assert.Contains("flow.l7.dns.query", paths.Keys);
    }

    [Theory]
    [MemberData(nameof(AllScenarios))]
    public void SimulatorOutput_EveryPropertyPath_OccursInRealSamples(string scenario)
    {
        var emitted = EmittedPaths(scenario);

        var unknown = emitted.Keys.Where(p => !RealPaths.Value.ContainsKey(p) && !DocumentedButUnsampled.ContainsKey(p)).Order().ToList();

        Assert.True(unknown.Count == 0, "paths Hubble does not write: " + string.Join(", ", unknown));
    }

    [Theory]
    [MemberData(nameof(AllScenarios))]
    public void SimulatorOutput_ValueKinds_MatchRealSamples(string scenario)
    {
        var mismatches = new List<string>();
        foreach (var (path, kinds) in EmittedPaths(scenario))
        {
            var allowed = RealPaths.Value.TryGetValue(path, out var real) ? real : [DocumentedButUnsampled[path]];
            foreach (var kind in kinds.Where(k => !allowed.Contains(k)))
            {
                mismatches.Add($"{path}: {kind}, real {string.Join("/", allowed)}");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("; ", mismatches));
    }

    [Fact]
    public void SimulatorOutput_CoversTheRealShapesItModels()
    {
        var emitted = EmittedPaths(Scenarios.Mixed).Keys.Concat(EmittedPaths(Scenarios.PortScanning).Keys).ToHashSet();

        string[] expected =
        [
            "flow.ethernet.source", "flow.l4.TCP.flags.PSH", "flow.l4.UDP.destination_port", "flow.l7.dns.ips[]", "flow.l7.dns.rcode",
            "flow.l7.dns.rrtypes[]", "flow.l7.http.code", "flow.l7.http.headers[].key", "flow.l7.latency_ns", "flow.source.ID",
            "flow.policy_match_type", "flow.reply", "flow.is_reply", "flow.event_type.sub_type", "flow.trace_observation_point",
            "flow.drop_reason_desc", "flow.l4.TCP.flags.RST", "flow.destination_service.name", "flow.source.workloads[].kind",
        ];
        Assert.All(expected, path => Assert.Contains(path, emitted));
    }

    [Fact]
    public void SimulatorOutput_HasNoByteOrPacketCounts()
    {
        var names = new[] { Scenarios.Mixed, Scenarios.DataExfiltration }
            .SelectMany(s => EmittedPaths(s).Keys)
            .Where(path => CountLike().IsMatch(path.Split('.')[^1]))
            .ToList();

        Assert.Empty(names);
    }

    [GeneratedRegex("byte|packet|length|size|count", RegexOptions.IgnoreCase)]
    private static partial Regex CountLike();

    private static Dictionary<string, HashSet<JsonValueKind>> EmittedPaths(string scenario) =>
        Emitted.GetOrAdd(scenario, name => new Lazy<Dictionary<string, HashSet<JsonValueKind>>>(() =>
        {
            var paths = new Dictionary<string, HashSet<JsonValueKind>>(StringComparer.Ordinal);
            foreach (var line in SimulatedRuns.JsonLines(name))
            {
                using var doc = JsonDocument.Parse(line);
                Collect(doc.RootElement, "", paths);
            }

            Assert.NotEmpty(paths);
            return paths.Where(p => !p.Key.StartsWith("autoshield", StringComparison.Ordinal))
                .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        })).Value;

    /// <summary>Every leaf's path (array indices collapsed to <c>[]</c>) and the kinds of value seen there.</summary>
    private static void Collect(JsonElement element, string path, Dictionary<string, HashSet<JsonValueKind>> paths)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var empty = true;
                foreach (var property in element.EnumerateObject())
                {
                    empty = false;
                    Collect(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}", paths);
                }

                if (empty)
                {
                    Add(paths, path, JsonValueKind.Object);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, path + "[]", paths);
                }

                break;
            default:
                Add(paths, path, element.ValueKind);
                break;
        }
    }

    private static void Add(Dictionary<string, HashSet<JsonValueKind>> paths, string path, JsonValueKind kind)
    {
        if (!paths.TryGetValue(path, out var kinds))
        {
            paths[path] = kinds = [];
        }

        kinds.Add(kind);
    }
}
