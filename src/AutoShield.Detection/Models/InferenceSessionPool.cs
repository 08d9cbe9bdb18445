namespace AutoShield.Detection.Models;

/// <summary>
/// A lock-free pool of single-window sessions: renting and returning swap references in a fixed slot array, so the
/// steady state allocates nothing; a new session is created only when more threads score at once than there are slots.
/// </summary>
internal sealed class InferenceSessionPool
{
    private readonly DetectionModel _model;

    // Each slot holds an idle session or null; Interlocked swaps make a slot's session belong to one thread at a time.
    private readonly InferenceSession?[] _slots = new InferenceSession?[Math.Max(4, Environment.ProcessorCount * 2)];

    public InferenceSessionPool(DetectionModel model) => _model = model;

    public InferenceSession Rent()
    {
        for (var i = 0; i < _slots.Length; i++)
        {
            if (Volatile.Read(ref _slots[i]) is not null && Interlocked.Exchange(ref _slots[i], null) is { } session)
            {
                return session;
            }
        }

        return new InferenceSession(_model, 1);
    }

    public void Return(InferenceSession session)
    {
        for (var i = 0; i < _slots.Length; i++)
        {
            if (Interlocked.CompareExchange(ref _slots[i], session, null) is null)
            {
                return;
            }
        }
    }
}
