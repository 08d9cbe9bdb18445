namespace AutoShield.Ingestion.Windows;

/// <summary>
/// Exact least-recently-updated order of slots without pointer chasing: every touch appends (slot, sequence) to a
/// ring, and an entry is stale once its slot has been touched again or freed. The oldest live entry is the least
/// recently updated slot. A full ring is compacted in place (live entries are at most one per slot, so at least
/// half the ring frees up), keeping touches amortised O(1) and allocation-free.
/// </summary>
internal sealed class RecencyQueue
{
    private ulong[] _ring = [];
    private uint[] _latest = [];
    private int _head;
    private int _count;
    private uint _sequence;

    public RecencyQueue(int slots)
    {
        Grow(slots);
    }

    /// <summary>Makes room for slots below <paramref name="slots"/>; the ring holds two entries per slot.</summary>
    public void Grow(int slots)
    {
        if (slots <= _latest.Length)
        {
            return;
        }

        Array.Resize(ref _latest, slots);
        var ring = new ulong[Math.Max(16, slots * 2)];
        for (var i = 0; i < _count; i++)
        {
            ring[i] = _ring[(_head + i) % _ring.Length];
        }

        _ring = ring;
        _head = 0;
    }

    public void Touch(int slot)
    {
        if (_count == _ring.Length)
        {
            Compact();
        }

        // Sequence numbers only need to differ from those of entries still in the ring, which are at most a few
        // ring lengths old, so wrapping at 2^32 is harmless. Zero marks a free slot.
        if (++_sequence == 0)
        {
            _sequence = 1;
        }

        _latest[slot] = _sequence;
        var tail = _head + _count;
        if (tail >= _ring.Length)
        {
            tail -= _ring.Length;
        }

        _ring[tail] = ((ulong)_sequence << 32) | (uint)slot;
        _count++;
    }

    public void Forget(int slot) => _latest[slot] = 0;

    /// <summary>The least recently touched live slot, or -1 when none.</summary>
    public int Oldest()
    {
        while (_count > 0)
        {
            var entry = _ring[_head];
            var slot = (int)(uint)entry;
            if (_latest[slot] == (uint)(entry >> 32))
            {
                return slot;
            }

            _head = _head + 1 == _ring.Length ? 0 : _head + 1;
            _count--;
        }

        return -1;
    }

    private void Compact()
    {
        var kept = 0;
        for (var i = 0; i < _count; i++)
        {
            var index = _head + i;
            if (index >= _ring.Length)
            {
                index -= _ring.Length;
            }

            var entry = _ring[index];
            if (_latest[(int)(uint)entry] == (uint)(entry >> 32))
            {
                // Compaction never overtakes its reads: kept <= i, and entries move towards the head only.
                var target = _head + kept;
                if (target >= _ring.Length)
                {
                    target -= _ring.Length;
                }

                _ring[target] = entry;
                kept++;
            }
        }

        _count = kept;
    }
}
