using System.CommandLine;
using AutoShield.Cli.Infrastructure;
using AutoShield.Core.Flows;
using AutoShield.Ingestion.Hubble.Grpc;
using AutoShield.Ingestion.Pipeline;
using AutoShield.Ingestion.Sources;

namespace AutoShield.Cli.Commands;

/// <summary><c>autoshield replay</c>: reads recorded input through connections and windows and reports what it saw.</summary>
public static class ReplayCommand
{
    public static Command Build(CliContext context)
    {
        var files = new Argument<string[]>("files") { Description = "Input files (- for stdin); gzip is detected.", Arity = ArgumentArity.ZeroOrMore };
        var source = CommonOptions.Source();
        var output = CommonOptions.Output();
        var strict = new Option<bool>("--strict") { Description = $"Exit with {ExitCodes.InputErrors} when any record was malformed." };
        var maxPairs = new Option<int>("--max-pairs") { Description = "Cap on pairs held in the window store.", DefaultValueFactory = _ => 100_000 };
        var relay = new ReplayRelayOptions();
        var attribution = new PodAttribution();
        var command = new Command("replay", "Replay recorded flows (Hubble JSON, Tetragon, pcap, CICFlowMeter CSV), or stream them from a Hubble Relay (--relay), through connection assembly and windows; print counts, errors, pairs and windows.")
        {
            files, source, output, strict, maxPairs,
        };
        foreach (var option in relay.All)
        {
            command.Options.Add(option);
        }

        attribution.AddTo(command);
        command.SetAction(parse =>
        {
            var paths = parse.GetValue(files) ?? [];
            var settings = relay.Read(parse, TimeProvider.System, out var error);
            error ??= (settings, paths.Length) switch
            {
                (null, 0) => "give input files, or --relay host:port",
                ({ }, > 0) => "give input files or --relay, not both",
                _ => null,
            };
            if (error is not null)
            {
                context.Error.WriteLine($"error: {error}");
                return ExitCodes.Usage;
            }

            if (!attribution.TryCreate(context, parse, "replay", out var attributor))
            {
                return ExitCodes.Failure;
            }

            if (settings is null)
            {
                return Execute(context, paths, CommonOptions.ParseSource(parse.GetValue(source)), parse.GetValue(output), parse.GetValue(strict), parse.GetValue(maxPairs), attributor);
            }

            // Ctrl+C ends a follow like the relay ending the stream: the pipeline flushes and the summary prints.
            using var stop = new CancellationTokenSource();
            ConsoleCancelEventHandler onCancel = (_, e) =>
            {
                e.Cancel = true;
                stop.Cancel();
            };
            Console.CancelKeyPress += onCancel;
            try
            {
                return ExecuteRelay(context, settings, parse.GetValue(output), parse.GetValue(strict), parse.GetValue(maxPairs), stop.Token, attributor);
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }
        });
        return command;
    }

    /// <summary>Streams flows from a Hubble Relay through the pipeline until the relay ends the stream, the count is reached or the token is cancelled.</summary>
    public static int ExecuteRelay(CliContext context, ReplayRelaySettings settings, OutputFormat output, bool strict, int maxPairs, CancellationToken cancellationToken, IEndpointAttributor? attributor = null)
    {
        var errorsShown = 0;
        void OnError(ParseError error)
        {
            if (errorsShown++ < OpenedSource.ErrorsKept)
            {
                context.Error.WriteLine($"error {error}");
            }
        }

        var name = $"relay {settings.Client.Address}";
        try
        {
            using var source = OpenedSource.FromReader(name, FlowSourceKind.Hubble, new ReplayRelayReader(settings.Client, settings.Count, OnError, cancellationToken));
            var summary = NewPipeline(maxPairs, attributor).Run([source]);
            PodAttribution.Report(context, "replay", attributor, summary.AttributedEndpoints);
            Write(context, output, summary);
            return strict && summary.Errors > 0 ? ExitCodes.InputErrors : ExitCodes.Ok;
        }
        catch (Exception ex) when (ex is HubbleRelayException or ArgumentException or IOException or System.Security.Cryptography.CryptographicException)
        {
            context.Error.WriteLine($"error: {name}: {ex.Message}");
            return ExitCodes.Failure;
        }
    }

    public static int Execute(CliContext context, IReadOnlyList<string> files, FlowSourceKind? kind, OutputFormat output, bool strict, int maxPairs, IEndpointAttributor? attributor = null)
    {
        if (!InputFiles.TryOpen(context, files, kind, out var sources))
        {
            return ExitCodes.Failure;
        }

        try
        {
            var pipeline = NewPipeline(maxPairs, attributor);
            var summary = ProgressReporter.Run(
                context,
                [.. sources.Select(s => ($"replay {Path.GetFileName(s.Name)}", (double)(s.Length ?? 1)))],
                progress => pipeline.Run(sources, (i, bytes) => progress(i, bytes)));
            PodAttribution.Report(context, "replay", attributor, summary.AttributedEndpoints);
            Write(context, output, summary);
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

    private static IngestionPipeline NewPipeline(int maxPairs, IEndpointAttributor? attributor) => new(new IngestionOptions
    {
        Attributor = attributor,
        Windows = new() { MaxPairs = maxPairs },
        TrackDistinctPairs = true,
    });

    private static void Write(CliContext context, OutputFormat output, IngestionSummary summary)
    {
        if (output == OutputFormat.Json)
        {
            CliJson.Write(context.Out, summary);
        }
        else
        {
            WriteText(context.Out, summary);
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
