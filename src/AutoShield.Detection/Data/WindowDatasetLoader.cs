using AutoShield.Core.Flows;
using AutoShield.Ingestion.Pipeline;
using AutoShield.Ingestion.Simulation;
using AutoShield.Ingestion.Sources;

namespace AutoShield.Detection.Data;

/// <summary>
/// Runs sources through the ingestion pipeline (a fresh one per source, so pairs never span files or simulator runs)
/// and collects every window into a <see cref="WindowDataset"/>.
/// </summary>
public static class WindowDatasetLoader
{
    /// <param name="sources">Files and simulator runs, read in order.</param>
    /// <param name="onSourceDone">Called after each source with its index and what the pipeline saw.</param>
    /// <param name="onError">Every malformed record of every file (they are skipped, never fatal).</param>
    /// <exception cref="FileNotFoundException">A file is missing.</exception>
    /// <exception cref="InvalidDataException">A file's format cannot be told from its content.</exception>
    public static WindowDataset Load(
        IReadOnlyList<DataSource> sources,
        Action<int, IngestionSummary>? onSourceDone = null,
        Action<ParseError>? onError = null,
        IngestionOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var collector = new WindowCollector();
        for (var i = 0; i < sources.Count; i++)
        {
            var source = sources[i];
            collector.BeginSource(i, source.Name);
            using var opened = Open(source, onError);
            var pipeline = new IngestionPipeline(options, collector);
            var summary = pipeline.Run([opened], cancellationToken: cancellationToken);
            onSourceDone?.Invoke(i, summary);
        }

        return collector.Build(sources);
    }

    private static OpenedSource Open(DataSource source, Action<ParseError>? onError) => source.Simulation is { } simulation
        ? OpenedSource.FromReader(source.Name, FlowSourceKind.Simulator, new EnumerableFlowReader(new ClusterSimulator(simulation).Generate()))
        : FlowSourceFactory.Open(source.Path!, source.Kind, onError);
}
