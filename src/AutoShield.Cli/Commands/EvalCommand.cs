using System.CommandLine;
using AutoShield.Cli.Infrastructure;
using AutoShield.Detection.Baselines;
using AutoShield.Detection.Data;
using AutoShield.Detection.Evaluation;
using AutoShield.Detection.Models;
using AutoShield.Detection.Networks;

namespace AutoShield.Cli.Commands;

/// <summary>
/// <c>autoshield eval</c>: scores every window of the data with a model (and optionally a RandomForest baseline
/// trained on the split's training side) and reports per-class and per-label metrics, curves and latency as text,
/// JSON and a self-contained HTML page.
/// </summary>
public static class EvalCommand
{
    public const string RandomForest = "random-forest";

    public static Command Build(CliContext context)
    {
        var data = new TrainDataOptions();
        var model = new Option<string>("--model") { Description = "Model directory (model.json, weights.bin).", Required = true };
        var report = new Option<string?>("--report") { Description = "Write the HTML report (inline SVG plots) here." };
        var json = new Option<string?>("--json") { Description = "Write the metrics JSON here." };
        var baseline = new Option<string?>("--baseline") { Description = "Also train and score a baseline on the same windows: random-forest (scikit-learn)." };
        baseline.AcceptOnlyFromAmong(RandomForest);
        var label = new Option<string?>("--label") { Description = "Label for windows whose source has none (e.g. BENIGN for real benign captures)." };
        var seed = new Option<int>("--baseline-seed") { Description = "random_state of the baseline.", DefaultValueFactory = _ => 1 };
        var output = CommonOptions.Output();
        var command = new Command("eval", "Evaluate a model on labelled windows: per-class precision, recall, F1, detection and false-positive rates, confusion matrix, ROC and PR curves, latency; JSON and HTML.")
        {
            model, report, json, baseline, label, seed, output,
        };
        foreach (var option in data.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            var sources = data.Sources(parse, context, "eval");
            if (sources is null)
            {
                return ExitCodes.Usage;
            }

            var request = new EvalRequest(
                parse.GetValue(model)!, sources, parse.GetValue(data.Split), parse.GetValue(data.TestFraction), parse.GetValue(baseline),
                parse.GetValue(seed), parse.GetValue(label), parse.GetValue(report), parse.GetValue(json));
            return Execute(context, request, parse.GetValue(output));
        });
        return command;
    }

    public static int Execute(CliContext context, EvalRequest request, OutputFormat output)
    {
        if (request.TestFraction is <= 0 or >= 1)
        {
            context.Error.WriteLine("autoshield eval: --test-fraction must lie between 0 and 1");
            return ExitCodes.Usage;
        }

        if (request.Baseline is not null && request.Split == SplitMode.None)
        {
            context.Error.WriteLine("autoshield eval: --baseline trains on the training side of a split: pass --split time or --split day");
            return ExitCodes.Usage;
        }

        DetectionModel detector;
        try
        {
            detector = DetectionModel.Load(request.Model);
        }
        catch (ModelFileException ex)
        {
            context.Error.WriteLine($"autoshield eval: {ex.Message}");
            return ExitCodes.Failure;
        }

        var dataset = TrainDataOptions.Load(context, request.Sources, "eval");
        if (dataset is null)
        {
            return ExitCodes.Failure;
        }

        if (request.Label is { } assumed)
        {
            dataset = dataset.WithMissingLabels(assumed);
        }

        var sides = TrainDataOptions.SplitWindows(dataset, request.Split, request.TestFraction, simulatedOnTestSide: true);
        var scored = ProgressReporter.Run(context, [("score windows", 1)], _ => ModelScorer.Score(detector, dataset, sides.Test));
        var evalReport = new EvalReport(MetricsCalculator.Compute(dataset, sides.Test, scored))
        {
            Model = request.Model,
            Architecture = detector.Manifest.Architecture switch { TransformerSpec => TransformerSpec.Kind, _ => CnnLstmSpec.Kind },
            TrainingFingerprint = detector.Manifest.Training.DataSha256,
            Sources = [.. request.Sources.Select(s => s.Name)],
            Split = request.Split,
            TestFraction = request.TestFraction,
            TrainWindows = sides.Train.Length,
            PurgedWindows = sides.Purged,
        };
        if (request.Baseline is not null)
        {
            try
            {
                var result = ProgressReporter.Run(context, [("random forest", 1)], _ => RandomForestBaseline.Run(
                    dataset, sides.Train, sides.Test, new RandomForestOptions { Seed = request.BaselineSeed }));
                evalReport = evalReport with
                {
                    BaselineName = RandomForest,
                    Baseline = MetricsCalculator.Compute(dataset, sides.Test, result.Scored),
                    BaselineInfo = result.Info,
                };
            }
            catch (Exception ex) when (ex is BaselineUnavailableException or ArgumentException)
            {
                context.Error.WriteLine($"autoshield eval: {ex.Message}");
                return ExitCodes.Failure;
            }
        }

        if (request.JsonPath is { } jsonPath)
        {
            File.WriteAllText(jsonPath, EvalReportJson.Serialize(evalReport, indented: true));
        }

        if (request.ReportPath is { } reportPath)
        {
            File.WriteAllText(reportPath, HtmlReport.Render(evalReport));
        }

        if (output == OutputFormat.Json)
        {
            context.Out.WriteLine(EvalReportJson.Serialize(evalReport));
        }
        else
        {
            EvalText.Write(context.Out, evalReport);
        }

        return ExitCodes.Ok;
    }
}
