using AutoShield.Core.Detections;
using AutoShield.Core.Flows;
using AutoShield.Core.Net;
using AutoShield.Core.Windows;
using AutoShield.Ingestion.Windows;

namespace AutoShield.Detection.Runtime;

/// <summary>
/// The per-source rules for attacks no single pair shows. PORT_SCAN reads the pipeline's fan-out view (many distinct
/// ports or destinations, mostly failed) and goes with the source's failed connections; LATERAL_MOVEMENT keeps its
/// own fan-out store fed only with connections to internal destinations on <see cref="FanOutRuleOptions.AdminPorts"/>,
/// so it counts the distinct pods and nodes a source reached on remote-control ports, and carries over to other
/// ports of the hosts so reached (<see cref="LateralTrail"/>). A scan takes precedence over lateral movement for the
/// same connection. Allocates nothing per connection once a source is known; single-threaded like the pipeline.
/// </summary>
internal sealed class FanOutRules
{
    private readonly FanOutRuleOptions _options;
    private readonly ulong[] _adminPorts = new ulong[65536 / 64];
    private readonly FanOutStore _admin;
    private readonly Dictionary<EndpointIdentity, LateralTrail> _trails = [];
    private readonly long _intervalNanos;

    public FanOutRules(FanOutRuleOptions options)
    {
        _options = options;
        _intervalNanos = options.LateralInterval.Ticks * 100;
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
        var internalDestination = IsInternal(connection.Responder, connection.ResponderIp);
        var start = connection.StartUnixNanos;
        if (IsAdminPort(connection.ResponderPort) && internalDestination)
        {
            var admin = _admin.Update(connection);
            var trail = _options.LateralCarryOver ? TrailOf(view.Source, start) : null;
            trail?.AddTarget(EndpointIdentity.From(connection.Responder, connection.ResponderIp), start);
            if (admin.DistinctDestinations >= _options.LateralMinDestinations)
            {
                lateral = Verdict(AttackClass.LateralMovement, admin, (double)admin.DistinctDestinations / _options.LateralMinDestinations, _options.LateralMinDestinations);
                trail?.Fire(lateral, start);
            }
        }
        else if (internalDestination && _trails.Count > 0 && _trails.TryGetValue(view.Source, out var trail)
            && trail.Covers(EndpointIdentity.From(connection.Responder, connection.ResponderIp), start, _intervalNanos))
        {
            // Another port of a host the source just probed on an admin port: part of the same sweep.
            lateral = trail.Verdict with { ProbedHost = true };
        }

        // The scan verdict goes with the source's failed connections (the probes), not with its sessions that work:
        // a scanning host's ordinary traffic at the same time is not part of the scan.
        if (connection.Failed && view.Connections >= _options.ScanMinConnections && view.FailedRatio >= _options.ScanMinFailedRatio)
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

    /// <summary>The source's trail, created on first use; bounded by LateralMaxSources (idle trails go first, then all).</summary>
    private LateralTrail TrailOf(EndpointIdentity source, long at)
    {
        if (_trails.TryGetValue(source, out var trail))
        {
            return trail;
        }

        if (_trails.Count >= _options.LateralMaxSources)
        {
            MakeRoom(at);
        }

        trail = new LateralTrail();
        _trails[source] = trail;
        return trail;
    }

    /// <summary>Idle trails go first, then all (a separate method: its lambda must not allocate on the hot path).</summary>
    private void MakeRoom(long at)
    {
        foreach (var idle in _trails.Where(p => at - p.Value.LastSeenUnixNanos > _intervalNanos).Select(p => p.Key).ToList())
        {
            _trails.Remove(idle);
        }

        if (_trails.Count >= _options.LateralMaxSources)
        {
            _trails.Clear();
        }
    }

    private bool IsAdminPort(ushort port) => (_adminPorts[port >> 6] & (1UL << (port & 63))) != 0;

    private static FanOutVerdict Verdict(string attackClass, FanOutView view, double margin, int threshold)
    {
        var start = Math.Max(view.HorizonStartUnixNanos, view.FirstSeenUnixNanos);
        var span = Math.Max(0, view.LastSeenUnixNanos - start) / 1e9;
        return new FanOutVerdict(attackClass, Confidence(margin), view.Connections, view.FailedConnections, view.DistinctDestinations, view.DistinctPorts, span, threshold);
    }
}
