using System.Diagnostics.CodeAnalysis;

namespace AutoShield.Policy.Decisions;

/// <summary>A dictionary that forgets its least recently used entry beyond a capacity, so per-target state stays bounded under churn.</summary>
internal sealed class BoundedLru<TKey, TValue>
    where TKey : notnull
{
    private readonly int _capacity;
    private readonly Dictionary<TKey, LinkedListNode<(TKey Key, TValue Value)>> _map;
    private readonly LinkedList<(TKey Key, TValue Value)> _order = new();

    public BoundedLru(int capacity, IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _map = new Dictionary<TKey, LinkedListNode<(TKey, TValue)>>(comparer);
    }

    public int Count => _map.Count;

    public long Evicted { get; private set; }

    public bool TryGet(TKey key, [MaybeNullWhen(false)] out TValue value)
    {
        if (_map.TryGetValue(key, out var node))
        {
            _order.Remove(node);
            _order.AddFirst(node);
            value = node.Value.Value;
            return true;
        }

        value = default;
        return false;
    }

    public void Set(TKey key, TValue value)
    {
        if (_map.TryGetValue(key, out var node))
        {
            _order.Remove(node);
            node.Value = (key, value);
            _order.AddFirst(node);
            return;
        }

        _map[key] = _order.AddFirst((key, value));
        if (_map.Count > _capacity)
        {
            var last = _order.Last!;
            _order.RemoveLast();
            _map.Remove(last.Value.Key);
            Evicted++;
        }
    }

    public TValue GetOrAdd(TKey key, Func<TValue> create)
    {
        if (TryGet(key, out var value))
        {
            return value;
        }

        value = create();
        Set(key, value);
        return value;
    }
}
