using System.CommandLine;
using AutoShield.Cli.Infrastructure;
using AutoShield.Ingestion.Pipeline;
using AutoShield.Ingestion.Sources;

namespace AutoShield.Cli.Commands;

/// <summary><c>autoshield replay</c>: reads recorded input through connections and windows and reports what it saw.</summary>
public static class ReplayCommand
{
    public static Command Build(CliContext context)
    {
        var files = new Argument<string[]>("files") { Description = "Input files (- for stdin); gzip is detected.", Arity = ArgumentArity.OneOrMore };
        var source = CommonOptions.Source();
        var output = CommonOptions.Output();
        var strict = new Option<bool>("--strict") { Description = $"Exit with {ExitCodes.InputErrors} when any record was malformed." };
        var maxPairs = new Option<int>("--max-pairs") { Description = "Cap on pairs held in the window store.", DefaultValueFactory = _ => 100_000 };
        var command = new Command("replay", "Replay recorded flows (Hubble JSON, Tetragon, pcap, CICFlowMeter CSV) through connection assembly and windows; print counts, errors, pairs and windows.")
        {
            files, source, output, strict, maxPairs,
        };
        command.SetAction(parse => Execute(
            context,
            parse.GetValue(files)!,
            CommonOptions.ParseSource(parse.GetValue(source)),
            parse.GetValue(output),
            parse.GetValue(strict),
            parse.GetValue(maxPairs)));
        return command;
    }

    public static int Execute(CliContext context, IReadOnlyList<string> files, FlowSourceKind? kind, OutputFormat output, bool strict, int maxPairs)
    {
        if (!InputFiles.TryOpen(context, files, kind, out var sources))
        {
            return ExitCodes.Failure;
        }

        try
        {
            var options = new IngestionOptions
            {
                Windows = new() { MaxPairs = maxPairs },
                TrackDistinctPairs = true,
            };
            var pipeline = new IngestionPipeline(options);
            var summary = ProgressReporter.Run(
                context,
                [.. sources.Select(s => ($"replay {Path.GetFileName(s.Name)}", (double)(s.Length ?? 1)))],
                progress => pipeline.Run(sources, (i, bytes) => progress(i, bytes)));
            if (output == OutputFormat.Json)
            {
                CliJson.Write(context.Out, summary);
            }
            else
            {
                WriteText(context.Out, summary);
            }

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

    private static void WriteText(TextWriter writer, IngestionSummary summary)
    {
        foreach (var source in summary.Sources)
        {
            writer.WriteLine($"{source.Name} ({source.Kind}): {source.Good:N0} events, {source.Bad:N0} malformed, {source.Skipped:N0} skipped");
            foreach (var error in source.FirstErrors)
            {
                writer.WriteLine($"  error {error}");
            }

            if (source.Bad > source.FirstErrors.Count)
            {
                writer.WriteLine($"  ... and {source.Bad - source.FirstErrors.Count:N0} more errors");
            }
        }

        writer.WriteLine($"events       {summary.Events:N0} ({summary.Errors:N0} malformed, {summary.Skipped:N0} skipped, {summary.DuplicateEvents:N0} duplicate observations)");
        writer.WriteLine($"connections  {summary.Connections:N0}");
        writer.WriteLine($"windows      {summary.Windows:N0}");
        writer.WriteLine($"pairs        {summary.PairsSeen:N0} seen, {summary.Pairs:N0} held, {summary.PairsEvicted:N0} evicted, {summary.PairsExpired:N0} expired");
        if (summary.ConnectionsByLabel.Count > 0)
        {
            writer.WriteLine("labels       " + string.Join(", ", summary.ConnectionsByLabel.Select(kv => $"{kv.Key} {kv.Value:N0}")));
        }
    }
}
