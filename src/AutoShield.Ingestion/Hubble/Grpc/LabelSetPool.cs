using AutoShield.Core.Flows;
using AutoShield.Core.Text;

namespace AutoShield.Ingestion.Hubble.Grpc;

/// <summary>
/// Shares one <see cref="LabelSet"/> among all flows whose endpoints carry the same labels, as the contract asks
/// of readers: a workload's label list repeats on every one of its flows. Bounded: when full it starts afresh.
/// Not thread-safe: one per converter.
/// </summary>
internal sealed class LabelSetPool
{
    private readonly LabelSet?[] _slots;
    private readonly int[] _hashes;
    private readonly int _capacity;
    private readonly StringPool _strings;
    private int _count;

    public LabelSetPool(StringPool strings, int capacity = 4096)
    {
        _strings = strings;
        _capacity = capacity;
        var size = 16;
        while (size < capacity * 2)
        {
            size <<= 1;
        }

        _slots = new LabelSet?[size];
        _hashes = new int[size];
    }

    /// <summary>The pooled set equal to these labels; null when there are none.</summary>
    public LabelSet? Get(IReadOnlyList<string> labels)
    {
        if (labels.Count == 0)
        {
            return null;
        }

        var hash = Hash(labels);
        var mask = _slots.Length - 1;
        var index = hash & mask;
        while (_slots[index] is { } existing)
        {
            if (_hashes[index] == hash && SameLabels(existing, labels))
            {
                return existing;
            }

            index = (index + 1) & mask;
        }

        if (_count >= _capacity)
        {
            Array.Clear(_slots);
            _count = 0;
            index = hash & mask;
        }

        var copy = new string[labels.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = HubbleStrings.Intern(_strings, labels[i]) ?? string.Empty;
        }

        var created = new LabelSet(copy);
        _slots[index] = created;
        _hashes[index] = hash;
        _count++;
        return created;
    }

    private static int Hash(IReadOnlyList<string> labels)
    {
        var hash = default(HashCode);
        for (var i = 0; i < labels.Count; i++)
        {
            hash.Add(labels[i], StringComparer.Ordinal);
        }

        return hash.ToHashCode() & int.MaxValue;
    }

    private static bool SameLabels(LabelSet set, IReadOnlyList<string> labels)
    {
        if (set.Count != labels.Count)
        {
            return false;
        }

        for (var i = 0; i < labels.Count; i++)
        {
            if (!string.Equals(set[i], labels[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
