using System.CommandLine;
using AutoShield.Cli.Infrastructure;
using AutoShield.Ingestion.Hubble;
using AutoShield.Ingestion.Simulation;

namespace AutoShield.Cli.Commands;

/// <summary><c>autoshield simulate</c>: a seeded cluster with an attack injected, written as Hubble JSON lines.</summary>
public static class SimulateCommand
{
    public static Command Build(CliContext context)
    {
        var scenario = new Option<string>("--scenario")
        {
            Description = "What to inject: " + string.Join("; ", Scenarios.All.Select(s => $"{s.Name}: {s.Description}")),
            DefaultValueFactory = _ => Scenarios.Mixed,
        };
        scenario.AcceptOnlyFromAmong([.. Scenarios.All.Select(s => s.Name)]);
        var duration = new Option<string>("--duration", "-d") { Description = "Simulated time: 60, 60s, 5m, 1h.", DefaultValueFactory = _ => "60s" };
        var seed = new Option<int>("--seed") { Description = "Seed; the same seed gives byte-identical output.", DefaultValueFactory = _ => 1 };
        var outFile = new Option<string>("--out") { Description = "Where to write the Hubble JSON lines (- for stdout).", DefaultValueFactory = _ => "-" };
        var start = new Option<DateTimeOffset?>("--start") { Description = "Simulated start time (RFC 3339); default 2026-01-05T09:00:00Z." };
        var intensity = new Option<double>("--intensity") { Description = "Multiplier on benign traffic.", DefaultValueFactory = _ => 1.0 };
        var attackIntensity = new Option<double>("--attack-intensity") { Description = "Multiplier on attack rates.", DefaultValueFactory = _ => 1.0 };
        var noLabels = new Option<bool>("--no-labels") { Description = "Leave out the ground-truth \"autoshield\" object (pure Hubble lines)." };
        var output = CommonOptions.Output();
        var command = new Command("simulate", "Simulate a cluster under attack and write its flows as Hubble JSON (hubble observe -o jsonpb lines) with ground-truth labels.")
        {
            scenario, duration, seed, outFile, start, intensity, attackIntensity, noLabels, output,
        };
        command.SetAction(parse =>
        {
            if (!DurationParser.TryParse(parse.GetValue(duration), out var length, out var error))
            {
                context.Error.WriteLine($"autoshield simulate: --duration: {error}");
                return ExitCodes.Usage;
            }

            var options = new SimulationOptions
            {
                Scenario = parse.GetValue(scenario)!,
                Duration = length,
                Seed = parse.GetValue(seed),
                Start = parse.GetValue(start) ?? SimulationOptions.DefaultStart,
                Intensity = parse.GetValue(intensity),
                AttackIntensity = parse.GetValue(attackIntensity),
                IncludeLabels = !parse.GetValue(noLabels),
            };
            return Execute(context, options, parse.GetValue(outFile)!, parse.GetValue(output));
        });
        return command;
    }

    public static int Execute(CliContext context, SimulationOptions options, string outFile, OutputFormat output)
    {
        ClusterSimulator simulator;
        try
        {
            simulator = new ClusterSimulator(options);
        }
        catch (ArgumentException ex)
        {
            context.Error.WriteLine($"autoshield simulate: {ex.Message}");
            return ExitCodes.Usage;
        }

        var toStdout = outFile == "-";
        var byLabel = new SortedDictionary<string, long>(StringComparer.Ordinal);
        long events;
        using (var stream = toStdout
            ? new BufferedStream(new TextWriterStream(context.Out), 1 << 16)
            : (Stream)new FileStream(outFile, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            using (var writer = new HubbleJsonWriter(stream, includeGroundTruth: options.IncludeLabels, leaveOpen: true))
            {
                foreach (var flow in simulator.GenerateDetailed())
                {
                    writer.Write(flow.Flow, flow.Details);
                    var label = flow.Flow.Label ?? "UNLABELLED";
                    byLabel[label] = byLabel.GetValueOrDefault(label) + 1;
                }

                writer.Flush();
                events = writer.EventsWritten;
            }
        }

        var summary = new SimulationSummary(
            options.Scenario, options.Seed, options.Duration.TotalSeconds, toStdout ? "<stdout>" : outFile, events, byLabel, simulator.Attacks);
        var target = toStdout ? context.Error : context.Out;
        if (output == OutputFormat.Json)
        {
            CliJson.Write(target, summary);
        }
        else
        {
            target.WriteLine($"simulated {summary.Events:N0} flow events ({options.Scenario}, seed {options.Seed}, {options.Duration}) -> {summary.Out}");
            target.WriteLine("  " + string.Join(", ", byLabel.Select(kv => $"{kv.Key} {kv.Value:N0}")));
            foreach (var attack in simulator.Attacks)
            {
                target.WriteLine($"  {attack.Start:HH:mm:ss}-{attack.End:HH:mm:ss} {attack.Label}: {attack.Attacker} -> {string.Join(", ", attack.Targets.Take(3))}{(attack.Targets.Count > 3 ? ", ..." : "")}: {attack.Description}");
            }
        }

        return ExitCodes.Ok;
    }
}
