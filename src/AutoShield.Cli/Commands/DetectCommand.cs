using System.CommandLine;
using System.Globalization;
using AutoShield.Cli.Infrastructure;
using AutoShield.Core.Flows;
using AutoShield.Detection.Models;
using AutoShield.Detection.Runtime;
using AutoShield.Ingestion.Pipeline;
using AutoShield.Ingestion.Sources;

namespace AutoShield.Cli.Commands;

/// <summary><c>autoshield detect</c>: runs recorded input through ingestion and the detector and prints each detection.</summary>
public static class DetectCommand
{
    // Windows scored per batch: offline runs take the batch path; detections come out in window order either way.
    private const int BatchSize = 64;

    public static Command Build(CliContext context)
    {
        var files = new Argument<string[]>("files") { Description = "Input files (- for stdin); gzip is detected.", Arity = ArgumentArity.OneOrMore };
        var source = CommonOptions.Source();
        var output = CommonOptions.Output();
        var model = new Option<string?>("--model", "-m") { Description = $"Model directory (default: {DetectModelLocator.DefaultDirectory} here, else in the repository of the executable)." };
        var minConfidence = new Option<double>("--min-confidence") { Description = "Raise only detections at least this confident (0..1).", DefaultValueFactory = _ => 0.5 };
        var reRaise = new Option<string>("--reraise") { Description = "Re-raise the same class for a pair or source only after this much event time (60s, 5m).", DefaultValueFactory = _ => "60s" };
        var strict = new Option<bool>("--strict") { Description = $"Exit with {ExitCodes.InputErrors} when any record was malformed." };
        var command = new Command("detect", "Detect attacks in recorded flows (Hubble JSON, Tetragon, pcap, CICFlowMeter CSV): one line per detection with its class, confidence, endpoints and explanation.")
        {
            files, source, output, model, minConfidence, reRaise, strict,
        };
        var attribution = new PodAttribution();
        attribution.AddTo(command);
        command.SetAction(parse =>
        {
            if (!DurationParser.TryParse(parse.GetValue(reRaise), out var interval, out var error))
            {
                context.Error.WriteLine($"autoshield: --reraise: {error}");
                return ExitCodes.Usage;
            }

            var confidence = parse.GetValue(minConfidence);
            if (confidence is < 0 or > 1)
            {
                context.Error.WriteLine("autoshield: --min-confidence lies between 0 and 1");
                return ExitCodes.Usage;
            }

            if (!attribution.TryCreate(context, parse, "detect", out var attributor))
            {
                return ExitCodes.Failure;
            }

            var options = new WindowDetectorOptions { MinConfidence = confidence, ReRaiseInterval = interval, BatchSize = BatchSize };
            return Execute(context, parse.GetValue(files)!, CommonOptions.ParseSource(parse.GetValue(source)), parse.GetValue(model), options,
                parse.GetValue(output), parse.GetValue(strict), attributor);
        });
        return command;
    }

    public static int Execute(CliContext context, IReadOnlyList<string> files, FlowSourceKind? kind, string? modelDirectory,
        WindowDetectorOptions options, OutputFormat output, bool strict, IEndpointAttributor? attributor = null)
    {
        var (directory, tried) = DetectModelLocator.Locate(modelDirectory, Environment.CurrentDirectory, AppContext.BaseDirectory);
        if (directory is null)
        {
            context.Error.WriteLine($"autoshield: no model found (looked for {DetectModelLocator.ManifestFile} in {string.Join(", ", tried)}); pass --model <dir>");
            return ExitCodes.Failure;
        }

        DetectionModel model;
        try
        {
            model = DetectionModel.Load(directory);
        }
        catch (ModelFileException ex)
        {
            context.Error.WriteLine($"autoshield: {directory}: {ex.Message}");
            return ExitCodes.Failure;
        }

        if (!InputFiles.TryOpen(context, files, kind, out var sources))
        {
            return ExitCodes.Failure;
        }

        try
        {
            var sink = new DelegateDetectionSink(d => Write(context.Out, d, output));
            var detector = new WindowDetector(model, sink, options);
            var pipeline = new IngestionPipeline(new IngestionOptions { Attributor = attributor }, detector);
            var summary = ProgressReporter.Run(
                context,
                [.. sources.Select(s => ($"detect {Path.GetFileName(s.Name)}", (double)(s.Length ?? 1)))],
                progress =>
                {
                    var result = pipeline.Run(sources, (i, bytes) => progress(i, bytes));
                    detector.Flush();
                    return result;
                });
            PodAttribution.Report(context, "detect", attributor, summary.AttributedEndpoints);
            WriteSummary(context.Error, summary, detector.Counters, directory);
            return strict && summary.Errors > 0 ? ExitCodes.InputErrors : ExitCodes.Ok;
        }
        finally
        {
            foreach (var s in sources)
            {
                s.Dispose();
            }
        }
    }

    private static void Write(TextWriter writer, Core.Detections.Detection detection, OutputFormat output)
    {
        if (output == OutputFormat.Json)
        {
            CliJson.Write(writer, DetectJsonLine.From(detection));
            return;
        }

        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{detection.Time:yyyy-MM-ddTHH:mm:ss.fffZ} {detection.AttackClass} {detection.Confidence:0.00} {detection.Source.DisplayName} → {detection.Destination.DisplayName}:{detection.Destination.Port} {detection.Explanation.Sentence}"));
    }

    private static void WriteSummary(TextWriter error, IngestionSummary summary, WindowDetectorCounters counters, string model)
    {
        var byClass = counters.EmittedByClass.Count == 0
            ? string.Empty
            : " (" + string.Join(", ", counters.EmittedByClass.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key} {kv.Value:N0}")) + ")";
        error.WriteLine($"model {model}");
        error.WriteLine($"{summary.Events:N0} events ({summary.Errors:N0} malformed), {summary.Connections:N0} connections, {counters.Windows:N0} windows");
        error.WriteLine($"{counters.Emitted:N0} detections{byClass}, {counters.Suppressed:N0} repeats suppressed");
    }
}
