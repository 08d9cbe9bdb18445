namespace AutoShield.Kubernetes.Fake.Faults;

/// <summary>
/// Faults the fake injects on purpose: latency on every request, the next N matching requests failing with a 5xx,
/// throttled with 429 and Retry-After, or dropped without an answer, and watches dropped after some events.
/// </summary>
public sealed class FakeFaults
{
    private readonly Lock _gate = new();
    private readonly List<FaultRule> _rules = [];
    private int _dropNextWatchAfter = -1;

    /// <summary>Added before every answer (real time: the fake is a separate server).</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>The next <paramref name="count"/> matching requests get <paramref name="statusCode"/> (500, 503, 504...).</summary>
    public void FailNext(int count, int statusCode = 500, Func<FakeRequest, bool>? when = null) => Add(new FaultRule(count, statusCode, null, when));

    /// <summary>The next <paramref name="count"/> matching requests get 429 TooManyRequests with Retry-After.</summary>
    public void ThrottleNext(int count, int retryAfterSeconds, Func<FakeRequest, bool>? when = null) => Add(new FaultRule(count, 429, retryAfterSeconds, when));

    /// <summary>The next <paramref name="count"/> matching requests have their connection dropped with no answer.</summary>
    public void AbortNext(int count, Func<FakeRequest, bool>? when = null) => Add(new FaultRule(count, 0, null, when));

    /// <summary>The next watch opened is dropped after it has written <paramref name="events"/> events.</summary>
    public void DropNextWatchAfter(int events)
    {
        lock (_gate)
        {
            _dropNextWatchAfter = events;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
            _dropNextWatchAfter = -1;
            Latency = TimeSpan.Zero;
        }
    }

    internal FaultRule? Take(FakeRequest request)
    {
        lock (_gate)
        {
            var rule = _rules.Find(r => r.Remaining > 0 && (r.When is null || r.When(request)));
            if (rule is null)
            {
                return null;
            }

            rule.Remaining--;
            _rules.RemoveAll(r => r.Remaining <= 0);
            return rule;
        }
    }

    internal int TakeWatchDrop()
    {
        lock (_gate)
        {
            var events = _dropNextWatchAfter;
            _dropNextWatchAfter = -1;
            return events;
        }
    }

    private void Add(FaultRule rule)
    {
        lock (_gate)
        {
            _rules.Add(rule);
        }
    }
}
