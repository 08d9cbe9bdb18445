using System.CommandLine;
using AutoShield.Cli.Commands.Run;
using AutoShield.Cli.Infrastructure;
using AutoShield.Detection.Models;
using AutoShield.Detection.Runtime;
using AutoShield.Ingestion.Pipeline;
using AutoShield.Ingestion.Simulation;
using AutoShield.Ingestion.Sources;
using AutoShield.Policy.Backtest;
using AutoShield.Policy.Rules;

namespace AutoShield.Cli.Commands;

/// <summary>
/// <c>autoshield demo</c>: the embedded default. A simulated cluster under attack runs through the whole loop
/// (nothing to install, nothing touched): ingestion, the detector (models/default, fan-out rules, anomaly), the
/// default policy and the safety controller in front of a dry-run actuator. By default it runs as the real process
/// does (<c>autoshield run</c>): traffic unfolds at <c>--speed</c>, with the dashboard on :8081, the API on :8000 and
/// metrics on :9090 until Ctrl+C. With <c>--once</c> (or <c>--output json</c>) the run is summarised and it exits:
/// attacks injected, what ingestion saw, the sources whose fan-out stood out, detections with their explanations,
/// and the actions that would have been taken or refused.
/// </summary>
public static class DemoCommand
{
    public static Command Build(CliContext context)
    {
        var scenario = new Option<string>("--scenario") { Description = "Scenario to simulate.", DefaultValueFactory = _ => Scenarios.Mixed };
        scenario.AcceptOnlyFromAmong([.. Scenarios.All.Select(s => s.Name)]);
        var duration = new Option<string>("--duration", "-d") { Description = "Simulated time: 60, 60s, 5m.", DefaultValueFactory = _ => "5m" };
        var seed = new Option<int>("--seed") { Description = "Seed of the simulated cluster.", DefaultValueFactory = _ => 1 };
        var output = CommonOptions.Output();
        var once = new Option<bool>("--once") { Description = "Simulate as fast as possible, print the summary and exit (no dashboard)." };
        var speed = new Option<double>("--speed") { Description = "Simulated seconds per second while serving the dashboard.", DefaultValueFactory = _ => 10 };
        var server = new ServerOptionSet();
        var command = new Command("demo", "Run the embedded default: a simulated cluster under attack through the whole loop, with the dashboard on http://localhost:8081 (--once: summarise and exit).")
        {
            scenario, duration, seed, output, once, speed,
        };
        server.AddTo(command);
        command.SetAction(parse =>
        {
            if (!DurationParser.TryParse(parse.GetValue(duration), out var length, out var error))
            {
                context.Error.WriteLine($"autoshield demo: --duration: {error}");
                return ExitCodes.Usage;
            }

            if (parse.GetValue(speed) <= 0)
            {
                context.Error.WriteLine("autoshield demo: --speed must be more than 0");
                return ExitCodes.Usage;
            }

            var simulation = new SimulationOptions { Scenario = parse.GetValue(scenario)!, Duration = length, Seed = parse.GetValue(seed) };
            return parse.GetValue(once) || parse.GetValue(output) == OutputFormat.Json
                ? Execute(context, simulation, parse.GetValue(output))
                : Serve(context, simulation with { Start = RunCommand.RoundedNow() }, parse.GetValue(speed), server, parse);
        });
        return command;
    }

    private static int Serve(CliContext context, SimulationOptions simulation, double speed, ServerOptionSet server, ParseResult parse)
    {
        var dataDirectory = Path.GetDirectoryName(ActionsCliSupport.ResolveLedger(null))!;
        string token;
        string origin;
        try
        {
            (token, origin) = ApiTokens.Resolve(parse.GetValue(server.TokenFile), dataDirectory, Environment.GetEnvironmentVariable);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            context.Error.WriteLine($"autoshield demo: API token: {ex.Message}");
            return ExitCodes.Failure;
        }

        return RunCommand.Serve(context, new HostSettings
        {
            OpenSources = token => [RunCommand.Simulated(simulation, speed, token)],
            SourceDescription = $"demo: simulated cluster, scenario '{simulation.Scenario}', {simulation.Duration} of traffic at {speed}x, dry run",
            Model = RunCommand.LoadModel(context, null),
            PolicyFiles = RunCommand.DefaultPolicy(),
            Identity = Environment.MachineName.ToLowerInvariant(),
            DataDirectory = dataDirectory,
            Server = server.Read(parse, token) with { FallbackToFreePort = true },
            TokenOrigin = origin,
        });
    }

    public static int Execute(CliContext context, SimulationOptions options, OutputFormat output)
    {
        var simulator = new ClusterSimulator(options);
        var leaders = new FanOutLeaders();
        var model = RunCommand.LoadModel(context, null);
        var detections = new List<Core.Detections.Detection>();
        var detector = new WindowDetector(model, new DelegateDetectionSink(detections.Add));
        var inventory = new PolicyDetectionCollector(new PolicyLabelDetector(includeBenign: false));
        var pipeline = new IngestionPipeline(new IngestionOptions { TrackDistinctPairs = true }, new CompositeWindowObserver(leaders, detector, inventory));
        using var source = OpenedSource.FromReader($"simulator ({options.Scenario}, seed {options.Seed})", FlowSourceKind.Simulator, new EnumerableFlowReader(simulator.Generate()));
        var summary = ProgressReporter.Run(
            context,
            [($"simulate {options.Scenario} {options.Duration}", options.Duration.TotalSeconds)],
            progress => pipeline.Run([source], (_, _) => progress(0, (pipeline.Assembler.NowUnixNanos / 1e9) - options.Start.ToUnixTimeSeconds())));
        detector.Flush();
        detections.Sort((a, b) => a.Time.CompareTo(b.Time));
        var top = leaders.Top(5);
        var (policy, report) = Decide(context, detections, inventory);
        var byClass = detections.GroupBy(d => d.AttackClass).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (long)g.Count());
        if (output == OutputFormat.Json)
        {
            CliJson.Write(context.Out, new
            {
                options.Scenario,
                options.Seed,
                DurationSeconds = options.Duration.TotalSeconds,
                simulator.Attacks,
                Ingestion = summary,
                TopFanOut = top,
                Detector = new { Model = ModelKind(model), detector.Counters.Windows, detector.Counters.Emitted, detector.Counters.Suppressed, ByClass = byClass },
                Detections = detections.Take(20).Select(DetectJsonLine.From),
                Actuation = "dry-run",
                Actions = report?.Actions,
                ActionSummary = report?.Summary,
            });
            return ExitCodes.Ok;
        }

        var w = context.Out;
        w.WriteLine($"AutoShield demo: simulated cluster, scenario '{options.Scenario}', seed {options.Seed}, {options.Duration} of traffic");
        w.WriteLine();
        w.WriteLine("Attacks injected:");
        foreach (var attack in simulator.Attacks)
        {
            w.WriteLine($"  {attack.Start:HH:mm:ss}-{attack.End:HH:mm:ss}  {attack.Label,-18} {attack.Attacker} -> {string.Join(", ", attack.Targets.Take(3))}{(attack.Targets.Count > 3 ? ", ..." : "")}");
            w.WriteLine($"                     {attack.Description}");
        }

        w.WriteLine();
        w.WriteLine($"Ingestion: {summary.Events:N0} flow events -> {summary.Connections:N0} connections -> {summary.Windows:N0} windows over {summary.PairsSeen:N0} pairs ({summary.DuplicateEvents:N0} duplicate observations counted once)");
        w.WriteLine("Connections by ground truth: " + string.Join(", ", summary.ConnectionsByLabel.Select(kv => $"{kv.Key} {kv.Value:N0}")));
        w.WriteLine();
        w.WriteLine("Widest fan-out per source (destinations x ports within a minute):");
        foreach (var leader in top)
        {
            var labels = leader.AttackLabels.Count == 0 ? "benign" : string.Join("+", leader.AttackLabels);
            w.WriteLine($"  {leader.Source,-48} {leader.MaxDestinations,4} dst {leader.MaxPorts,5} ports  failed {leader.MaxFailedRatio,4:P0}  [{labels}]");
        }

        w.WriteLine();
        w.WriteLine($"Detector ({(model is null ? "fan-out rules only: no model found" : ModelKind(model) + " + anomaly + fan-out rules")}): {detector.Counters.Emitted:N0} detections ({string.Join(", ", byClass.Select(kv => $"{kv.Key} {kv.Value:N0}"))}), {detector.Counters.Suppressed:N0} repeats suppressed");
        foreach (var d in detections.DistinctBy(d => (d.AttackClass, d.Source.DisplayName)).Take(8))
        {
            w.WriteLine($"  {d.Time:HH:mm:ss} {d.AttackClass,-18} {d.Confidence,4:0.00} {d.Source.DisplayName} -> {d.Destination.DisplayName}:{d.Destination.Port}");
            w.WriteLine($"           {d.Explanation.Sentence}");
        }

        w.WriteLine();
        if (report is null || policy is null)
        {
            w.WriteLine("Policy: config/policies/default.yaml not found; no decisions made.");
            return ExitCodes.Ok;
        }

        w.WriteLine("Decisions (default policy, safety controller, dry-run actuator: nothing is changed):");
        PolicyBacktestText.Write(w, report, policy, summary, "model", maxRows: 20);
        return ExitCodes.Ok;
    }

    private static string? ModelKind(DetectionModel? model) => model?.Manifest.Architecture switch
    {
        null => null,
        Detection.Networks.TransformerSpec => Detection.Networks.TransformerSpec.Kind,
        _ => Detection.Networks.CnnLstmSpec.Kind,
    };

    private static (PolicySet? Policy, BacktestReport? Report) Decide(CliContext context, List<Core.Detections.Detection> detections, PolicyDetectionCollector inventory)
    {
        if (RunCommand.DefaultPolicy() is not [_] files)
        {
            return (null, null);
        }

        var loaded = new PolicyLoader().LoadFiles(files);
        if (!loaded.IsValid)
        {
            foreach (var error in loaded.Errors)
            {
                context.Error.WriteLine(error.ToString());
            }

            return (null, null);
        }

        var options = new BacktestOptions { Inventory = inventory.Inventory };
        var report = BacktestRunner.RunAsync(detections, loaded.Policy!, options).GetAwaiter().GetResult();
        return (loaded.Policy, report);
    }
}
