using AutoShield.Core.Flows;
using AutoShield.Ingestion.Simulation.Traffic;

namespace AutoShield.Ingestion.Simulation.Benign;

/// <summary>
/// A stale setting every cluster has: checkout still calls the ledger directly now and then, which the payments
/// policy forbids, so the SYN is dropped, retried after 1 s and 3 s, and given up. Benign drops, so that a drop
/// alone never means an attack.
/// </summary>
internal sealed class StrayTraffic(int seed) : ITrafficSource
{
    private readonly Random _random = SeedMixer.Random(seed, "stray");
    private SimContext _context = null!;

    public void Start(SimContext context)
    {
        _context = context;
        context.Schedule(context.StartNanos + SimContext.Seconds(_random.Uniform(5, 60)), Attempt);
    }

    private void Attempt(long now)
    {
        _context.Schedule(now + SimContext.Seconds(_random.Uniform(20, 120)), Attempt);
        var checkout = _random.Pick(_context.Cluster.Get("shop", "checkout").Pods);
        var ledger = _context.Cluster.Get("payments", "ledger");
        var t = _context.Dns.Resolve(now, checkout, ledger.Service!.NameFrom("shop"), TrafficTag.Benign, _random);
        var c = new SimConnection(checkout, _random.Pick(ledger.Pods), _random.EphemeralPort(), ledger.Port, IpProtocol.Tcp, TrafficTag.Benign, ledger.Service);
        _context.Emitter.SendDenied(c, t, TcpFlags.Syn);
        _context.Emitter.SendDenied(c, t + SimContext.Seconds(1), TcpFlags.Syn);
        _context.Emitter.SendDenied(c, t + SimContext.Seconds(3), TcpFlags.Syn);
    }
}
