using AutoShield.Core.Detections;
using AutoShield.Core.Flows;
using AutoShield.Core.Windows;
using AutoShield.Ingestion.Dns;

namespace AutoShield.Detection.Runtime;

/// <summary>
/// The DNS-name rule for tunnels: reads the query name a connection carried (Hubble's L7 DNS records; pcap and flow
/// records have none) and raises DATA_EXFILTRATION when a label holds a run of characters (between dots and hyphens) long and random
/// enough to be encoded data, or when
/// the source has asked many distinct names under one parent domain within the interval. Names in the cluster's own
/// domain are never counted under a parent (services and search-path expansions). The pace of the queries plays no
/// part, so a tunnel's first lookup and a slow one are raised as well as a fast one. Allocates nothing per
/// connection; single-threaded like the pipeline.
/// </summary>
internal sealed class DnsNameRule
{
    public const string MethodName = "dns-name";

    private readonly DnsNameRuleOptions _options;
    private readonly DnsParentStore _store;

    public DnsNameRule(DnsNameRuleOptions options)
    {
        options.Validate();
        _options = options;
        _store = new DnsParentStore(options.MaxParents, options.Interval);
    }

    public DnsNameRuleOptions Options => _options;

    /// <summary>Parent domains tracked now.</summary>
    public int TrackedParents => _store.Count;

    /// <summary>Counts the connection's query name for its source and parent domain and judges it; default when it carried none.</summary>
    public DnsNameVerdict Evaluate(in Connection connection)
    {
        if (connection.DnsQuery is not { } query)
        {
            return default;
        }

        var name = DnsLabels.Trim(query);
        var run = DnsLabels.LongestChunkOf(name);
        var entropy = DnsLabels.Entropy(run);
        var distinct = 0;
        var span = 0.0;
        if (!DnsLabels.InDomain(name, _options.ClusterDomain))
        {
            var parent = DnsLabels.Parent(name);
            var source = EndpointIdentity.From(connection.Initiator, connection.InitiatorIp);
            var key = ((ulong)(uint)source.GetHashCode() << 32) | (uint)string.GetHashCode(parent, StringComparison.OrdinalIgnoreCase);
            distinct = _store.Update(key, string.GetHashCode(name, StringComparison.OrdinalIgnoreCase), connection.EndUnixNanos, out span);
        }

        var encoded = run.Length >= _options.MinEncodedRunLength && entropy >= _options.MinEncodedRunEntropy;
        var many = distinct >= _options.MinDistinctNames;
        var fired = encoded || many;

        // Margins multiply for the run (longer and more random is surer); the name count stands on its own.
        var labelMargin = encoded
            ? (double)run.Length / _options.MinEncodedRunLength * (entropy / Math.Max(1e-9, _options.MinEncodedRunEntropy))
            : 0;
        var countMargin = (double)distinct / _options.MinDistinctNames;
        return new DnsNameVerdict(
            fired ? AttackClass.DataExfiltration : null,
            fired ? FanOutRules.Confidence(Math.Max(labelMargin, countMargin)) : 0,
            query,
            run.Length,
            entropy,
            distinct,
            span,
            _options.MinEncodedRunLength,
            _options.MinEncodedRunEntropy,
            _options.MinDistinctNames);
    }
}
