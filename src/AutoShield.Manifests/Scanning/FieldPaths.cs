using System.Globalization;
using AutoShield.Manifests.Model;
using AutoShield.Manifests.Yaml;

namespace AutoShield.Manifests.Scanning;

/// <summary>
/// Field paths of findings, computed when the finding is reported (so the finding need not hold its node, nor the
/// node its tree) and pooled per scan: most findings of a corpus share a handful of paths.
/// </summary>
internal sealed class FieldPaths
{
    private const int MaxPooled = 100_000;

    private readonly Dictionary<string, string> _pool = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly List<ManifestNode> _chain = [];
    private char[] _buffer = new char[256];
    private int _length;

    public FieldPaths() => _lookup = _pool.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The path of <paramref name="node"/> from the document root, e.g. <c>items[3].spec.selector</c>: the walk
    /// stops at the object's root and prepends <see cref="ManifestObject.PathPrefix"/>, so it also works on the
    /// pruned copies kept for cross-object checks and on items handed out of a streamed <c>List</c>.
    /// </summary>
    public string? Of(ManifestObject obj, ManifestNode? node)
    {
        if (node is null)
        {
            return null;
        }

        _chain.Clear();
        var current = node;
        while (!ReferenceEquals(current, obj.Root) && current.Parent is { } parent)
        {
            _chain.Add(current);
            current = parent;
        }

        _length = 0;
        if (ReferenceEquals(current, obj.Root))
        {
            Append(obj.PathPrefix);
        }

        for (var i = _chain.Count - 1; i >= 0; i--)
        {
            var child = _chain[i];
            var parent = child.Parent!;
            var index = parent.IndexOfChild(child);
            if (index < 0)
            {
                continue;
            }

            if (parent.IsMapping)
            {
                Append(".");
                Append(parent.KeyAt(index).Value);
            }
            else
            {
                Append("[");
                EnsureRoom(11);
                index.TryFormat(_buffer.AsSpan(_length), out var written, provider: CultureInfo.InvariantCulture);
                _length += written;
                Append("]");
            }
        }

        var path = _buffer.AsSpan(0, _length).TrimStart('.');
        if (_lookup.TryGetValue(path, out var pooled))
        {
            return pooled;
        }

        var text = path.ToString();
        if (_pool.Count < MaxPooled)
        {
            _pool[text] = text;
        }

        return text;
    }

    private void Append(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        EnsureRoom(text.Length);
        text.CopyTo(_buffer.AsSpan(_length));
        _length += text.Length;
    }

    private void EnsureRoom(int more)
    {
        if (_length + more > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + more));
        }
    }
}
