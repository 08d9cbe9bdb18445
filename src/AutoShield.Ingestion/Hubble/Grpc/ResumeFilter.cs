using System.Buffers.Binary;

namespace AutoShield.Ingestion.Hubble.Grpc;

/// <summary>
/// Remembers where delivery got to, so a reconnect can ask the relay for flows <c>since</c> the newest delivered
/// time and drop what it sends again: everything older than that time, and the flows at exactly that time that
/// were already delivered (recognised by a 64-bit fingerprint of the message bytes). Memory is bounded: only the
/// fingerprints at the newest timestamp are kept.
/// </summary>
internal sealed class ResumeFilter
{
    private const int MaxFingerprints = 4096;

    // Fingerprints of delivered flows whose time equals _latestNanos.
    private readonly HashSet<ulong> _atLatest = [];

    // The same, frozen when the current call started, so flows of the resumed call are judged against the resume point.
    private readonly HashSet<ulong> _atResume = [];

    private long _latestNanos = long.MinValue;
    private long _resumeNanos = long.MinValue;
    private bool _resuming;

    public bool HasDelivered => _latestNanos != long.MinValue;

    /// <summary>Time of the newest flow delivered so far, nanoseconds since the Unix epoch.</summary>
    public long LatestNanos => _latestNanos;

    /// <summary>Starts judging a new call; only calls after the first delivery can repeat flows.</summary>
    public void BeginCall()
    {
        _resuming = HasDelivered;
        _resumeNanos = _latestNanos;
        _atResume.Clear();
        _atResume.UnionWith(_atLatest);
    }

    /// <summary>False when this flow was delivered before the reconnect.</summary>
    public bool IsNew(long timeNanos, ulong fingerprint) =>
        !_resuming || timeNanos > _resumeNanos || (timeNanos == _resumeNanos && !_atResume.Contains(fingerprint));

    public void MarkDelivered(long timeNanos, ulong fingerprint)
    {
        if (timeNanos > _latestNanos)
        {
            _latestNanos = timeNanos;
            _atLatest.Clear();
        }

        if (timeNanos == _latestNanos && _atLatest.Count < MaxFingerprints)
        {
            _atLatest.Add(fingerprint);
        }
    }

    /// <summary>A 64-bit multiply-xor hash of the message bytes, eight bytes at a time.</summary>
    public static ulong Fingerprint(ReadOnlySpan<byte> message)
    {
        const ulong Prime = 0x100000001B3UL;
        var hash = 0xCBF29CE484222325UL ^ (ulong)message.Length;
        while (message.Length >= 8)
        {
            hash = (hash ^ BinaryPrimitives.ReadUInt64LittleEndian(message)) * Prime;
            hash ^= hash >> 29;
            message = message[8..];
        }

        foreach (var b in message)
        {
            hash = (hash ^ b) * Prime;
        }

        hash ^= hash >> 32;
        return hash * 0x9E3779B97F4A7C15UL;
    }
}
