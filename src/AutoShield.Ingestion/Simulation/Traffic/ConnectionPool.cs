using AutoShield.Core.Flows;
using AutoShield.Ingestion.Simulation.Cluster;

namespace AutoShield.Ingestion.Simulation.Traffic;

/// <summary>
/// Client-side keep-alive: a request reuses an idle connection to the same pod and port, or opens one (with the
/// handshake); connections idle longer than the timeout are closed by the client. One pool per traffic source.
/// </summary>
internal sealed class ConnectionPool(SimContext context, Random random, TrafficTag tag, long idleNanos)
{
    private readonly Dictionary<(Peer Client, Peer Server, ushort Port), List<SimConnection>> _connections = [];
    // Opening order, for walking the pool without depending on dictionary order.
    private readonly List<SimConnection> _opened = [];

    /// <summary>Opened connections run a TLS handshake after the TCP one.</summary>
    public bool Tls { get; init; }

    /// <summary>A free connection and the time it can carry a request (later than <paramref name="time"/> if it had to be opened).</summary>
    public (SimConnection Connection, long Ready) Acquire(long time, Peer client, Peer server, ushort port, KubeService? service, L7Mode l7, long oneWayNanos = 0)
    {
        if (!_connections.TryGetValue((client, server, port), out var list))
        {
            list = [];
            _connections.Add((client, server, port), list);
        }

        foreach (var open in list)
        {
            if (!open.Closed && open.BusyUntil <= time)
            {
                open.BusyUntil = long.MaxValue;
                return (open, time);
            }
        }

        var c = new SimConnection(client, server, random.EphemeralPort(), port, IpProtocol.Tcp, tag, service, l7, oneWayNanos);
        list.Add(c);
        _opened.Add(c);
        var ready = TcpDialog.Handshake(context.Emitter, c, time, random);
        if (Tls)
        {
            ready = TcpDialog.TlsHandshake(context.Emitter, c, ready, random);
        }

        c.BusyUntil = long.MaxValue;
        c.LastUse = ready;
        ScheduleIdleCheck(c, list, ready + idleNanos);
        return (c, ready);
    }

    /// <summary>Marks the connection free from <paramref name="time"/> on.</summary>
    public static void Release(SimConnection c, long time)
    {
        c.BusyUntil = time;
        c.LastUse = Math.Max(c.LastUse, time);
    }

    /// <summary>Closes every open connection of <paramref name="client"/> (its process is exiting).</summary>
    public void CloseAll(long time, Peer client)
    {
        foreach (var c in _opened)
        {
            if (!c.Closed && ReferenceEquals(c.Client, client))
            {
                TcpDialog.Close(context.Emitter, c, Math.Max(time, c.BusyUntil == long.MaxValue ? time : c.BusyUntil), byClient: true, random);
                _connections[(c.Client, c.Server, c.ServerPort)].Remove(c);
                time += TcpDialog.Stack(random);
            }
        }

        _opened.RemoveAll(c => c.Closed);
    }

    private void ScheduleIdleCheck(SimConnection c, List<SimConnection> list, long at) => context.Schedule(at, now =>
    {
        if (c.Closed)
        {
            return;
        }

        if (c.BusyUntil <= now && c.LastUse + idleNanos <= now)
        {
            TcpDialog.Close(context.Emitter, c, now, byClient: true, random);
            list.Remove(c);
            _opened.Remove(c);
        }
        else
        {
            ScheduleIdleCheck(c, list, Math.Max(now + 1, c.LastUse + idleNanos));
        }
    });
}
