using AutoShield.Detection.Models;
using AutoShield.Host.Runtime;
using AutoShield.Ingestion.Simulation;
using AutoShield.Ingestion.Sources;
using AutoShield.Testing;

namespace AutoShield.Host.Tests;

/// <summary>Runtimes over the simulator with a policy written for the test, and waiting for what they do.</summary>
internal static class TestLoops
{
    /// <summary>Contains the simulated port scanner (a pod in shop) with a NetworkPolicy at the first detection.</summary>
    public const string ContainScanner = """
        rules:
          - name: "contain-scanner"
            attack_class: "PORT_SCAN"
            severity: "high"
            confidence_threshold: 0.5
            cooldown_seconds: 1
            actions:
              - action_type: "network_policy"
                parameters:
                  direction: "egress"
                  ports: "any"
        """;

    private static readonly Lazy<DetectionModel> DefaultModel = new(() => DetectionModel.Load(Path.Combine(SharedData.RepositoryRoot, "models", "default")));

    /// <summary>The committed default model (fan-out rules alone raise only a few detections per scenario).</summary>
    public static DetectionModel Model => DefaultModel.Value;

    public static string WritePolicy(string yaml)
    {
        var directory = Directory.CreateTempSubdirectory("autoshield-host-");
        var file = Path.Combine(directory.FullName, "policy.yaml");
        File.WriteAllText(file, yaml);
        return file;
    }

    public static Func<IReadOnlyList<OpenedSource>> Simulated(string scenario = "port-scanning", int seconds = 60, int seed = 1) => () =>
    [
        OpenedSource.FromReader($"simulator ({scenario})", FlowSourceKind.Simulator, new EnumerableFlowReader(new ClusterSimulator(new SimulationOptions
        {
            Scenario = scenario,
            Duration = TimeSpan.FromSeconds(seconds),
            Seed = seed,
        }).Generate())),
    ];

    public static RuntimeOptions Options(string policyYaml, string scenario = "port-scanning") => new()
    {
        OpenSources = Simulated(scenario),
        PolicyFiles = [WritePolicy(policyYaml)],
        TickPeriod = TimeSpan.FromMilliseconds(50),
    };

    /// <summary>Waits (polling) until <paramref name="condition"/> holds; fails the test with <paramref name="what"/> after a generous limit.</summary>
    public static async Task Until(Func<bool> condition, string what, int seconds = 60)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        while (!condition())
        {
            if (limit.IsCancellationRequested)
            {
                Assert.Fail($"timed out waiting for: {what}");
            }

            await Task.Delay(20);
        }
    }
}
