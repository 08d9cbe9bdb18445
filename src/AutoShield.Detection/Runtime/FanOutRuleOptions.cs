namespace AutoShield.Detection.Runtime;

/// <summary>
/// Thresholds of the per-source fan-out rules (see docs/detection-signals.md). A rule fires when every minimum is
/// met; its confidence grows with how far past the count threshold the source is: 1 − 0.5 / (count / threshold),
/// clamped to [0.5, 0.99], so a source exactly at the threshold scores 0.5 and one at twice it 0.75.
/// </summary>
public sealed record FanOutRuleOptions
{
    /// <summary>PORT_SCAN: at least this many distinct destination ports inside the fan-out horizon …</summary>
    public int ScanMinPorts { get; init; } = 20;

    /// <summary>… or at least this many distinct destinations (a sweep of one port across hosts) …</summary>
    public int ScanMinDestinations { get; init; } = 20;

    /// <summary>… over at least this many connections …</summary>
    public int ScanMinConnections { get; init; } = 20;

    /// <summary>… of which at least this share failed (no handshake, reset, dropped).</summary>
    public double ScanMinFailedRatio { get; init; } = 0.6;

    /// <summary>LATERAL_MOVEMENT: at least this many distinct internal destinations reached on <see cref="AdminPorts"/> …</summary>
    public int LateralMinDestinations { get; init; } = 5;

    /// <summary>… within this interval (event time).</summary>
    public TimeSpan LateralInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// While a source is over the lateral threshold (its verdict at most <see cref="LateralInterval"/> old), flag its
    /// connections on any port to the hosts it reached on an admin port within that interval: the redis or postgres
    /// attempt on a pod it just tried ssh on is part of the same sweep.
    /// </summary>
    public bool LateralCarryOver { get; init; } = true;

    /// <summary>Ports that count for the lateral-movement rule.</summary>
    public IReadOnlyList<int> AdminPorts { get; init; } = Runtime.AdminPorts.Default;

    /// <summary>Sources the lateral-movement tracker holds at once; the least recently active is evicted beyond it.</summary>
    public int LateralMaxSources { get; init; } = 10_000;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ScanMinPorts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(ScanMinDestinations, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(ScanMinConnections, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(ScanMinFailedRatio);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ScanMinFailedRatio, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(LateralMinDestinations, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(LateralMaxSources, 1);
        if (LateralInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(LateralInterval), LateralInterval, "the interval must be positive");
        }

        if (AdminPorts.Any(p => p is < 0 or > ushort.MaxValue))
        {
            throw new ArgumentOutOfRangeException(nameof(AdminPorts), "ports lie in 0..65535");
        }
    }
}
