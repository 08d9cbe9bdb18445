using AutoShield.Core.Flows;
using AutoShield.Ingestion.Hubble.Grpc;

namespace AutoShield.Cli.Commands;

/// <summary>
/// Presents a Hubble Relay stream as a reader, so <c>replay --relay</c> runs the same synchronous pipeline as files.
/// The stream ends when the relay ends it, after <c>--count</c> flows, or when the token is cancelled (Ctrl+C),
/// which is a normal end: the pipeline then flushes and the summary is printed.
/// </summary>
internal sealed class ReplayRelayReader : IFlowEventReader
{
    private readonly HubbleRelayClient _client;
    private readonly IAsyncEnumerator<FlowEvent> _flows;
    private readonly long _limit;

    public ReplayRelayReader(HubbleRelayClientOptions options, long limit, Action<ParseError> onError, CancellationToken cancellationToken)
    {
        _client = new HubbleRelayClient(options, error =>
        {
            Counters.CountBad();
            onError(error);
        });
        _flows = _client.StreamAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        _limit = limit;
    }

    public SourceCounters Counters { get; } = new();

    /// <summary>True when the stream ended because the token was cancelled.</summary>
    public bool Cancelled { get; private set; }

    public bool TryRead(ref FlowEvent flowEvent)
    {
        if (Counters.Good >= _limit || Cancelled)
        {
            return false;
        }

        try
        {
            var next = _flows.MoveNextAsync();
            if (!(next.IsCompletedSuccessfully ? next.Result : next.AsTask().GetAwaiter().GetResult()))
            {
                return false;
            }
        }
        catch (OperationCanceledException)
        {
            Cancelled = true;
            return false;
        }

        flowEvent = _flows.Current;
        Counters.CountGood();
        return true;
    }

    public void Dispose()
    {
        try
        {
            _flows.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            // Already stopping; nothing left to release but the client.
        }

        _client.Dispose();
    }
}
