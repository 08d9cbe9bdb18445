namespace AutoShield.Detection.Runtime;

/// <summary>
/// Distinct query names per source and parent domain over a tumbling span: a fixed table of entries, each with a
/// small open-addressed set of name hashes (exact up to <see cref="MaxCounted"/>, then saturated). Bounded by
/// <c>maxEntries</c>, the least recently updated entry is replaced; nothing is allocated per update.
/// </summary>
internal sealed class DnsParentStore
{
    /// <summary>Distinct names counted exactly per entry; the count stays there beyond.</summary>
    public const int MaxCounted = 64;

    private const int SlotsPerEntry = MaxCounted * 2;

    private readonly Dictionary<ulong, int> _index;
    private readonly Entry[] _entries;
    private readonly int[] _slots;
    private readonly long _spanNanos;
    private int _used;

    public DnsParentStore(int maxEntries, TimeSpan span)
    {
        _index = new Dictionary<ulong, int>(maxEntries);
        _entries = new Entry[maxEntries];
        _slots = new int[maxEntries * SlotsPerEntry];
        _spanNanos = span.Ticks * 100;
    }

    public int Count => _index.Count;

    /// <summary>Counts <paramref name="nameHash"/> for <paramref name="key"/> at <paramref name="nowUnixNanos"/>; returns the distinct names in the span and how long it has run.</summary>
    public int Update(ulong key, int nameHash, long nowUnixNanos, out double spanSeconds)
    {
        if (!_index.TryGetValue(key, out var slot))
        {
            slot = Claim(key, nowUnixNanos);
        }

        ref var entry = ref _entries[slot];
        // Connections arrive roughly, not strictly, in time order: a slightly older one counts in the current span.
        if (nowUnixNanos - entry.StartUnixNanos > _spanNanos)
        {
            Restart(ref entry, slot, nowUnixNanos);
        }

        entry.LastUnixNanos = Math.Max(entry.LastUnixNanos, nowUnixNanos);
        if (entry.Distinct < MaxCounted && Add(slot, nameHash == 0 ? 1 : nameHash))
        {
            entry.Distinct++;
        }

        spanSeconds = (entry.LastUnixNanos - entry.StartUnixNanos) / 1e9;
        return entry.Distinct;
    }

    private int Claim(ulong key, long now)
    {
        int slot;
        if (_used < _entries.Length)
        {
            slot = _used++;
        }
        else
        {
            slot = 0;
            for (var i = 1; i < _entries.Length; i++)
            {
                if (_entries[i].LastUnixNanos < _entries[slot].LastUnixNanos)
                {
                    slot = i;
                }
            }

            _index.Remove(_entries[slot].Key);
        }

        _index[key] = slot;
        ref var entry = ref _entries[slot];
        entry.Key = key;
        Restart(ref entry, slot, now);
        return slot;
    }

    private void Restart(ref Entry entry, int slot, long now)
    {
        entry.StartUnixNanos = now;
        entry.LastUnixNanos = now;
        entry.Distinct = 0;
        _slots.AsSpan(slot * SlotsPerEntry, SlotsPerEntry).Clear();
    }

    private bool Add(int slot, int hash)
    {
        var set = _slots.AsSpan(slot * SlotsPerEntry, SlotsPerEntry);
        var i = (int)((uint)hash % SlotsPerEntry);
        while (set[i] != 0)
        {
            if (set[i] == hash)
            {
                return false;
            }

            i = (i + 1) % SlotsPerEntry;
        }

        set[i] = hash;
        return true;
    }

    private struct Entry
    {
        public ulong Key;
        public long StartUnixNanos;
        public long LastUnixNanos;
        public int Distinct;
    }
}
