using AutoShield.Core.Flows;
using AutoShield.Core.Text;

namespace AutoShield.Ingestion.Text;

/// <summary>
/// Shares one <see cref="LabelSet"/> among all events that carry the same label strings, so a reader allocates a
/// set only the first time it sees a list. Bounded like <see cref="Core.Text.StringPool"/>: when full it starts
/// afresh rather than grow on hostile input. Not thread-safe: one per reader.
/// </summary>
public sealed class LabelSetPool
{
    private readonly int _capacity;
    private readonly Entry[] _buckets;
    private int _count;

    // Scratch for list overloads: the lookup runs on spans, so a protobuf list is copied here (references only).
    private string[] _scratch = new string[16];

    public LabelSetPool(int capacity = 4_096)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 16);
        _capacity = capacity;
        var size = 16;
        while (size < capacity * 2)
        {
            size <<= 1;
        }

        _buckets = new Entry[size];
    }

    /// <summary>Number of distinct label lists held now.</summary>
    public int Count => _count;

    /// <summary>Times the pool was full and started afresh.</summary>
    public long Resets { get; private set; }

    /// <summary>
    /// The pooled set holding these labels, for decoders that hand over a list (protobuf's repeated fields). On a
    /// miss the strings are interned through <paramref name="strings"/>, so the decoder's own copies are not kept.
    /// </summary>
    public LabelSet Get(IReadOnlyList<string> labels, StringPool strings)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(strings);
        var count = labels.Count;
        if (_scratch.Length < count)
        {
            _scratch = new string[Math.Max(count, _scratch.Length * 2)];
        }

        for (var i = 0; i < count; i++)
        {
            _scratch[i] = labels[i] ?? string.Empty;
        }

        var set = Get(_scratch.AsSpan(0, count), strings);
        Array.Clear(_scratch, 0, count);
        return set;
    }

    /// <summary>The pooled set holding exactly these labels in this order; copies them only on a miss.</summary>
    public LabelSet Get(ReadOnlySpan<string> labels) => Get(labels, strings: null);

    private LabelSet Get(ReadOnlySpan<string> labels, StringPool? strings)
    {
        if (labels.IsEmpty)
        {
            return LabelSet.Empty;
        }

        var hash = Hash(labels);
        var mask = _buckets.Length - 1;
        var index = hash & mask;
        while (true)
        {
            ref var entry = ref _buckets[index];
            if (entry.Set is null)
            {
                break;
            }

            if (entry.Hash == hash && SameLabels(entry.Set, labels))
            {
                return entry.Set;
            }

            index = (index + 1) & mask;
        }

        if (_count >= _capacity)
        {
            Array.Clear(_buckets);
            _count = 0;
            Resets++;
            index = hash & mask;
        }

        var copy = labels.ToArray();
        if (strings is not null)
        {
            for (var i = 0; i < copy.Length; i++)
            {
                copy[i] = strings.Intern(copy[i]);
            }
        }

        var set = new LabelSet(copy);
        _buckets[index] = new Entry(hash, set);
        _count++;
        return set;
    }

    private static int Hash(ReadOnlySpan<string> labels)
    {
        var hash = default(HashCode);
        foreach (var label in labels)
        {
            hash.Add(label, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    private static bool SameLabels(LabelSet set, ReadOnlySpan<string> labels)
    {
        if (set.Count != labels.Length)
        {
            return false;
        }

        for (var i = 0; i < labels.Length; i++)
        {
            if (!string.Equals(set[i], labels[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private readonly record struct Entry(int Hash, LabelSet Set);
}
