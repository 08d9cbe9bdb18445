namespace AutoShield.Ingestion.Tetragon;

/// <summary>
/// Which hooked kernel functions <see cref="TetragonFlowReader"/> turns into flow events, by role. A kprobe on a
/// function in none of the sets (<c>inet_csk_listen_start</c>, <c>__x64_sys_write</c>, ...) is skipped.
/// </summary>
public sealed record TetragonFlowReaderOptions
{
    public static TetragonFlowReaderOptions Default { get; } = new();

    public TetragonReaderOptions Reader { get; init; } = TetragonReaderOptions.Default;

    /// <summary>Outgoing connection start; the <c>sock_arg</c> local side is the initiator.</summary>
    public IReadOnlySet<string> ConnectFunctions { get; init; } = Set("tcp_connect", "tcp_v4_connect", "tcp_v6_connect");

    /// <summary>Incoming connection accepted; the accepted socket is the <c>return</c> (or an argument), its remote side the initiator.</summary>
    public IReadOnlySet<string> AcceptFunctions { get; init; } = Set("inet_csk_accept");

    public IReadOnlySet<string> CloseFunctions { get; init; } = Set("tcp_close");

    /// <summary>Data sent by the process: the byte count adds to the forward direction.</summary>
    public IReadOnlySet<string> SendFunctions { get; init; } = Set("tcp_sendmsg", "tcp_sendpage", "udp_sendmsg", "udpv6_sendmsg");

    /// <summary>Data received by the process: the byte count adds to the backward direction.</summary>
    public IReadOnlySet<string> ReceiveFunctions { get; init; } = Set("tcp_recvmsg", "tcp_cleanup_rbuf", "udp_recvmsg", "udpv6_recvmsg");

    /// <summary>Distinct pod label sets kept so that equal sets share one <see cref="Core.Flows.LabelSet"/>.</summary>
    public int LabelSetCacheCapacity { get; init; } = 4096;

    private static HashSet<string> Set(params string[] names) => new(names, StringComparer.Ordinal);
}
