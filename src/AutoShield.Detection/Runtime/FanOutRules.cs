using AutoShield.Core.Detections;
using AutoShield.Core.Flows;
using AutoShield.Core.Net;
using AutoShield.Ingestion.Windows;

namespace AutoShield.Detection.Runtime;

/// <summary>
/// The per-source rules for attacks no single pair shows. PORT_SCAN reads the pipeline's fan-out view (many distinct
/// ports or destinations, mostly failed); LATERAL_MOVEMENT keeps its own fan-out store fed only with connections to
/// internal destinations on <see cref="FanOutRuleOptions.AdminPorts"/>, so it counts the distinct pods and nodes a
/// source reached on remote-control ports. A scan takes precedence over lateral movement for the same connection.
/// Allocates nothing per connection; single-threaded like the pipeline.
/// </summary>
internal sealed class FanOutRules
{
    private readonly FanOutRuleOptions _options;
    private readonly ulong[] _adminPorts = new ulong[65536 / 64];
    private readonly FanOutStore _admin;

    public FanOutRules(FanOutRuleOptions options)
    {
        _options = options;
        foreach (var port in options.AdminPorts)
        {
            _adminPorts[port >> 6] |= 1UL << (port & 63);
        }

        _admin = new FanOutStore(new FanOutStoreOptions
        {
            Horizon = options.LateralInterval,
            MaxSources = options.LateralMaxSources,
            InitialCapacity = Math.Min(64, options.LateralMaxSources),
        });
    }

    public FanOutVerdict Evaluate(in Connection connection, FanOutView view)
    {
        var lateral = default(FanOutVerdict);
        if (IsAdminPort(connection.ResponderPort) && IsInternal(connection.Responder, connection.ResponderIp))
        {
            var admin = _admin.Update(connection);
            if (admin.DistinctDestinations >= _options.LateralMinDestinations)
            {
                lateral = Verdict(AttackClass.LateralMovement, admin, (double)admin.DistinctDestinations / _options.LateralMinDestinations, _options.LateralMinDestinations);
            }
        }

        if (view.Connections >= _options.ScanMinConnections && view.FailedRatio >= _options.ScanMinFailedRatio)
        {
            var ports = (double)view.DistinctPorts / _options.ScanMinPorts;
            var destinations = (double)view.DistinctDestinations / _options.ScanMinDestinations;
            if (Math.Max(ports, destinations) >= 1)
            {
                return Verdict(AttackClass.PortScan, view, Math.Max(ports, destinations), ports >= destinations ? _options.ScanMinPorts : _options.ScanMinDestinations);
            }
        }

        return lateral;
    }

    /// <summary>1 − 0.5 / margin, in [0.5, 0.99]: at the threshold 0.5, at twice it 0.75, at ten times 0.95.</summary>
    public static double Confidence(double margin) => Math.Clamp(1 - (0.5 / margin), 0.5, 0.99);

    /// <summary>A pod, a node or the API server, or a private address: not the internet.</summary>
    public static bool IsInternal(in FlowEndpoint endpoint, IpAddr ip)
    {
        if (endpoint.PodName is not null || endpoint.Namespace is not null)
        {
            return true;
        }

        // Cilium identities: 1 host, 6 remote-node, 7 kube-apiserver; 256 up to the CIDR range are cluster workloads.
        if (endpoint.Identity is 1 or 6 or 7 or (>= 256 and < 16_777_216))
        {
            return true;
        }

        return IsPrivate(ip);
    }

    private static bool IsPrivate(IpAddr ip)
    {
        if (ip.IsV4)
        {
            var a = (uint)ip.Lo;
            return (a >> 24) == 10 || (a >> 20) == 0xAC1 || (a >> 16) == 0xC0A8 || (a >> 22) == ((100u << 2) | 1);
        }

        // fc00::/7 unique local addresses.
        return !ip.IsNone && (ip.Hi >> 57) == (0xFCUL >> 1);
    }

    private bool IsAdminPort(ushort port) => (_adminPorts[port >> 6] & (1UL << (port & 63))) != 0;

    private static FanOutVerdict Verdict(string attackClass, FanOutView view, double margin, int threshold)
    {
        var start = Math.Max(view.HorizonStartUnixNanos, view.FirstSeenUnixNanos);
        var span = Math.Max(0, view.LastSeenUnixNanos - start) / 1e9;
        return new FanOutVerdict(attackClass, Confidence(margin), view.Connections, view.FailedConnections, view.DistinctDestinations, view.DistinctPorts, span, threshold);
    }
}
