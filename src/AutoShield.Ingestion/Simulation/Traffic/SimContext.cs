using AutoShield.Core.Flows;
using AutoShield.Ingestion.Simulation.Cluster;

namespace AutoShield.Ingestion.Simulation.Traffic;

/// <summary>
/// The discrete-event core. Traffic sources put actions on an agenda; an action runs at its time and may emit
/// events at that time or later (a whole request/response at once). Events wait in a priority queue and leave
/// only when no pending action is earlier, so the output is strictly time-ordered. Ties break by insertion order,
/// which keeps the run deterministic.
/// </summary>
internal sealed class SimContext
{
    private readonly PriorityQueue<Action<long>, (long Time, long Seq)> _agenda = new();
    private readonly PriorityQueue<SimulatedFlow, (long Time, long Seq)> _output = new();
    private long _agendaSeq;
    private long _outputSeq;
    private long _now;

    public SimContext(ClusterModel cluster, SimulationOptions options)
    {
        Cluster = cluster;
        Options = options;
        StartNanos = ToNanos(options.Start);
        EndNanos = StartNanos + (options.Duration.Ticks * 100);
        _now = StartNanos;
        Emitter = new PacketEmitter(this);
        Dns = new DnsService(this);
    }

    public ClusterModel Cluster { get; }

    public SimulationOptions Options { get; }

    public long StartNanos { get; }

    /// <summary>No action starts at or after this time; activity already under way may trail past it.</summary>
    public long EndNanos { get; }

    public PacketEmitter Emitter { get; }

    public DnsService Dns { get; }

    public static long ToNanos(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100;

    public static long Seconds(double seconds) => (long)(seconds * 1e9);

    public static long Millis(double millis) => (long)(millis * 1e6);

    public static long Micros(double micros) => (long)(micros * 1e3);

    /// <summary>Runs <paramref name="action"/> at <paramref name="time"/>; ignored at or after the end of the run.</summary>
    public void Schedule(long time, Action<long> action)
    {
        if (time < _now)
        {
            throw new InvalidOperationException("an action was scheduled in the past");
        }

        if (time < EndNanos)
        {
            _agenda.Enqueue(action, (time, _agendaSeq++));
        }
    }

    public void Emit(in FlowEvent flow, HubbleFlowDetails details)
    {
        if (flow.TimeUnixNanos < _now)
        {
            // Would break time order: events already handed out may be later than this one.
            throw new InvalidOperationException("an event was emitted before the current simulation time");
        }

        _output.Enqueue(new SimulatedFlow(flow, details), (flow.TimeUnixNanos, _outputSeq++));
    }

    public IEnumerable<SimulatedFlow> Run()
    {
        while (_agenda.TryDequeue(out var action, out var key))
        {
            while (_output.TryPeek(out _, out var next) && next.Time <= key.Time)
            {
                yield return _output.Dequeue();
            }

            _now = key.Time;
            action(key.Time);
        }

        while (_output.TryDequeue(out var flow, out _))
        {
            yield return flow;
        }
    }
}
