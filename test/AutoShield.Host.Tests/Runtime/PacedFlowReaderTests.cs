using AutoShield.Core.Flows;
using AutoShield.Host.Runtime;
using AutoShield.Ingestion.Sources;

namespace AutoShield.Host.Tests.Runtime;

public sealed class PacedFlowReaderTests
{
    [Fact]
    public void TryRead_FastPace_HandsOutEveryEventInOrder()
    {
        using var reader = new PacedFlowReader(new EnumerableFlowReader(Events(1_000)), speed: 1e12);

        var times = new List<long>();
        var flowEvent = default(FlowEvent);
        while (reader.TryRead(ref flowEvent))
        {
            times.Add(flowEvent.TimeUnixNanos);
        }

        Assert.Equal(Events(1_000).Select(e => e.TimeUnixNanos), times);
        Assert.Equal(1_000, reader.Counters.Good);
    }

    [Fact]
    public void TryRead_EventFarAheadAndCancelled_StopsWaiting()
    {
        using var stop = new CancellationTokenSource();
        using var reader = new PacedFlowReader(new EnumerableFlowReader(Events(2, spacing: TimeSpan.FromDays(365))), speed: 1, cancellation: stop.Token);
        var flowEvent = default(FlowEvent);
        Assert.True(reader.TryRead(ref flowEvent));

        stop.Cancel();
        Assert.True(reader.TryRead(ref flowEvent));
        Assert.False(reader.TryRead(ref flowEvent));
    }

    [Fact]
    public void Constructor_ZeroSpeed_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PacedFlowReader(new EnumerableFlowReader([]), 0));
    }

    private static FlowEvent[] Events(int count, TimeSpan? spacing = null)
    {
        var step = (long)(spacing ?? TimeSpan.FromMilliseconds(10)).TotalMilliseconds * 1_000_000;
        return [.. Enumerable.Range(0, count).Select(i => new FlowEvent { TimeUnixNanos = 1_700_000_000_000_000_000 + (i * step) })];
    }
}
