using System.CommandLine;
using AutoShield.Cli.Infrastructure;
using AutoShield.Detection.Models;
using AutoShield.Ingestion.Pipeline;
using AutoShield.Ingestion.Sources;
using AutoShield.Policy.Backtest;
using AutoShield.Policy.Decisions;
using AutoShield.Policy.Rules;
using AutoShield.Policy.Safety;

namespace AutoShield.Cli.Commands;

/// <summary>
/// <c>autoshield policy backtest</c>: replays recorded flows through ingestion and a detector, then through the policy
/// and the safety controller on a dry-run actuator, and reports which actions would have fired, on what, when, and
/// which the safety controller would have stopped.
/// </summary>
public static class PolicyBacktestCommand
{
    public static Command Build(CliContext context)
    {
        var policy = new Option<string[]>("--policy", "-p") { Description = "Policy files or directories, merged in order.", Required = true, AllowMultipleArgumentsPerToken = true, Arity = ArgumentArity.OneOrMore };
        var replay = new Option<string[]>("--replay", "-r") { Description = "Recorded flows (Hubble JSON, Tetragon, pcap, CICFlowMeter CSV; gzip detected).", Required = true, AllowMultipleArgumentsPerToken = true, Arity = ArgumentArity.OneOrMore };
        var source = CommonOptions.Source();
        var protect = new Option<string?>("--protect") { Description = "Extra protected namespaces, comma-separated (kube-system and autoshield-system always are)." };
        var detector = new Option<string>("--detector") { Description = "How windows become detections: labels (ground truth of labelled input, confidence 1.0) or model (the trained detector, as autoshield detect runs it).", DefaultValueFactory = _ => PolicyDetectors.Labels };
        detector.AcceptOnlyFromAmong([.. PolicyDetectors.Names]);
        var model = new Option<string?>("--model") { Description = "Model directory for --detector model (default: models/default)." };
        var approval = new Option<bool>("--approve-destructive") { Description = "Make pod termination and node quarantine wait for approval, as approval mode would." };
        var timeZone = new Option<string?>("--time-zone") { Description = "Zone of time.hour and time.weekday (IANA id); default UTC." };
        var maxRows = new Option<int>("--max-rows") { Description = "Rows of the action table in text output (json has all).", DefaultValueFactory = _ => 40 };
        var output = CommonOptions.Output();
        var command = new Command("backtest", "Dry-run a policy against recorded traffic: which actions would have fired, on what, when, and which the safety controller would have stopped.")
        {
            policy, replay, source, protect, detector, model, approval, timeZone, maxRows, output,
        };
        command.SetAction(parse =>
        {
            TimeZoneInfo zone;
            try
            {
                zone = parse.GetValue(timeZone) is { } id ? TimeZoneInfo.FindSystemTimeZoneById(id) : TimeZoneInfo.Utc;
            }
            catch (TimeZoneNotFoundException)
            {
                context.Error.WriteLine($"autoshield policy backtest: --time-zone: unknown zone '{parse.GetValue(timeZone)}'");
                return ExitCodes.Usage;
            }

            var safety = new SafetyOptions
            {
                ProtectedNamespaces = (parse.GetValue(protect) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                ApprovalRequiredFor = parse.GetValue(approval) ? SafetyOptions.DestructiveActions : new HashSet<string>(StringComparer.Ordinal),
            };
            var options = new BacktestOptions { Safety = safety, Decisions = new DecisionOptions { TimeZone = zone } };
            return Execute(context, parse.GetValue(policy)!, parse.GetValue(replay)!, CommonOptions.ParseSource(parse.GetValue(source)), parse.GetValue(detector)!, options, parse.GetValue(maxRows), parse.GetValue(output), parse.GetValue(model));
        });
        return command;
    }

    public static int Execute(CliContext context, IReadOnlyList<string> policyFiles, IReadOnlyList<string> replay, FlowSourceKind? kind, string detectorName, BacktestOptions options, int maxRows, OutputFormat output, string? modelDirectory = null)
    {
        DetectionModel? model = null;
        if (string.Equals(detectorName, PolicyDetectors.Model, StringComparison.OrdinalIgnoreCase))
        {
            var (directory, tried) = DetectModelLocator.Locate(modelDirectory, Environment.CurrentDirectory, AppContext.BaseDirectory);
            if (directory is null)
            {
                context.Error.WriteLine($"autoshield policy backtest: no model found (looked in {string.Join(", ", tried)}); pass --model <dir> or train one with autoshield train");
                return ExitCodes.Failure;
            }

            try
            {
                model = DetectionModel.Load(directory);
            }
            catch (ModelFileException ex)
            {
                context.Error.WriteLine($"autoshield policy backtest: {ex.Message}");
                return ExitCodes.Failure;
            }
        }

        var loaded = new PolicyLoader().LoadFiles(policyFiles);
        if (!loaded.IsValid)
        {
            foreach (var error in loaded.Errors)
            {
                context.Error.WriteLine(error.ToString());
            }

            context.Error.WriteLine("autoshield policy backtest: the policy is invalid; nothing was replayed");
            return ExitCodes.InputErrors;
        }

        var policy = loaded.Policy!;
        if (!InputFiles.TryOpen(context, replay, kind, out var sources))
        {
            return ExitCodes.Failure;
        }

        IngestionSummary ingestion;
        List<Core.Detections.Detection> detections;
        InMemoryClusterInventory inventory;
        try
        {
            // Custom rules with a condition run on every window, so the detector must report benign windows as well.
            var includeBenign = policy.CustomRules.Any(r => r.Condition is not null);
            var collector = new PolicyDetectionCollector(PolicyDetectors.Create(detectorName, includeBenign, model));
            var pipeline = new IngestionPipeline(new IngestionOptions(), collector);
            ingestion = ProgressReporter.Run(
                context,
                [.. sources.Select(s => ($"replay {Path.GetFileName(s.Name)}", (double)(s.Length ?? 1)))],
                progress => pipeline.Run(sources, (i, bytes) => progress(i, bytes)));
            collector.Complete();
            detections = collector.Ordered();
            inventory = collector.Inventory;
        }
        finally
        {
            foreach (var s in sources)
            {
                s.Dispose();
            }
        }

        var report = BacktestRunner.RunAsync(detections, policy, options with { Inventory = options.Inventory ?? inventory }).GetAwaiter().GetResult();
        if (output == OutputFormat.Json)
        {
            CliJson.Write(context.Out, new
            {
                Policy = new { report.PolicyVersion, loaded.Files, Rules = policy.Rules.Count },
                Replay = new { ingestion.Events, ingestion.Errors, ingestion.Connections, ingestion.Windows, Detector = detectorName, Detections = detections.Count },
                report.From,
                report.To,
                report.Summary,
                report.Actions,
            });
        }
        else
        {
            PolicyBacktestText.Write(context.Out, report, policy, ingestion, detectorName, maxRows);
        }

        return ExitCodes.Ok;
    }
}
