using AutoShield.Core.Detections;
using AutoShield.Core.Flows;
using AutoShield.Core.Windows;
using AutoShield.Ingestion.Windows;

namespace AutoShield.Detection.Runtime;

/// <summary>
/// The per-destination rule for password guessing over HTTP: counts, per destination workload and port, the connections that
/// carried HTTP and those whose answer was 401 Unauthorized, and raises BRUTE_FORCE on a refused connection when the
/// destination has refused many logins in the interval and most of its HTTP connections were refusals. A login
/// proxied through an ingress reaches the application over a few pooled connections that look like any other, so
/// no pair window shows it; the refusals do. Ordinary users mistype a password now and then, which stays far below
/// the share. Allocates nothing per connection once a destination is known; single-threaded like the pipeline.
/// </summary>
internal sealed class AuthFailureRule
{
    private const int Unauthorized = 401;

    private readonly AuthFailureRuleOptions _options;
    private readonly Dictionary<DestinationKey, AuthFailureCounts> _destinations = [];
    private readonly long _intervalNanos;
    private readonly long _bucketNanos;

    public AuthFailureRule(AuthFailureRuleOptions options)
    {
        options.Validate();
        _options = options;
        _intervalNanos = options.Interval.Ticks * 100;
        _bucketNanos = Math.Max(1, _intervalNanos / AuthFailureCounts.Buckets);
    }

    /// <summary>Destinations tracked now.</summary>
    public int Count => _destinations.Count;

    /// <summary>Counts the connection for its destination when it carried HTTP, and judges it.</summary>
    public AuthFailureVerdict Evaluate(in Connection connection)
    {
        if (connection.HttpStatus <= 0)
        {
            return default;
        }

        var at = connection.EndUnixNanos > 0 ? connection.EndUnixNanos : connection.StartUnixNanos;
        // Per workload, not per pod: a login service behind several replicas is one target, its refusals spread over them.
        var responder = connection.Responder;
        var key = new DestinationKey(new EndpointIdentity(responder.Namespace, responder.Workload ?? responder.PodName, connection.ResponderIp), connection.ResponderPort);
        var refused = connection.HttpStatus == Unauthorized;
        var counts = CountsOf(key, at);
        var (http, refusals) = counts.Add(at, refused, _bucketNanos);
        if (!refused || refusals < _options.MinRefused || refusals < _options.MinRefusedRatio * http)
        {
            return default;
        }

        var span = Math.Max(0, at - Math.Max(counts.FirstSeenUnixNanos, at - _intervalNanos)) / 1e9;
        return new AuthFailureVerdict(AttackClass.BruteForce, FanOutRules.Confidence((double)refusals / _options.MinRefused),
            key.Port, http, refusals, span, _options.MinRefused);
    }

    private AuthFailureCounts CountsOf(DestinationKey key, long at)
    {
        if (_destinations.TryGetValue(key, out var counts))
        {
            return counts;
        }

        if (_destinations.Count >= _options.MaxDestinations)
        {
            MakeRoom(at);
        }

        counts = new AuthFailureCounts();
        _destinations[key] = counts;
        return counts;
    }

    /// <summary>Idle destinations go first, then all (a separate method: its lambda must not allocate on the hot path).</summary>
    private void MakeRoom(long at)
    {
        foreach (var idle in _destinations.Where(p => at - p.Value.LastSeenUnixNanos > _intervalNanos).Select(p => p.Key).ToList())
        {
            _destinations.Remove(idle);
        }

        if (_destinations.Count >= _options.MaxDestinations)
        {
            _destinations.Clear();
        }
    }
}
