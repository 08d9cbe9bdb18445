using System.Collections.Concurrent;
using System.Text;
using AutoShield.Core.Flows;
using AutoShield.Ingestion.Hubble;
using AutoShield.Ingestion.Simulation;

namespace AutoShield.Ingestion.Tests.Simulation;

/// <summary>Simulator runs shared by the tests: events generated once per run and scenario, JSON lines streamed.</summary>
internal static class SimulatedRuns
{
    private static readonly ConcurrentDictionary<(string, int, int), Lazy<List<FlowEvent>>> Events = new();

    public static SimulationOptions Options(string scenario, int seed = 1, int seconds = 60) =>
        new() { Scenario = scenario, Seed = seed, Duration = TimeSpan.FromSeconds(seconds) };

    public static List<FlowEvent> Flows(string scenario, int seed = 1, int seconds = 60) =>
        Events.GetOrAdd((scenario, seed, seconds), key => new Lazy<List<FlowEvent>>(() =>
            new ClusterSimulator(Options(key.Item1, key.Item2, key.Item3)).Generate().ToList())).Value;

    /// <summary>The run's Hubble JSON lines, one at a time, without holding the whole file.</summary>
    public static IEnumerable<string> JsonLines(SimulationOptions options)
    {
        using var buffer = new MemoryStream();
        using var writer = new HubbleJsonWriter(buffer, options.IncludeLabels, leaveOpen: true);
        foreach (var flow in new ClusterSimulator(options).GenerateDetailed())
        {
            buffer.SetLength(0);
            writer.Write(flow.Flow, flow.Details);
            writer.Flush();
            yield return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length - 1);
        }
    }

    public static IEnumerable<string> JsonLines(string scenario, int seed = 1, int seconds = 60) => JsonLines(Options(scenario, seed, seconds));
}
