using AutoShield.Core.Flows;

namespace AutoShield.Ingestion.Tetragon;

/// <summary>
/// Turns the network-bearing events of a Tetragon JSON stream into flow events (origin Tetragon, kind Socket); the
/// source endpoint is the process's pod (namespace, name, workload, labels as <c>k8s:key=value</c>), the destination
/// the remote address with no pod. Exec, exit, listen, tracepoint, uprobe, LSM and kprobes on other functions are
/// counted as skipped.
/// <list type="bullet">
/// <item>Legacy <c>process_connect</c>: a connection start (SYN, egress, request), no counts.</item>
/// <item>Legacy <c>process_close</c>: FIN; with <c>stats</c>, <see cref="FlowEvent.Counts"/> holds the
/// connection's totals (bytes_sent/received, segs_out/in as packets). Today these legacy close statistics are the
/// only Tetragon events that carry byte counts by themselves.</item>
/// <item><c>process_kprobe</c> with a <c>sock_arg</c> (or <c>skb_arg</c>) on a function of
/// <see cref="TetragonFlowReaderOptions"/>: connect (SYN), accept (SYN from the peer, ingress), close (FIN), and
/// send/receive, whose counts are that one call's bytes (return value, size argument or skb length) added to the
/// forward or backward direction. Current open-source Tetragon has no socket statistics: bytes need a
/// TracingPolicy on <c>tcp_sendmsg</c>/<c>tcp_recvmsg</c> with size or skb arguments.</item>
/// </list>
/// An assembler therefore adds send/receive counts and takes close counts as totals (close always carries FIN,
/// send/receive never do).
/// </summary>
public sealed class TetragonFlowReader : IFlowEventReader
{
    private readonly Action<ParseError>? _onError;
    private readonly TetragonJsonReader _events;
    private readonly TetragonFlowMapper _mapper;

    public TetragonFlowReader(Stream stream, string sourceName, Action<ParseError>? onError = null, TetragonFlowReaderOptions? options = null)
    {
        options ??= TetragonFlowReaderOptions.Default;
        _onError = onError;
        _events = new TetragonJsonReader(stream, sourceName, OnEventError, options.Reader);
        _mapper = new TetragonFlowMapper(options);
    }

    /// <summary>Good: flow events returned. Bad: malformed records and network events lacking time or address. Skipped: other events.</summary>
    public SourceCounters Counters { get; } = new();

    public bool TryRead(ref FlowEvent flowEvent)
    {
        while (_events.TryRead(out var tetragonEvent))
        {
            flowEvent.Reset();
            switch (_mapper.Map(tetragonEvent, ref flowEvent, out var error))
            {
                case FlowMapResult.Flow:
                    Counters.CountGood();
                    return true;
                case FlowMapResult.Skipped:
                    Counters.CountSkipped();
                    break;
                default:
                    OnEventError(new ParseError(_events.SourceName, _events.RecordLine, error));
                    break;
            }
        }

        flowEvent.Reset();
        return false;
    }

    private void OnEventError(ParseError error)
    {
        Counters.CountBad();
        _onError?.Invoke(error);
    }

    public void Dispose() => _events.Dispose();
}
