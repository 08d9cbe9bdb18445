using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using AutoShield.Core.Actions;
using AutoShield.Kubernetes.Actions;
using AutoShield.Kubernetes.Client;
using AutoShield.Kubernetes.Config;
using AutoShield.Kubernetes.Fake;
using AutoShield.Kubernetes.Ledger;

namespace AutoShield.Benchmarks;

/// <summary>
/// <c>actuation-latency</c> mode: time from decision (an ActionRequest handed to the actuator) to applied object
/// (ApplyAsync returned: ledger pending → capture → policy created and pod labelled → ledger applied → Event
/// written), p50/p95/p99 over N pod_isolation and network_policy actions on distinct pods, against the in-process
/// fake API server over loopback HTTP. Target: p99 under 50 ms.
/// </summary>
internal static class ActuationLatencyHarness
{
    public static int Run(string[] args)
    {
        var count = 1000;
        var sqlite = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--count" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n) && n > 0:
                    count = n;
                    i++;
                    break;
                case "--sqlite":
                    sqlite = true;
                    break;
                default:
                    Console.Error.WriteLine("usage: actuation-latency [--count N] [--sqlite]");
                    return 2;
            }
        }

        return RunAsync(count, sqlite).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(int count, bool sqlite)
    {
        const int Warmup = 100;
        await using var server = await FakeKubernetesServer.StartAsync();
        for (var i = 0; i < count + Warmup; i++)
        {
            server.Seed(Pod($"web-{i}"));
        }

        var directory = Directory.CreateTempSubdirectory("autoshield-bench-");
        using var client = new KubernetesClient(new KubernetesConnection(server.HttpUri) { Namespace = "bench" });
        using var http = new HttpClient();
        using var sqliteLedger = sqlite ? new SqliteActionLedger(Path.Combine(directory.FullName, "ledger.db")) : null;
        IActionLedger ledger = sqliteLedger is null ? new InMemoryActionLedger() : sqliteLedger;
        var actuator = new KubernetesActuator(client, ledger, ActionRegistry.CreateDefault(new QueuedAlertSink(), http));
        var samples = new double[count];
        for (var i = 0; i < count + Warmup; i++)
        {
            var request = new ActionRequest
            {
                Id = string.Create(CultureInfo.InvariantCulture, $"b-{i}"),
                ActionType = i % 2 == 0 ? ActionType.PodIsolation : ActionType.NetworkPolicy,
                Target = new ActionTarget("Pod", "bench", string.Create(CultureInfo.InvariantCulture, $"web-{i}")),
                Requested = TimeProvider.System.GetUtcNow(),
            };
            var start = Stopwatch.GetTimestamp();
            var outcome = await actuator.ApplyAsync(request, CancellationToken.None);
            var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (outcome.State != ActionState.Applied)
            {
                Console.Error.WriteLine($"action {request.Id} {outcome.State}: {outcome.Message}");
                return 1;
            }

            if (i >= Warmup)
            {
                samples[i - Warmup] = elapsed;
            }
        }

        directory.Delete(recursive: true);
        Array.Sort(samples);
        double P(double q) => samples[Math.Min(samples.Length - 1, (int)Math.Ceiling(q * samples.Length) - 1)];
        Console.WriteLine($"machine: {Environment.ProcessorCount} logical CPUs, .NET {Environment.Version}");
        Console.WriteLine($"actions: {count} (pod_isolation and network_policy alternating, distinct pods), ledger {(sqlite ? "SQLite (WAL, synchronous=FULL)" : "in memory")}, events on, loopback HTTP");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"decision -> applied: p50 {P(0.50):F2} ms, p95 {P(0.95):F2} ms, p99 {P(0.99):F2} ms, max {samples[^1]:F2} ms"));
        var ok = P(0.99) < 50;
        Console.WriteLine($"target p99 < 50 ms: {(ok ? "met" : "MISSED")}");
        return ok ? 0 : 1;
    }

    private static JsonObject Pod(string name) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Pod",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "bench", ["labels"] = new JsonObject { ["app"] = "web" } },
        ["spec"] = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = "app", ["image"] = "nginx:1.27" }) },
    };
}
