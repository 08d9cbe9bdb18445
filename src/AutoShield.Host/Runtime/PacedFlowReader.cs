using AutoShield.Core.Flows;

namespace AutoShield.Host.Runtime;

/// <summary>
/// Replays a recorded or simulated source at a pace: an event recorded t seconds after the first is handed out
/// t / speed seconds after reading began, so a live dashboard sees the traffic unfold. Waiting allocates nothing.
/// </summary>
public sealed class PacedFlowReader : IFlowEventReader
{
    private static readonly TimeSpan MaxNap = TimeSpan.FromMilliseconds(100);
    private readonly IFlowEventReader _inner;
    private readonly double _speed;
    private readonly TimeProvider _time;
    private readonly CancellationToken _cancellation;
    private long _firstEventNanos = long.MinValue;
    private long _startTimestamp;

    /// <param name="speed">Recorded seconds per wall-clock second (1 is real time).</param>
    public PacedFlowReader(IFlowEventReader inner, double speed, TimeProvider? time = null, CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(speed);
        _inner = inner;
        _speed = speed;
        _time = time ?? TimeProvider.System;
        _cancellation = cancellation;
    }

    public SourceCounters Counters => _inner.Counters;

    public bool TryRead(ref FlowEvent flowEvent)
    {
        if (!_inner.TryRead(ref flowEvent))
        {
            return false;
        }

        if (_firstEventNanos == long.MinValue)
        {
            _firstEventNanos = flowEvent.TimeUnixNanos;
            _startTimestamp = _time.GetTimestamp();
            return true;
        }

        var due = TimeSpan.FromTicks((long)((flowEvent.TimeUnixNanos - _firstEventNanos) / 100 / _speed));
        while (!_cancellation.IsCancellationRequested)
        {
            var ahead = due - _time.GetElapsedTime(_startTimestamp);
            if (ahead <= TimeSpan.Zero)
            {
                break;
            }

            // Short naps keep cancellation prompt and the pace smooth.
            _cancellation.WaitHandle.WaitOne(ahead < MaxNap ? ahead : MaxNap);
        }

        return true;
    }

    public void Dispose() => _inner.Dispose();
}
