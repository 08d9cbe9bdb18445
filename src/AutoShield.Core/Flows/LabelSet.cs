namespace AutoShield.Core.Flows;

/// <summary>
/// An immutable set of labels as Cilium writes them (<c>k8s:app=reviews</c>, <c>reserved:world</c>). Readers pool
/// instances, so equal label lists seen on many events share one object.
/// </summary>
public sealed class LabelSet : IEquatable<LabelSet>
{
    public static readonly LabelSet Empty = new([]);

    private readonly string[] _labels;

    public LabelSet(string[] labels)
    {
        _labels = labels;
    }

    public int Count => _labels.Length;

    public IReadOnlyList<string> All => _labels;

    public string this[int index] => _labels[index];

    /// <summary>True when one label carries the reserved identity (<c>reserved:world</c> for <c>world</c>).</summary>
    public bool HasReserved(string name)
    {
        foreach (var label in _labels)
        {
            if (label.StartsWith("reserved:", StringComparison.Ordinal) && label.AsSpan(9).SequenceEqual(name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Value of the label with this key, ignoring the source prefix (<c>k8s:app=x</c> answers <c>app</c>).</summary>
    public string? Get(string key)
    {
        foreach (var label in _labels)
        {
            var colon = label.IndexOf(':', StringComparison.Ordinal);
            var eq = label.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0)
            {
                continue;
            }

            var start = colon >= 0 && colon < eq ? colon + 1 : 0;
            if (label.AsSpan(start, eq - start).SequenceEqual(key))
            {
                return label[(eq + 1)..];
            }
        }

        return null;
    }

    public bool Equals(LabelSet? other) =>
        other is not null && (ReferenceEquals(this, other) || _labels.AsSpan().SequenceEqual(other._labels));

    public override bool Equals(object? obj) => Equals(obj as LabelSet);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var label in _labels)
        {
            hash.Add(label, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    public override string ToString() => string.Join(',', _labels);
}
