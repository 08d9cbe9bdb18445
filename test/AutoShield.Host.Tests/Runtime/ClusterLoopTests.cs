using System.Text.Json.Nodes;
using AutoShield.Core.Actions;
using AutoShield.Host.Runtime;
using AutoShield.Ingestion.Simulation;
using AutoShield.Kubernetes.Config;
using AutoShield.Kubernetes.Effects;
using AutoShield.Kubernetes.Fake;
using AutoShield.Kubernetes.Leadership;
using AutoShield.Policy.Safety;

namespace AutoShield.Host.Tests.Runtime;

/// <summary>The loop acting on a cluster: the in-process fake API server, the real actuator, ledger, pod cache and Lease.</summary>
public sealed class ClusterLoopTests
{
    [Fact]
    public async Task Loop_ActionDoesNotStopTheAttack_EffectCheckRecordsItAndEscalates()
    {
        await using var server = await FakeKubernetesServer.StartAsync();
        var (ns, pod) = SeedScanner(server);
        using var cluster = new ClusterWiring(Connection(server), new ClusterWiringOptions { Identity = "replica-0" });
        await using var runtime = new AutoShieldRuntime(ActingOptions(cluster) with
        {
            Effect = new EffectOptions { ObservationPeriod = TimeSpan.FromMilliseconds(300) },
        });

        await runtime.StartAsync();
        await runtime.Drained.WaitAsync(TimeSpan.FromMinutes(2));
        await TestLoops.Until(() => runtime.EffectVerdicts.Total > 0, "an effect verdict; refusals: " + string.Join(", ", runtime.Safety.RefusalsByReason.Select(kv => $"{kv.Key} {kv.Value}")) + "; log: " + string.Join(" / ", runtime.Safety.Log.Snapshot().Select(r => r.Message)));
        await TestLoops.Until(() => cluster.Ledger.ListAsync().Result.Any(r => r.ActionType == ActionType.PodIsolation && r.State == ActionState.Applied), "the escalated isolation to be applied");

        var verdict = runtime.EffectVerdicts.Snapshot()[0];
        Assert.False(verdict.Effective);
        Assert.True(verdict.DetectionsAfter > 0);
        Assert.Equal(ActionType.PodIsolation, verdict.Escalation!.ActionType);
        var records = await cluster.Ledger.ListAsync();
        var first = records.Single(r => r.Id == verdict.ActionId);
        Assert.Equal(ActionType.NetworkPolicy, first.ActionType);
        Assert.False(first.Effective);
        Assert.Equal($"Pod/{ns}/{pod}", first.Target.Key);
        Assert.NotNull(server.Get("v1", "Pod", ns, pod));
        Assert.NotEmpty(server.Store.List(server.KindOf("networking.k8s.io/v1", "NetworkPolicy"), ns).Items);
    }

    [Fact]
    public async Task Loop_ThreeReplicasWithLeaderElection_OnlyTheLeaderActs()
    {
        await using var server = await FakeKubernetesServer.StartAsync();
        SeedScanner(server);
        server.Seed("""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"autoshield-system"}}""");
        var wirings = Enumerable.Range(0, 3).Select(i => new ClusterWiring(Connection(server), new ClusterWiringOptions
        {
            Identity = $"replica-{i}",
            Leadership = new LeaderElectionOptions { Identity = $"replica-{i}" },
        })).ToList();
        var runtimes = new List<AutoShieldRuntime>();
        try
        {
            foreach (var wiring in wirings)
            {
                await wiring.Leader!.TryAcquireOrRenewAsync();
            }

            foreach (var wiring in wirings)
            {
                var runtime = new AutoShieldRuntime(ActingOptions(wiring));
                runtimes.Add(runtime);
                await runtime.StartAsync();
            }

            await Task.WhenAll(runtimes.Select(r => r.Drained)).WaitAsync(TimeSpan.FromMinutes(3));

            var applied = runtimes.Select(r => r.Safety.ResultsByKind.GetValueOrDefault(VerdictKind.Applied)).ToList();
            Assert.True(applied[0] > 0, "leader applied nothing; mayact " + string.Join(",", wirings.Select(w => w.MayAct)) + "; results " + string.Join(", ", runtimes[0].Safety.ResultsByKind.Select(kv => $"{kv.Key} {kv.Value}")) + "; log: " + string.Join(" / ", runtimes[0].Safety.Log.Snapshot().Take(5).Select(r => r.Message)) + "; history " + runtimes[0].History.Total);
            Assert.Equal([0L, 0L], applied.Skip(1));
            Assert.True(wirings[0].MayAct);
            Assert.All(runtimes.Skip(1).SelectMany(r => r.History.Snapshot()).SelectMany(e => e.Responses).SelectMany(r => r.Verdicts),
                v => Assert.Contains("standby replica", v.Message, StringComparison.Ordinal));
            Assert.All(wirings.Skip(1), w => Assert.Empty(w.Ledger.ListAsync().Result));
            var policies = server.Store.List(server.KindOf("networking.k8s.io/v1", "NetworkPolicy"), null).Items;
            Assert.Equal((await wirings[0].Ledger.ListAsync()).Count(r => r.ActionType == ActionType.NetworkPolicy && r.State == ActionState.Applied), policies.Count);
        }
        finally
        {
            foreach (var runtime in runtimes)
            {
                await runtime.DisposeAsync();
            }

            foreach (var wiring in wirings)
            {
                wiring.Dispose();
            }
        }
    }

    private static RuntimeOptions ActingOptions(ClusterWiring cluster) => TestLoops.Options(TestLoops.ContainScanner) with
    {
        Model = TestLoops.Model,
        Actuator = cluster.Actuator,
        Ledger = cluster.Ledger,
        Inventory = cluster.Inventory,
        MayAct = () => cluster.MayAct,
        Services = cluster.Services,
        Ready = cluster.SyncedAsync,
    };

    private static KubernetesConnection Connection(FakeKubernetesServer server) => new(server.HttpsUri)
    {
        CertificateAuthorities = [server.CertificateAuthority.Certificate],
        Namespace = "default",
    };

    /// <summary>Seeds the simulator's port scanner as a running Deployment pod, and returns its namespace and name.</summary>
    private static (string Namespace, string Pod) SeedScanner(FakeKubernetesServer server)
    {
        var attacker = new ClusterSimulator(new SimulationOptions { Scenario = "port-scanning", Duration = TimeSpan.FromSeconds(60), Seed = 1 }).Attacks[0].Attacker;
        var slash = attacker.IndexOf('/', StringComparison.Ordinal);
        Assert.True(slash > 0, $"expected the scanner to be a pod (namespace/name), got '{attacker}'");
        var (ns, pod) = (attacker[..slash], attacker[(slash + 1)..]);
        var replicaSet = pod[..pod.LastIndexOf('-')];
        server.Seed(new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = new JsonObject
            {
                ["name"] = pod,
                ["namespace"] = ns,
                ["labels"] = new JsonObject { ["app"] = replicaSet[..replicaSet.LastIndexOf('-')], ["pod-template-hash"] = replicaSet[(replicaSet.LastIndexOf('-') + 1)..] },
                ["ownerReferences"] = new JsonArray(new JsonObject { ["apiVersion"] = "apps/v1", ["kind"] = "ReplicaSet", ["name"] = replicaSet, ["uid"] = "rs-1", ["controller"] = true }),
            },
            ["spec"] = new JsonObject
            {
                ["nodeName"] = "node-1",
                ["containers"] = new JsonArray(new JsonObject { ["name"] = "app", ["image"] = "registry.example/app:1.0" }),
            },
            ["status"] = new JsonObject { ["phase"] = "Running", ["podIP"] = "10.0.0.5", ["podIPs"] = new JsonArray(new JsonObject { ["ip"] = "10.0.0.5" }) },
        });
        return (ns, pod);
    }
}
