namespace AutoShield.Kubernetes.Fake.Faults;

/// <summary>One injected failure for the next matching requests: a status code (with Retry-After for 429) or a dropped connection.</summary>
internal sealed class FaultRule
{
    public FaultRule(int count, int statusCode, int? retryAfterSeconds, Func<FakeRequest, bool>? when)
    {
        Remaining = count;
        StatusCode = statusCode;
        RetryAfterSeconds = retryAfterSeconds;
        When = when;
    }

    public int Remaining { get; set; }

    /// <summary>The status to answer, or 0 to abort the connection without an answer.</summary>
    public int StatusCode { get; }

    public int? RetryAfterSeconds { get; }

    public Func<FakeRequest, bool>? When { get; }
}
