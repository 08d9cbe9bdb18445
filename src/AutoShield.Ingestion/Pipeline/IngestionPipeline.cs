using AutoShield.Core.Flows;
using AutoShield.Core.Windows;
using AutoShield.Ingestion.Connections;
using AutoShield.Ingestion.Sources;
using AutoShield.Ingestion.Windows;

namespace AutoShield.Ingestion.Pipeline;

/// <summary>
/// The ingestion half of the loop, single-threaded: flow events → connections → per-pair windows and per-source
/// fan-out. Each source is read to its end; malformed records are reported and counted, never fatal.
/// </summary>
public sealed class IngestionPipeline : IConnectionSink
{
    private readonly ConnectionAssembler _assembler;
    private readonly WindowStore _windows;
    private readonly FanOutStore _fanOut;
    private readonly IWindowObserver? _observer;
    private readonly Dictionary<string, long> _byLabel = new(StringComparer.Ordinal);
    private readonly HashSet<PairKey> _pairsSeen = [];
    private readonly bool _trackPairsSeen;
    private readonly IEndpointAttributor? _attributor;
    private long _connections;
    private long _attributed;

    public IngestionPipeline(IngestionOptions? options = null, IWindowObserver? observer = null)
    {
        options ??= new IngestionOptions();
        _assembler = new ConnectionAssembler(this, options.Assembler);
        _windows = new WindowStore(options.Windows);
        _fanOut = new FanOutStore(options.FanOut);
        _observer = observer;
        _trackPairsSeen = options.TrackDistinctPairs;
        _attributor = options.Attributor;
    }

    public WindowStore Windows => _windows;

    public FanOutStore FanOut => _fanOut;

    public ConnectionAssembler Assembler => _assembler;

    /// <summary>Endpoints named by the attributor so far.</summary>
    public long AttributedEndpoints => _attributed;

    /// <summary>Reads every source in order, then flushes open connections, and returns what was seen.</summary>
    /// <param name="sources">Opened inputs; disposed by the caller.</param>
    /// <param name="onProgress">Called now and then with the source index and its raw bytes read so far.</param>
    public IngestionSummary Run(
        IReadOnlyList<OpenedSource> sources,
        Action<int, long>? onProgress = null,
        CancellationToken cancellationToken = default)
    {
        var summaries = new List<SourceSummary>(sources.Count);
        var flowEvent = default(FlowEvent);
        for (var i = 0; i < sources.Count; i++)
        {
            var source = sources[i];
            var reader = source.Reader;
            var count = 0;
            while (reader.TryRead(ref flowEvent))
            {
                if (_attributor is not null)
                {
                    Attribute(_attributor, ref flowEvent);
                }

                _assembler.Add(flowEvent);
                if ((++count & 0x3FFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    onProgress?.Invoke(i, source.Position);
                }
            }

            onProgress?.Invoke(i, source.Position);
            summaries.Add(new SourceSummary(
                source.Name, source.Kind.ToString().ToLowerInvariant(), reader.Counters.Good, reader.Counters.Bad, reader.Counters.Skipped, [.. source.FirstErrors]));
        }

        _assembler.Flush();
        return Summarize(summaries);
    }

    private void Attribute(IEndpointAttributor attributor, ref FlowEvent flowEvent)
    {
        if (flowEvent.Source.PodName is null && flowEvent.Source.Workload is null
            && attributor.TryAttribute(flowEvent.SourceIp, flowEvent.TimeUnixNanos, ref flowEvent.Source))
        {
            _attributed++;
        }

        if (flowEvent.Destination.PodName is null && flowEvent.Destination.Workload is null
            && attributor.TryAttribute(flowEvent.DestinationIp, flowEvent.TimeUnixNanos, ref flowEvent.Destination))
        {
            _attributed++;
        }
    }

    void IConnectionSink.OnConnection(in Connection connection)
    {
        _connections++;
        var window = _windows.Update(connection);
        var fanOut = _fanOut.Update(connection);
        if (connection.Label is { } label)
        {
            _byLabel[label] = _byLabel.GetValueOrDefault(label) + 1;
        }

        if (_trackPairsSeen)
        {
            _pairsSeen.Add(window.Key);
        }

        _observer?.OnWindow(connection, window, fanOut);
    }

    private IngestionSummary Summarize(List<SourceSummary> sources) => new()
    {
        Sources = sources,
        Events = sources.Sum(s => s.Good),
        Errors = sources.Sum(s => s.Bad),
        Skipped = sources.Sum(s => s.Skipped),
        Connections = _connections,
        Windows = _connections,
        Pairs = _windows.Count,
        PairsSeen = _trackPairsSeen ? _pairsSeen.Count : -1,
        PairsEvicted = _windows.Evicted,
        PairsExpired = _windows.Expired,
        DuplicateEvents = _assembler.Counters.DuplicatesIgnored,
        AttributedEndpoints = _attributed,
        ConnectionsByLabel = new SortedDictionary<string, long>(_byLabel, StringComparer.Ordinal),
    };
}
