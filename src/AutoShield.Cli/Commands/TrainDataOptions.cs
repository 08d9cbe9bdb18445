using System.CommandLine;
using AutoShield.Cli.Infrastructure;
using AutoShield.Detection.Data;

namespace AutoShield.Cli.Commands;

/// <summary>
/// The data options <c>train</c> and <c>eval</c> share: recorded files (<c>--data</c>), simulator runs
/// (<c>--simulate</c>), and the temporal split applied to the files' windows. Simulated windows are never split: they
/// train in <c>train</c> and are evaluated in <c>eval</c>, so held-out simulator data means other seeds.
/// </summary>
internal sealed class TrainDataOptions
{
    public Option<string[]> Data { get; } = new("--data")
    {
        Description = "Recorded inputs: Hubble JSON, Tetragon, pcap/pcapng or CICFlowMeter CSV (gzip detected). Labels map to classes as docs/detection.md lists.",
        AllowMultipleArgumentsPerToken = true,
    };

    public Option<string?> Source { get; } = CommonOptions.Source();

    public Option<string[]> Simulate { get; } = new("--simulate")
    {
        Description = "Simulator runs in memory, scenario:seeds (all:1-5, port-scanning:3,4); repeatable.",
        AllowMultipleArgumentsPerToken = true,
    };

    public Option<string> SimulateDuration { get; } = new("--simulate-duration") { Description = "Simulated time per run: 60s, 5m.", DefaultValueFactory = _ => "120s" };

    public Option<SplitMode> Split { get; } = new("--split")
    {
        Description = "Temporal split of the --data windows: none, time (per class, latest windows are the test side) or day (cut at midnight when a class spans days).",
        DefaultValueFactory = _ => SplitMode.None,
    };

    public Option<double> TestFraction { get; } = new("--test-fraction") { Description = "Share of each class's windows on the test side of the split.", DefaultValueFactory = _ => 0.3 };

    public IEnumerable<Option> All => [Data, Source, Simulate, SimulateDuration, Split, TestFraction];

    /// <summary>The sources the options name, or null after writing a usage error.</summary>
    public List<DataSource>? Sources(ParseResult parse, CliContext context, string command)
    {
        if (!DurationParser.TryParse(parse.GetValue(SimulateDuration), out var duration, out var error))
        {
            context.Error.WriteLine($"autoshield {command}: --simulate-duration: {error}");
            return null;
        }

        var kind = CommonOptions.ParseSource(parse.GetValue(Source));
        var sources = (parse.GetValue(Data) ?? []).Select(path => DataSource.File(path, kind)).ToList();
        try
        {
            foreach (var spec in parse.GetValue(Simulate) ?? [])
            {
                sources.AddRange(SimulationSpec.Parse(spec, duration).Select(DataSource.Simulated));
            }
        }
        catch (FormatException ex)
        {
            context.Error.WriteLine($"autoshield {command}: --simulate {ex.Message}");
            return null;
        }

        if (sources.Count == 0)
        {
            context.Error.WriteLine($"autoshield {command}: no data: pass --data files and/or --simulate scenario:seeds");
            return null;
        }

        return sources;
    }

    /// <summary>Loads every window, with one progress bar per source; null after writing the error.</summary>
    public static WindowDataset? Load(CliContext context, IReadOnlyList<DataSource> sources, string command)
    {
        try
        {
            return ProgressReporter.Run(
                context,
                [("load " + string.Join(", ", sources.Select(s => Path.GetFileName(s.Name)).Take(3)) + (sources.Count > 3 ? ", ..." : ""), sources.Count)],
                progress => WindowDatasetLoader.Load(sources, (i, _) => progress(0, i + 1)));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or ArgumentException)
        {
            context.Error.WriteLine($"autoshield {command}: {ex.Message}");
            return null;
        }
    }

    /// <summary>The split of the file windows; simulated windows all go to the test side when <paramref name="simulatedOnTestSide"/>, else to the training side.</summary>
    public static DatasetSplit SplitWindows(WindowDataset data, SplitMode mode, double testFraction, bool simulatedOnTestSide)
    {
        var files = new List<int>();
        var simulated = new List<int>();
        for (var i = 0; i < data.Count; i++)
        {
            (data.Sources[data.SourceIndex[i]].IsSimulated ? simulated : files).Add(i);
        }

        var split = mode == SplitMode.None
            ? (simulatedOnTestSide ? new DatasetSplit([], [.. files], 0) : new DatasetSplit([.. files], [], 0))
            : TemporalSplit.Split(data, files, mode, testFraction);
        return simulatedOnTestSide
            ? split with { Test = [.. split.Test, .. simulated] }
            : split with { Train = [.. split.Train, .. simulated] };
    }

    public static bool ValidFraction(double fraction) => fraction is > 0 and < 1;
}
