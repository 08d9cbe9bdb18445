using System.CommandLine;
using System.Runtime.InteropServices;
using AutoShield.Cli.Infrastructure;
using AutoShield.Core.Flows;
using AutoShield.Detection.Models;
using AutoShield.Host.Runtime;
using AutoShield.Ingestion.Simulation;
using AutoShield.Ingestion.Sources;
using AutoShield.Kubernetes.Config;
using AutoShield.Policy.Safety;

namespace AutoShield.Cli.Commands.Run;

/// <summary>
/// <c>autoshield run</c>: the long-running process. Reads a live Hubble Relay (or recorded files, or the simulator),
/// detects, decides under the safety controller and, only when actuation is enabled and a cluster is configured,
/// acts; serves the REST API (:8000), the dashboard (:8081) and Prometheus metrics (:9090) until stopped.
/// </summary>
public static class RunCommand
{
    public static Command Build(CliContext context)
    {
        var files = new Argument<string[]>("files") { Description = "Recorded inputs (Hubble JSON, Tetragon, pcap, CICFlowMeter CSV; gzip too); none with --relay or --simulate.", Arity = ArgumentArity.ZeroOrMore };
        var source = CommonOptions.Source();
        var relay = new ReplayRelayOptions();
        var simulate = new Option<string?>("--simulate") { Description = "Feed the loop from the simulator with this scenario instead of files or a relay." };
        simulate.AcceptOnlyFromAmong([.. Scenarios.All.Select(s => s.Name)]);
        var duration = new Option<string>("--duration") { Description = "Simulated traffic with --simulate: 60s, 5m, 1h.", DefaultValueFactory = _ => "5m" };
        var seed = new Option<int>("--seed") { Description = "Simulator seed.", DefaultValueFactory = _ => 1 };
        var speed = new Option<double>("--speed") { Description = "Replay recorded or simulated traffic at this many recorded seconds per second (0: as fast as possible)." };
        var model = new Option<string?>("--model") { Description = "Model directory (default: MODEL_PATH, then models/default)." };
        var policy = new Option<string[]>("--policy") { Description = "Policy files or directories, merged in order and hot-reloaded (default: config/policies/default.yaml).", AllowMultipleArgumentsPerToken = true };
        var enable = new Option<bool>("--enable-actuation") { Description = "Let the actuator change the cluster (also ENABLE_ACTUATION=true). Without it everything is decided and recorded, nothing changed." };
        var approval = new Option<string?>("--require-approval") { Description = "Comma-separated action types that wait for a person's approval (API or dashboard); 'destructive' = pod_termination,node_quarantine." };
        var protect = new Option<string?>("--protect-namespaces") { Description = "Comma-separated namespaces never acted on, besides kube-system and autoshield-system." };
        var leaderElect = new Option<bool>("--leader-elect") { Description = "Elect one acting replica on the Lease autoshield-system/autoshield-actuator (for several replicas)." };
        var identity = new Option<string?>("--identity") { Description = "This replica's name (default: POD_NAME, then the host name)." };
        var kubeconfig = ActionsCliSupport.Kubeconfig();
        var kubeContext = ActionsCliSupport.KubeContext();
        var noCluster = new Option<bool>("--no-cluster") { Description = "Do not look for a cluster (dry run, inventory learned from traffic)." };
        var ledger = ActionsCliSupport.LedgerPath();
        var server = new ServerOptionSet();
        var exitWhenDrained = new Option<bool>("--exit-when-drained") { Description = "Stop once recorded input is read and decided, instead of serving until Ctrl+C." };
        var command = new Command("run", "Run AutoShield: the whole loop on live or recorded traffic, with the REST API (:8000), dashboard (:8081) and metrics (:9090).")
        {
            files, source, simulate, duration, seed, speed, model, policy, enable, approval, protect, leaderElect, identity, kubeconfig, kubeContext, noCluster, ledger,
            exitWhenDrained,
        };
        server.AddTo(command);
        foreach (var option in relay.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            var paths = parse.GetValue(files) ?? [];
            var relaySettings = relay.Read(parse, TimeProvider.System, out var error);
            var scenario = parse.GetValue(simulate);
            var given = (paths.Length > 0 ? 1 : 0) + (relaySettings is null ? 0 : 1) + (scenario is null ? 0 : 1);
            error ??= given switch
            {
                0 => "give input files, --relay host:port or --simulate <scenario>",
                > 1 => "give only one of: input files, --relay, --simulate",
                _ => null,
            };
            var length = TimeSpan.Zero;
            if (error is null && scenario is not null && !DurationParser.TryParse(parse.GetValue(duration), out length, out var durationError))
            {
                error = $"--duration: {durationError}";
            }

            if (parse.GetValue(speed) < 0)
            {
                error ??= "--speed must be 0 (as fast as possible) or more";
            }

            if (error is not null)
            {
                context.Error.WriteLine($"autoshield run: {error}");
                return ExitCodes.Usage;
            }

            var pace = parse.GetValue(speed);
            var kind = CommonOptions.ParseSource(parse.GetValue(source));
            Func<CancellationToken, IReadOnlyList<OpenedSource>> open;
            string description;
            if (relaySettings is not null)
            {
                description = $"live flows from Hubble Relay {relaySettings.Client.Address}";
                open = token => [OpenedSource.FromReader($"relay {relaySettings.Client.Address}", FlowSourceKind.Hubble, new ReplayRelayReader(relaySettings.Client, relaySettings.Count, _ => { }, token))];
            }
            else if (scenario is not null)
            {
                var options = new SimulationOptions { Scenario = scenario, Duration = length, Seed = parse.GetValue(seed), Start = RoundedNow() };
                description = $"simulated cluster, scenario '{scenario}', {length} of traffic{(pace > 0 ? $" at {pace}x" : string.Empty)}";
                open = token => [Simulated(options, pace, token)];
            }
            else
            {
                if (!InputFiles.TryOpen(context, paths, kind, out var opened))
                {
                    return ExitCodes.InputErrors;
                }

                description = $"{paths.Length} recorded input(s){(pace > 0 ? $" at {pace}x" : string.Empty)}";
                open = token => [.. opened.Select(s => pace > 0 ? OpenedSource.FromReader(s.Name, s.Kind, new PacedFlowReader(s.Reader, pace, cancellation: token)) : s)];
            }

            var actuation = parse.GetValue(enable) || string.Equals(Environment.GetEnvironmentVariable("ENABLE_ACTUATION"), "true", StringComparison.OrdinalIgnoreCase);
            KubernetesConnection? cluster = null;
            if (!parse.GetValue(noCluster))
            {
                try
                {
                    cluster = ClusterLocator.Locate(new ClusterLocatorOptions { KubeconfigPath = parse.GetValue(kubeconfig), Context = parse.GetValue(kubeContext) });
                }
                catch (KubeConfigException ex)
                {
                    if (actuation || parse.GetValue(kubeconfig) is not null || parse.GetValue(kubeContext) is not null)
                    {
                        context.Error.WriteLine($"autoshield run: {ex.Message}");
                        return ExitCodes.Failure;
                    }
                }
            }

            if (actuation && cluster is null)
            {
                context.Error.WriteLine("autoshield run: --enable-actuation needs a cluster (--kubeconfig, KUBECONFIG, ~/.kube/config or the in-cluster service account)");
                return ExitCodes.Usage;
            }

            var dataDirectory = Path.GetDirectoryName(ActionsCliSupport.ResolveLedger(parse.GetValue(ledger)))!;
            string token;
            string origin;
            try
            {
                (token, origin) = ApiTokens.Resolve(parse.GetValue(server.TokenFile), dataDirectory, Environment.GetEnvironmentVariable);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                context.Error.WriteLine($"autoshield run: API token: {ex.Message}");
                return ExitCodes.Failure;
            }

            var loadedModel = LoadModel(context, parse.GetValue(model));
            var policies = parse.GetValue(policy) is { Length: > 0 } p ? p : DefaultPolicy();
            var settings = new HostSettings
            {
                OpenSources = open,
                SourceDescription = description,
                Model = loadedModel,
                PolicyFiles = policies,
                Safety = new SafetyOptions
                {
                    ProtectedNamespaces = Split(parse.GetValue(protect)),
                    ApprovalRequiredFor = ApprovalSet(parse.GetValue(approval)),
                    DryRun = !actuation,
                },
                Cluster = cluster,
                EnableActuation = actuation,
                LeaderElection = parse.GetValue(leaderElect),
                Identity = parse.GetValue(identity) ?? Environment.GetEnvironmentVariable("POD_NAME") ?? Environment.MachineName.ToLowerInvariant(),
                DataDirectory = dataDirectory,
                LedgerPath = parse.GetValue(ledger),
                Server = server.Read(parse, token),
                TokenOrigin = origin,
                ExitWhenDrained = parse.GetValue(exitWhenDrained) || (paths.Length > 0 && pace == 0),
            };
            return Serve(context, settings);
        });
        return command;
    }

    /// <summary>Runs the host until Ctrl+C or SIGTERM (or the input drains, when asked).</summary>
    internal static int Serve(CliContext context, HostSettings settings)
    {
        using var stop = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
        {
            signal.Cancel = true;
            stop.Cancel();
        });
        try
        {
            return HostSession.RunAsync(context, settings, stop.Token).GetAwaiter().GetResult();
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    internal static OpenedSource Simulated(SimulationOptions options, double pace, CancellationToken token)
    {
        IFlowEventReader reader = new EnumerableFlowReader(new ClusterSimulator(options).Generate());
        if (pace > 0)
        {
            reader = new PacedFlowReader(reader, pace, cancellation: token);
        }

        return OpenedSource.FromReader($"simulator ({options.Scenario}, seed {options.Seed})", FlowSourceKind.Simulator, reader);
    }

    internal static DateTimeOffset RoundedNow()
    {
        var now = TimeProvider.System.GetUtcNow();
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }

    internal static string[] DefaultPolicy() =>
        RepositoryFiles.Find(Path.Combine("config", "policies", "default.yaml"), Environment.CurrentDirectory, AppContext.BaseDirectory) is { } file ? [file] : [];

    internal static DetectionModel? LoadModel(CliContext context, string? requested)
    {
        var (directory, tried) = DetectModelLocator.Locate(requested ?? Environment.GetEnvironmentVariable("MODEL_PATH"), Environment.CurrentDirectory, AppContext.BaseDirectory);
        if (directory is null)
        {
            context.Error.WriteLine($"autoshield: no model in {string.Join(", ", tried)}; running the fan-out rules only");
            return null;
        }

        try
        {
            return DetectionModel.Load(directory);
        }
        catch (ModelFileException ex)
        {
            context.Error.WriteLine($"autoshield: {ex.Message}; running the fan-out rules only");
            return null;
        }
    }

    private static string[] Split(string? text) => (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static HashSet<string> ApprovalSet(string? text)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in Split(text))
        {
            if (item == "destructive")
            {
                set.UnionWith(SafetyOptions.DestructiveActions);
            }
            else
            {
                set.Add(item);
            }
        }

        return set;
    }
}
