namespace AutoShield.Policy.Decisions;

/// <summary>The newest records up to a capacity, oldest dropped first; thread-safe, for status pages and the API.</summary>
public sealed class BoundedLog<T>
{
    private readonly Lock _gate = new();
    private readonly Queue<T> _items = new();
    private readonly int _capacity;

    public BoundedLog(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    /// <summary>Records ever added, including those since dropped.</summary>
    public long Total { get; private set; }

    public void Add(T item)
    {
        lock (_gate)
        {
            _items.Enqueue(item);
            Total++;
            if (_items.Count > _capacity)
            {
                _items.Dequeue();
            }
        }
    }

    /// <summary>A copy of the records held, oldest first.</summary>
    public IReadOnlyList<T> Snapshot()
    {
        lock (_gate)
        {
            return [.. _items];
        }
    }
}
