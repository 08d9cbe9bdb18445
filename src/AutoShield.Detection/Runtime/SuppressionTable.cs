using System.Runtime.InteropServices;
using AutoShield.Core.Windows;

namespace AutoShield.Detection.Runtime;

/// <summary>
/// Remembers, per pair (or per source under a pair key with an empty destination), the class last emitted and when,
/// so a flood raises one detection per re-raise interval instead of one per connection. Lookups of known keys
/// allocate nothing; the table is bounded (stale entries go first, then everything, when it is full).
/// </summary>
internal sealed class SuppressionTable
{
    private readonly Dictionary<PairKey, Entry> _entries;
    private readonly long _intervalNanos;
    private readonly int _capacity;

    public SuppressionTable(TimeSpan interval, int capacity)
    {
        _intervalNanos = interval.Ticks * 100;
        _capacity = capacity;
        _entries = new Dictionary<PairKey, Entry>(Math.Min(capacity, 4096));
    }

    public int Count => _entries.Count;

    /// <summary>
    /// True when a detection of <paramref name="attackClass"/> for <paramref name="key"/> at <paramref name="nowNanos"/>
    /// should be emitted (and records it); false when it repeats the last one within the interval (and counts it).
    /// </summary>
    public bool ShouldEmit(in PairKey key, string attackClass, long nowNanos)
    {
        ref var entry = ref CollectionsMarshal.GetValueRefOrNullRef(_entries, key);
        if (!System.Runtime.CompilerServices.Unsafe.IsNullRef(ref entry))
        {
            if (ReferenceEquals(entry.Class, attackClass) && nowNanos - entry.LastEmitNanos < _intervalNanos)
            {
                entry.Suppressed++;
                return false;
            }

            entry = new Entry(attackClass, nowNanos, 0);
            return true;
        }

        if (_entries.Count >= _capacity)
        {
            Prune(nowNanos);
        }

        _entries[key] = new Entry(attackClass, nowNanos, 0);
        return true;
    }

    /// <summary>Repeats suppressed for <paramref name="key"/> since its last emission.</summary>
    public long SuppressedSince(in PairKey key) => _entries.TryGetValue(key, out var entry) ? entry.Suppressed : 0;

    private void Prune(long nowNanos)
    {
        foreach (var (key, entry) in _entries)
        {
            if (nowNanos - entry.LastEmitNanos >= _intervalNanos)
            {
                _entries.Remove(key);
            }
        }

        if (_entries.Count >= _capacity)
        {
            // Every entry is fresh: forgetting them all may let a repeat through early, never hides a new class.
            _entries.Clear();
        }
    }

    private record struct Entry(string Class, long LastEmitNanos, long Suppressed);
}
