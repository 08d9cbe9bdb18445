using System.Reflection;
using AutoShield.Cli.Infrastructure;
using AutoShield.Host.Api;
using AutoShield.Host.Runtime;
using AutoShield.Ingestion.Pipeline;
using AutoShield.Kubernetes.Leadership;
using AutoShield.Metrics;
using AutoShield.Policy.Safety;

namespace AutoShield.Cli.Commands.Run;

/// <summary>
/// Starts the process: cluster wiring (when a cluster is configured), the loop, metrics and the three listeners;
/// prints where everything is and each detection as it is decided; stops on Ctrl+C/SIGTERM (or when recorded
/// input is drained) and prints a summary.
/// </summary>
internal static class HostSession
{
    public static string Version => typeof(HostSession).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "dev";

    public static async Task<int> RunAsync(CliContext context, HostSettings settings, CancellationToken stopping)
    {
        var gate = new Lock();
        void Log(string line)
        {
            lock (gate)
            {
                context.Error.WriteLine($"{TimeProvider.System.GetLocalNow():HH:mm:ss} {line}");
            }
        }

        using var cluster = settings.Cluster is { } connection
            ? new ClusterWiring(connection, new ClusterWiringOptions
            {
                LedgerPath = settings.LedgerPath ?? Path.Combine(settings.DataDirectory, "autoshield.db"),
                Identity = settings.Identity,
                Leadership = settings.LeaderElection ? new LeaderElectionOptions { Identity = settings.Identity } : null,
            }, Log)
            : null;
        using var sourcesStopping = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var runtime = new AutoShieldRuntime(new RuntimeOptions
        {
            OpenSources = () => settings.OpenSources(sourcesStopping.Token),
            Model = settings.Model,
            PolicyFiles = settings.PolicyFiles,
            Safety = settings.Safety,
            Actuator = settings.EnableActuation ? cluster?.Actuator : null,
            Ledger = cluster?.Ledger,
            Inventory = cluster?.Inventory,
            MayAct = cluster is null ? null : () => cluster.MayAct,
            Services = cluster?.Services ?? [],
            Ready = cluster is null ? null : cluster.SyncedAsync,
            Ingestion = new IngestionOptions { Attributor = cluster?.Attributor },
            KillSwitchFile = Path.Combine(settings.DataDirectory, "kill-switch"),
            Log = Log,
        });
        await using (runtime)
        {
            var registry = new MetricsRegistry();
            _ = new RuntimeMetrics(runtime, registry);
            registry.Gauge("autoshield_build_info", "AutoShield's version (always 1).", "version").WithLabels(Version).Set(1);
            AutoShieldServer server;
            try
            {
                server = await AutoShieldServer.StartAsync(runtime, registry, settings.Server, cluster?.Ledger, Version, stopping);
            }
            catch (IOException ex)
            {
                context.Error.WriteLine($"autoshield: cannot listen on {settings.Server.ListenAddress} ports {settings.Server.ApiPort}/{settings.Server.DashboardPort}/{settings.Server.MetricsPort}: {ex.Message}");
                return ExitCodes.Failure;
            }

            await using (server)
            {
                Log($"AutoShield {Version}: {settings.SourceDescription}");
                Log($"dashboard  {server.DashboardAddress}");
                Log($"API        {server.ApiAddress}docs (token for POST requests: {settings.TokenOrigin})");
                Log($"metrics    {server.MetricsAddress}metrics");
                foreach (var (name, wanted, actual) in new[] { ("API", settings.Server.ApiPort, server.ApiAddress.Port), ("dashboard", settings.Server.DashboardPort, server.DashboardAddress.Port), ("metrics", settings.Server.MetricsPort, server.MetricsAddress.Port) })
                {
                    if (wanted != 0 && wanted != actual)
                    {
                        Log($"port {wanted} was taken: the {name} listens on {actual} instead");
                    }
                }

                Log(runtime.DryRun
                    ? "actuation: dry run, nothing in the cluster is changed (enable with --enable-actuation or ENABLE_ACTUATION=true and a cluster)"
                    : $"actuation: ENABLED on the cluster{(settings.LeaderElection ? $" (leader election as {settings.Identity})" : string.Empty)}");
                var printed = new HashSet<(string, string)>();
                runtime.Decision += entry =>
                {
                    var d = entry.Detection;
                    var acted = entry.Responses.SelectMany(r => r.Verdicts).Where(v => v.Kind != VerdictKind.Monitored).ToList();
                    if (printed.Add((d.AttackClass, d.Source.DisplayName)) || acted.Count > 0)
                    {
                        var actions = acted.Count == 0 ? string.Empty : " => " + string.Join(", ", acted.Select(v => $"{v.Kind.ToName()}{(v.Reason is { } r ? $" ({SafetyMetricNames.Label(r)})" : string.Empty)}"));
                        Log($"{d.AttackClass} {d.Confidence:0.00} {d.Source.DisplayName} -> {d.Destination.DisplayName}:{d.Destination.Port}: {d.Explanation.Sentence}{actions}");
                    }
                };
                await runtime.StartAsync();
                if (!settings.ExitWhenDrained)
                {
                    _ = runtime.Drained.ContinueWith(
                        _ =>
                        {
                            if (!stopping.IsCancellationRequested)
                            {
                                Log("input drained; still serving the dashboard and API until Ctrl+C");
                            }
                        },
                        TaskScheduler.Default);
                }
                try
                {
                    if (settings.ExitWhenDrained)
                    {
                        await runtime.Drained.WaitAsync(stopping);
                    }
                    else
                    {
                        await Task.Delay(Timeout.Infinite, stopping);
                    }
                }
                catch (OperationCanceledException)
                {
                    Log("stopping");
                }

                await sourcesStopping.CancelAsync();
                await runtime.StopAsync();
                Summarize(Log, runtime);
                return runtime.State == RuntimeState.Failed ? ExitCodes.Failure : ExitCodes.Ok;
            }
        }
    }

    private static void Summarize(Action<string> log, AutoShieldRuntime runtime)
    {
        var events = runtime.Sources.Sum(s => s.Reader.Counters.Good);
        var errors = runtime.Sources.Sum(s => s.Reader.Counters.Bad);
        log($"summary: {events:N0} events ({errors:N0} malformed), {runtime.Detector.Windows:N0} windows, {runtime.Decided:N0} detections decided");
        var results = runtime.Safety.ResultsByKind;
        log("safety: " + (results.Count == 0 ? "no action requested" : string.Join(", ", results.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key.ToName()} {kv.Value:N0}"))));
        if (runtime.Safety.RefusalsByReason.Count > 0)
        {
            log("refused: " + string.Join(", ", runtime.Safety.RefusalsByReason.Select(kv => $"{kv.Key} {kv.Value:N0}")));
        }
    }
}
