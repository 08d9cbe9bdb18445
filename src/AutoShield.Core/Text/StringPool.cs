using System.Text;

namespace AutoShield.Core.Text;

/// <summary>
/// Interns strings decoded from UTF-8 so that a reader returns the same string instance for repeated values
/// (namespaces, pod names, labels) and allocates only for values it has not seen. Bounded: when full it starts
/// afresh, which costs re-decoding but never unbounded memory on hostile input. Not thread-safe: one per reader.
/// </summary>
public sealed class StringPool
{
    private readonly int _capacity;
    private readonly Entry[] _buckets;
    private int _count;

    public StringPool(int capacity = 16_384)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 16);
        _capacity = capacity;
        _buckets = new Entry[BucketCount(capacity)];
    }

    /// <summary>Number of distinct strings held now.</summary>
    public int Count => _count;

    /// <summary>Times the pool was full and started afresh.</summary>
    public long Resets { get; private set; }

    public string Intern(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            return string.Empty;
        }

        var hash = Hash(utf8);
        var mask = _buckets.Length - 1;
        var index = (int)hash & mask;
        while (true)
        {
            ref var entry = ref _buckets[index];
            if (entry.Value is null)
            {
                break;
            }

            if (entry.Hash == hash && entry.Utf8.AsSpan().SequenceEqual(utf8))
            {
                return entry.Value;
            }

            index = (index + 1) & mask;
        }

        if (_count >= _capacity)
        {
            Array.Clear(_buckets);
            _count = 0;
            Resets++;
            index = (int)hash & mask;
        }

        var value = Encoding.UTF8.GetString(utf8);
        _buckets[index] = new Entry(hash, utf8.ToArray(), value);
        _count++;
        return value;
    }

    public string Intern(string value) => Intern(Encoding.UTF8.GetBytes(value));

    private static int BucketCount(int capacity)
    {
        var size = 16;
        while (size < capacity * 2)
        {
            size <<= 1;
        }

        return size;
    }

    private static uint Hash(ReadOnlySpan<byte> utf8)
    {
        // FNV-1a: cheap, stable, good enough for short identifiers.
        var hash = 2166136261u;
        foreach (var b in utf8)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return hash;
    }

    private readonly record struct Entry(uint Hash, byte[] Utf8, string Value);
}
