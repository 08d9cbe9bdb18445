namespace AutoShield.Ingestion.Windows;

/// <summary>
/// The skeleton shared by the connection table and the window and fan-out stores: a slot allocator, an
/// open-addressing key index (linear probing, backward-shift deletion, so no tombstones) and intrusive doubly
/// linked lists over the slots. Arrays grow by doubling up to <see cref="MaxSlots"/>; once grown, finding,
/// adding, removing and reordering allocate nothing. Not thread-safe.
/// </summary>
internal sealed class SlotTable<TKey>
    where TKey : struct, IEquatable<TKey>
{
    // Occupied buckets hold (hash << 32) | (slot + 1), so a probe rejects other keys without touching them.
    private ulong[] _buckets = [];
    private int _mask;
    private int _shift;
    private TKey[] _keys = [];
    private int[] _hashes = [];
    private int[] _prev = [];
    private int[] _next = [];
    private int[] _free = [];
    private int _freeCount;
    private int _highWater;

    public SlotTable(int initialSlots, int maxSlots)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSlots, 1);
        MaxSlots = maxSlots;
        Resize(Math.Clamp(initialSlots, 1, maxSlots));
    }

    public int MaxSlots { get; }

    /// <summary>Slots the arrays hold now; per-slot arrays of the owner must be at least this long.</summary>
    public int Capacity => _keys.Length;

    public int Count { get; private set; }

    public bool IsFull => Count >= MaxSlots;

    public ref readonly TKey KeyAt(int slot) => ref _keys[slot];

    public int Find(in TKey key, int hash)
    {
        var i = Home(hash);
        var tag = (uint)hash;
        while (true)
        {
            var entry = _buckets[i];
            if (entry == 0)
            {
                return -1;
            }

            if ((uint)(entry >> 32) == tag)
            {
                var slot = (int)(uint)entry - 1;
                if (_keys[slot].Equals(key))
                {
                    return slot;
                }
            }

            i = (i + 1) & _mask;
        }
    }

    /// <summary>Adds a key that is not present; the caller makes room first when <see cref="IsFull"/>.</summary>
    public int Add(in TKey key, int hash)
    {
        if (IsFull)
        {
            throw new InvalidOperationException("the table is full; evict before adding");
        }

        int slot;
        if (_freeCount > 0)
        {
            slot = _free[--_freeCount];
        }
        else
        {
            if (_highWater == Capacity)
            {
                Resize(Math.Min(MaxSlots, Capacity * 2));
            }

            slot = _highWater++;
        }

        _keys[slot] = key;
        _hashes[slot] = hash;
        var i = Home(hash);
        while (_buckets[i] != 0)
        {
            i = (i + 1) & _mask;
        }

        _buckets[i] = Entry(slot, hash);
        Count++;
        return slot;
    }

    /// <summary>Removes the slot's key from the index and frees the slot; the caller unlinks it from its list.</summary>
    public void Remove(int slot)
    {
        var i = Home(_hashes[slot]);
        var wanted = Entry(slot, _hashes[slot]);
        while (_buckets[i] != wanted)
        {
            i = (i + 1) & _mask;
        }

        // Backward shift: pull later members of the probe run into the hole so lookups never stop early.
        var j = i;
        while (true)
        {
            j = (j + 1) & _mask;
            var entry = _buckets[j];
            if (entry == 0)
            {
                break;
            }

            var home = Home((int)(entry >> 32));
            var movable = i <= j ? home <= i || home > j : home <= i && home > j;
            if (movable)
            {
                _buckets[i] = entry;
                i = j;
            }
        }

        _buckets[i] = 0;
        _keys[slot] = default;
        _free[_freeCount++] = slot;
        Count--;
    }

    public void AddLast(ref SlotList list, int slot)
    {
        _prev[slot] = list.Tail;
        _next[slot] = -1;
        if (list.Tail >= 0)
        {
            _next[list.Tail] = slot;
        }
        else
        {
            list.Head = slot;
        }

        list.Tail = slot;
        list.Count++;
    }

    public void Unlink(ref SlotList list, int slot)
    {
        var prev = _prev[slot];
        var next = _next[slot];
        if (prev >= 0)
        {
            _next[prev] = next;
        }
        else
        {
            list.Head = next;
        }

        if (next >= 0)
        {
            _prev[next] = prev;
        }
        else
        {
            list.Tail = prev;
        }

        list.Count--;
    }

    public void MoveToLast(ref SlotList list, int slot)
    {
        if (list.Tail != slot)
        {
            Unlink(ref list, slot);
            AddLast(ref list, slot);
        }
    }

    public int NextOf(int slot) => _next[slot];

    private static ulong Entry(int slot, int hash) => ((ulong)(uint)hash << 32) | (uint)(slot + 1);

    private int Home(int hash) => (int)(((uint)hash * 0x9E3779B9u) >> _shift);

    private void Resize(int slots)
    {
        Array.Resize(ref _keys, slots);
        Array.Resize(ref _hashes, slots);
        Array.Resize(ref _prev, slots);
        Array.Resize(ref _next, slots);
        Array.Resize(ref _free, slots);

        // Keep the load factor at or below one half so probe runs stay short.
        var bucketCount = 16;
        var bits = 4;
        while (bucketCount < slots * 2)
        {
            bucketCount <<= 1;
            bits++;
        }

        if (bucketCount == _buckets.Length)
        {
            return;
        }

        var old = _buckets;
        _buckets = new ulong[bucketCount];
        _mask = bucketCount - 1;
        _shift = 32 - bits;
        foreach (var entry in old)
        {
            if (entry != 0)
            {
                var i = Home((int)(entry >> 32));
                while (_buckets[i] != 0)
                {
                    i = (i + 1) & _mask;
                }

                _buckets[i] = entry;
            }
        }
    }
}
