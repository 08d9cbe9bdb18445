namespace AutoShield.Core.Flows;

/// <summary>
/// A pull-based stream of flow events from a file or socket, read in constant memory. Malformed records are
/// reported to the reader's error callback with their position, counted, and skipped; reading carries on.
/// </summary>
public interface IFlowEventReader : IDisposable
{
    /// <summary>Fills <paramref name="flowEvent"/> with the next good event; false at the end of input.</summary>
    bool TryRead(ref FlowEvent flowEvent);

    SourceCounters Counters { get; }
}
