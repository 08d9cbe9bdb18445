namespace AutoShield.Ingestion.Hubble;

/// <summary>
/// Remembers what a JSON object parsed to, by the object's exact bytes. Hubble lines repeat the same endpoint and
/// address objects over and over, so a hit turns tokenizing and parsing into a hash and a compare. A line can be
/// matched before the object's end is known: a second table maps a hash of an object's first bytes to the lengths
/// of cached objects starting that way ("shapes"), and JSON values delimit themselves, so equal bytes over a cached
/// length are that whole object. Keys live in one preallocated arena, so adding allocates nothing; bounded in
/// entries and bytes, it starts afresh when full. Not thread-safe.
/// </summary>
internal sealed class HubbleObjectCache<T>
    where T : struct
{
    /// <summary>Objects longer than this are parsed every time rather than held.</summary>
    public const int MaxKeyBytes = 4_096;

    // Replicas of one workload seen from another node share a prefix and often a length; past this many candidate
    // lengths per prefix the caller parses instead, so no input can make a lookup long.
    private const int MaxShapesTried = 8;

    private const int None = -1;

    private readonly int _prefixBytes;
    private readonly int _capacity;
    private readonly Entry[] _entries;
    private readonly Shape[] _shapes;
    private readonly byte[] _arena;
    private int _arenaUsed;
    private int _count;

    /// <param name="capacity">Entries held before starting afresh.</param>
    /// <param name="prefixBytes">
    /// Leading bytes hashed to find candidates for <see cref="TryMatchStart"/>: long enough that distinct objects
    /// mostly differ within them; 0 for a cache used only with <see cref="TryGet"/>.
    /// </param>
    /// <param name="arenaBytes">Key bytes held before starting afresh.</param>
    public HubbleObjectCache(int capacity, int prefixBytes, int arenaBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 16);
        if (prefixBytes != 0)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(prefixBytes, 8);
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(arenaBytes, MaxKeyBytes);
        _capacity = capacity;
        _prefixBytes = prefixBytes;
        var size = 16;
        while (size < capacity * 2)
        {
            size <<= 1;
        }

        _entries = new Entry[size];
        _shapes = new Shape[size];
        _arena = new byte[arenaBytes];
    }

    public int Count => _count;

    /// <summary>Times the cache was full and started afresh.</summary>
    public long Resets { get; private set; }

    /// <summary>Finds a cached object that <paramref name="text"/> starts with; <paramref name="length"/> is its length.</summary>
    public bool TryMatchStart(ReadOnlySpan<byte> text, out T value, out int length)
    {
        value = default;
        length = 0;
        if (_prefixBytes == 0 || text.Length < _prefixBytes)
        {
            return false;
        }

        var prefixHash = HubbleHash.Of(text[.._prefixBytes]);
        var mask = _shapes.Length - 1;
        var tried = 0;
        for (var i = (int)prefixHash & mask; _shapes[i].Length != 0; i = (i + 1) & mask)
        {
            ref readonly var shape = ref _shapes[i];
            if (shape.PrefixHash != prefixHash || shape.Length > text.Length || text[shape.Length - 1] != '}')
            {
                continue;
            }

            if (++tried > MaxShapesTried)
            {
                return false;
            }

            var found = shape.Entry3 != None ? Find(text[..shape.Length])
                : text.StartsWith(Key(shape.Entry1)) ? shape.Entry1
                : shape.Entry2 != None && text.StartsWith(Key(shape.Entry2)) ? shape.Entry2
                : None;
            if (found != None)
            {
                value = _entries[found].Value;
                length = shape.Length;
                return true;
            }
        }

        return false;
    }

    /// <summary>Finds the entry for exactly this object.</summary>
    public bool TryGet(ReadOnlySpan<byte> json, out T value)
    {
        var found = Find(json);
        value = found == None ? default : _entries[found].Value;
        return found != None;
    }

    /// <summary>Holds an object not yet cached (the caller has just missed with <see cref="TryGet"/>).</summary>
    public void Add(ReadOnlySpan<byte> json, in T value)
    {
        if (json.Length > MaxKeyBytes)
        {
            return;
        }

        if (_count >= _capacity || _arenaUsed + json.Length > _arena.Length)
        {
            Array.Clear(_entries);
            Array.Clear(_shapes);
            _count = 0;
            _arenaUsed = 0;
            Resets++;
        }

        var hash = HubbleHash.Of(json);
        var mask = _entries.Length - 1;
        var index = (int)hash & mask;
        while (_entries[index].Length != 0)
        {
            index = (index + 1) & mask;
        }

        json.CopyTo(_arena.AsSpan(_arenaUsed));
        _entries[index] = new Entry(hash, _arenaUsed, json.Length, value);
        _arenaUsed += json.Length;
        _count++;
        if (_prefixBytes != 0 && json.Length >= _prefixBytes)
        {
            AddShape(HubbleHash.Of(json[.._prefixBytes]), json.Length, index);
        }
    }

    private ReadOnlySpan<byte> Key(int entry) => _arena.AsSpan(_entries[entry].Offset, _entries[entry].Length);

    private void AddShape(ulong prefixHash, int length, int entry)
    {
        var mask = _shapes.Length - 1;
        var i = (int)prefixHash & mask;
        for (; _shapes[i].Length != 0; i = (i + 1) & mask)
        {
            if (_shapes[i].PrefixHash == prefixHash && _shapes[i].Length == length)
            {
                // Comparing two candidates costs less than hashing one; from a third on, hash the whole candidate.
                _shapes[i] = _shapes[i].Entry2 == None ? _shapes[i] with { Entry2 = entry } : _shapes[i] with { Entry3 = entry };
                return;
            }
        }

        _shapes[i] = new Shape(prefixHash, length, entry, None, None);
    }

    private int Find(ReadOnlySpan<byte> json)
    {
        var hash = HubbleHash.Of(json);
        var mask = _entries.Length - 1;
        for (var i = (int)hash & mask; _entries[i].Length != 0; i = (i + 1) & mask)
        {
            if (_entries[i].Hash == hash && Key(i).SequenceEqual(json))
            {
                return i;
            }
        }

        return None;
    }

    /// <summary>One cached object: its full hash, where its bytes are in the arena, and what it parsed to.</summary>
    private readonly record struct Entry(ulong Hash, int Offset, int Length, T Value);

    /// <summary>
    /// Cached objects of one length starting with one prefix: the first two entries, compared directly, and
    /// <see cref="Entry3"/> set once there are more (then found by their full hash).
    /// </summary>
    private readonly record struct Shape(ulong PrefixHash, int Length, int Entry1, int Entry2, int Entry3);
}
