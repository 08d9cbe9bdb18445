using AutoShield.Core.Detections;
using AutoShield.Core.Flows;
using AutoShield.Ingestion.Windows;

namespace AutoShield.Detection.Runtime;

/// <summary>
/// The per-destination rule for floods: keeps a <see cref="FanInStore"/> (distinct sources, failed connections and
/// unanswered SYNs per destination:port over the interval). It raises SYN_FLOOD on a failed connection when the
/// destination has seen many failed handshakes, mostly failed, however many sources they came from (a spoofed flood
/// is one connection per source, which no pair window shows), and it says whether a destination's traffic supports
/// the classifier's SYN_FLOOD at all. Allocates nothing per connection; single-threaded like the pipeline.
/// </summary>
internal sealed class FanInRule
{
    private readonly FanInRuleOptions _options;
    private readonly FanInStore _store;

    public FanInRule(FanInRuleOptions options)
    {
        options.Validate();
        _options = options;
        _store = new FanInStore(new FanInStoreOptions
        {
            Horizon = options.Interval,
            MaxDestinations = options.MaxDestinations,
            InitialCapacity = Math.Min(1024, options.MaxDestinations),
        });
    }

    public FanInStore Store => _store;

    /// <summary>Counts the connection for its destination and judges it.</summary>
    public FanInVerdict Evaluate(in Connection connection) => Judge(connection, _store.Update(connection));

    /// <summary>Judges a connection against a destination view kept elsewhere (the view must already count it).</summary>
    public FanInVerdict Judge(in Connection connection, FanInView view)
    {
        var supported = view.FailedConnections >= _options.SupportMinFailed || view.Connections >= _options.SupportMinConnections
            || view.DistinctSources >= _options.SupportMinSources;
        var fired = connection.Failed && view.FailedConnections >= _options.FloodMinFailed && view.FailedRatio >= _options.FloodMinFailedRatio;
        var span = Math.Max(0, view.LastSeenUnixNanos - Math.Max(view.HorizonStartUnixNanos, view.FirstSeenUnixNanos)) / 1e9;
        var key = view.Destination;
        return new FanInVerdict(
            fired ? AttackClass.SynFlood : null,
            fired ? FanOutRules.Confidence((double)view.FailedConnections / _options.FloodMinFailed) : 0,
            supported,
            key.Destination,
            key.Port,
            view.Connections,
            view.FailedConnections,
            view.UnansweredSyns,
            view.DistinctSources,
            span,
            _options.FloodMinFailed);
    }
}
