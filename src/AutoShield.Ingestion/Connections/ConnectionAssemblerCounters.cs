using AutoShield.Core.Flows;

namespace AutoShield.Ingestion.Connections;

/// <summary>
/// What a <see cref="ConnectionAssembler"/> has done. Written only by the assembler's thread; other threads read
/// through Volatile for reporting, where a slightly stale figure is fine.
/// </summary>
public sealed class ConnectionAssemblerCounters
{
    private readonly long[] _emitted = new long[(int)ConnectionEnd.Flush + 1];
    private long _events;
    private long _duplicates;
    private long _ignored;
    private long _evicted;
    private int _open;

    /// <summary>Flow events passed to <see cref="ConnectionAssembler.Add"/>.</summary>
    public long Events => Volatile.Read(ref _events);

    /// <summary>Packet reports not counted because another observation point already counts that direction.</summary>
    public long DuplicatesIgnored => Volatile.Read(ref _duplicates);

    /// <summary>Events that could join nothing (a socket-translation event with no connection).</summary>
    public long Ignored => Volatile.Read(ref _ignored);

    /// <summary>Connections closed early because the table was full.</summary>
    public long Evicted => Volatile.Read(ref _evicted);

    /// <summary>Connections open (or lingering after close) now.</summary>
    public int Open => Volatile.Read(ref _open);

    public long EmittedTotal
    {
        get
        {
            long total = 0;
            for (var i = 0; i < _emitted.Length; i++)
            {
                total += Volatile.Read(ref _emitted[i]);
            }

            return total;
        }
    }

    /// <summary>Connections emitted with this end reason.</summary>
    public long Emitted(ConnectionEnd end) => Volatile.Read(ref _emitted[(int)end]);

    internal void CountEvent() => _events++;

    internal void CountDuplicate() => _duplicates++;

    internal void CountIgnored() => _ignored++;

    internal void CountEvicted() => _evicted++;

    internal void CountEmitted(ConnectionEnd end) => _emitted[(int)end]++;

    internal void SetOpen(int open) => _open = open;
}
