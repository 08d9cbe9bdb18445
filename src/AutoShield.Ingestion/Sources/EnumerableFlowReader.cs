using AutoShield.Core.Flows;

namespace AutoShield.Ingestion.Sources;

/// <summary>Adapts an in-memory sequence of flow events (the simulator's) to the reader contract.</summary>
public sealed class EnumerableFlowReader(IEnumerable<FlowEvent> events) : IFlowEventReader
{
    private readonly IEnumerator<FlowEvent> _events = events.GetEnumerator();

    public SourceCounters Counters { get; } = new();

    public bool TryRead(ref FlowEvent flowEvent)
    {
        if (!_events.MoveNext())
        {
            return false;
        }

        flowEvent = _events.Current;
        Counters.CountGood();
        return true;
    }

    public void Dispose() => _events.Dispose();
}
