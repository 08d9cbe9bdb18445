using System.CommandLine;
using AutoShield.Cli.Infrastructure;
using AutoShield.Ingestion.Pipeline;
using AutoShield.Ingestion.Simulation;
using AutoShield.Ingestion.Sources;

namespace AutoShield.Cli.Commands;

/// <summary>
/// <c>autoshield demo</c>: the embedded default. A simulated cluster under attack runs through the pipeline in
/// memory (nothing to install, nothing touched) and the run is summarised: attacks injected, what ingestion saw,
/// and the sources whose fan-out stood out.
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
        var command = new Command("demo", "Run the embedded default: a simulated cluster under attack through the whole pipeline, summarised.")
        {
            scenario, duration, seed, output,
        };
        command.SetAction(parse =>
        {
            if (!DurationParser.TryParse(parse.GetValue(duration), out var length, out var error))
            {
                context.Error.WriteLine($"autoshield demo: --duration: {error}");
                return ExitCodes.Usage;
            }

            return Execute(context, new SimulationOptions { Scenario = parse.GetValue(scenario)!, Duration = length, Seed = parse.GetValue(seed) }, parse.GetValue(output));
        });
        return command;
    }

    public static int Execute(CliContext context, SimulationOptions options, OutputFormat output)
    {
        var simulator = new ClusterSimulator(options);
        var leaders = new FanOutLeaders();
        var pipeline = new IngestionPipeline(new IngestionOptions { TrackDistinctPairs = true }, leaders);
        using var source = OpenedSource.FromReader($"simulator ({options.Scenario}, seed {options.Seed})", FlowSourceKind.Simulator, new EnumerableFlowReader(simulator.Generate()));
        var summary = ProgressReporter.Run(
            context,
            [($"simulate {options.Scenario} {options.Duration}", options.Duration.TotalSeconds)],
            progress => pipeline.Run([source], (_, _) => progress(0, (pipeline.Assembler.NowUnixNanos / 1e9) - options.Start.ToUnixTimeSeconds())));
        var top = leaders.Top(5);
        if (output == OutputFormat.Json)
        {
            CliJson.Write(context.Out, new { options.Scenario, options.Seed, DurationSeconds = options.Duration.TotalSeconds, simulator.Attacks, Ingestion = summary, TopFanOut = top });
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

        return ExitCodes.Ok;
    }
}
