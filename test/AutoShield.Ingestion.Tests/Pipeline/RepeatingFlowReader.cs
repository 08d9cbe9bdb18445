using AutoShield.Core.Flows;

namespace AutoShield.Ingestion.Tests.Pipeline;

/// <summary>Hands out one event a number of times, one second apart, without allocating.</summary>
internal sealed class RepeatingFlowReader(FlowEvent template, int count) : IFlowEventReader
{
    private int _read;

    public SourceCounters Counters { get; } = new();

    public bool TryRead(ref FlowEvent flowEvent)
    {
        if (_read == count)
        {
            return false;
        }

        flowEvent = template;
        flowEvent.TimeUnixNanos += _read++ * 1_000_000_000L;
        Counters.CountGood();
        return true;
    }

    public void Dispose()
    {
    }
}
