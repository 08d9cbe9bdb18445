using System.CommandLine;
using AutoShield.Cli.Infrastructure;
using AutoShield.Ingestion.Pipeline;
using AutoShield.Ingestion.Sources;

namespace AutoShield.Cli.Commands;

/// <summary><c>autoshield windows</c>: dumps the per-pair windows of recorded input as CSV for inspection.</summary>
public static class WindowsCommand
{
    public static Command Build(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "Input file (- for stdin); gzip is detected." };
        var source = CommonOptions.Source();
        var outFile = new Option<string?>("--out") { Description = "Write the CSV here instead of stdout." };
        var pair = new Option<string?>("--pair") { Description = "Only windows whose source or destination contains this text." };
        var limit = new Option<long>("--limit") { Description = "Stop after this many windows.", DefaultValueFactory = _ => long.MaxValue };
        var command = new Command("windows", "Dump the 20 x 12 windows of recorded input as CSV: one line per real row, features named as in policies.")
        {
            file, source, outFile, pair, limit,
        };
        command.SetAction(parse => Execute(
            context,
            parse.GetValue(file)!,
            CommonOptions.ParseSource(parse.GetValue(source)),
            parse.GetValue(outFile),
            parse.GetValue(pair),
            parse.GetValue(limit)));
        return command;
    }

    public static int Execute(CliContext context, string file, FlowSourceKind? kind, string? outFile, string? pair, long limit)
    {
        if (!InputFiles.TryOpen(context, [file], kind, out var sources))
        {
            return ExitCodes.Failure;
        }

        using var source = sources[0];
        using var target = outFile is null ? null : new StreamWriter(outFile);
        var writer = target ?? context.Out;
        WindowCsvWriter.WriteHeader(writer);
        var csv = new WindowCsvWriter(writer, pair, limit);
        var summary = new IngestionPipeline(observer: csv).Run(sources);
        context.Error.WriteLine($"{csv.Written:N0} windows written; {summary.Events:N0} events, {summary.Errors:N0} malformed, {summary.Connections:N0} connections");
        foreach (var error in source.FirstErrors)
        {
            context.Error.WriteLine($"  error {error}");
        }

        return ExitCodes.Ok;
    }
}
