using AutoShield.Core.Windows;

namespace AutoShield.Detection.Runtime;

/// <summary>
/// One source's recent admin-port targets (a fixed ring, newest overwriting oldest) and its latest lateral-movement
/// verdict, so that its other connections to the hosts it just probed can be flagged too. Allocated once per source
/// that reaches an internal admin port; nothing per connection after that.
/// </summary>
internal sealed class LateralTrail
{
    private const int Capacity = 32;

    private readonly EndpointIdentity[] _targets = new EndpointIdentity[Capacity];
    private readonly long[] _times = new long[Capacity];
    private int _next;

    public FanOutVerdict Verdict { get; private set; }

    public long FiredUnixNanos { get; private set; } = long.MinValue;

    public long LastSeenUnixNanos { get; private set; } = long.MinValue;

    public void AddTarget(EndpointIdentity target, long at)
    {
        _targets[_next] = target;
        _times[_next] = at;
        _next = (_next + 1) % Capacity;
        LastSeenUnixNanos = Math.Max(LastSeenUnixNanos, at);
    }

    public void Fire(FanOutVerdict verdict, long at)
    {
        Verdict = verdict;
        FiredUnixNanos = Math.Max(FiredUnixNanos, at);
    }

    /// <summary>True when the verdict is at most <paramref name="interval"/> old and <paramref name="target"/> was probed within it.</summary>
    public bool Covers(EndpointIdentity target, long at, long interval)
    {
        if (Verdict.AttackClass is null || at - FiredUnixNanos > interval)
        {
            return false;
        }

        for (var i = 0; i < Capacity; i++)
        {
            if (_times[i] != 0 && at - _times[i] <= interval && _targets[i].Equals(target))
            {
                return true;
            }
        }

        return false;
    }
}
