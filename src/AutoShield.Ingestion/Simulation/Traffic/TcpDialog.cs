using AutoShield.Core.Flows;

namespace AutoShield.Ingestion.Simulation.Traffic;

/// <summary>
/// The packet sequences of TCP: handshake, data with acknowledgements, orderly close, reset. Each method emits
/// through the <see cref="PacketEmitter"/> and returns the time the sequence ends, so callers chain them.
/// Messages are cut into MSS-sized segments, but only the first few are reported (Cilium's trace aggregation
/// reports a fraction of a bulk transfer's segments).
/// </summary>
internal static class TcpDialog
{
    public const int Mss = 1448;
    private const TcpFlags SynAck = TcpFlags.Syn | TcpFlags.Ack;
    private const TcpFlags PshAck = TcpFlags.Psh | TcpFlags.Ack;
    private const TcpFlags FinAck = TcpFlags.Fin | TcpFlags.Ack;

    /// <summary>Time a kernel takes to answer a segment.</summary>
    public static long Stack(Random random) => (long)random.Uniform(8_000, 45_000);

    /// <summary>SYN, SYN-ACK, ACK; returns when the client sent its ACK and may send data.</summary>
    public static long Handshake(PacketEmitter emitter, SimConnection c, long time, Random random)
    {
        var synArrives = emitter.Send(c, time, true, TcpFlags.Syn);
        var synAckArrives = emitter.Send(c, synArrives + Stack(random), false, SynAck);
        var ackSent = synAckArrives + Stack(random);
        emitter.Send(c, ackSent, true, TcpFlags.Ack);
        // connect() returns, then the application writes.
        return ackSent + (long)random.Uniform(3_000, 25_000);
    }

    /// <summary>A TLS 1.3 handshake over an open connection: hello, server hello with certificate, finished.</summary>
    public static long TlsHandshake(PacketEmitter emitter, SimConnection c, long time, Random random)
    {
        var helloArrives = Message(emitter, c, time, true, random.Next(250, 600), random);
        var serverArrives = Message(emitter, c, helloArrives + (long)random.Uniform(200_000, 1_500_000), false, random.Next(2_500, 6_000), random);
        var finishedArrives = Message(emitter, c, serverArrives + Stack(random), true, random.Next(60, 130), random);
        return finishedArrives - c.OneWayNanos + Stack(random);
    }

    /// <summary>
    /// Sends <paramref name="bytes"/> from one side: ACK segments then a final PSH/ACK, at most
    /// <paramref name="maxSegments"/> reported. Returns when the last segment arrives.
    /// </summary>
    public static long Message(PacketEmitter emitter, SimConnection c, long time, bool fromClient, int bytes, Random random, int maxSegments = 4)
    {
        var segments = Math.Clamp((bytes + Mss - 1) / Mss, 1, maxSegments);
        var arrives = time;
        for (var i = 0; i < segments; i++)
        {
            var last = i == segments - 1;
            var size = last ? Math.Max(1, bytes - (Mss * (segments - 1))) : Mss;
            arrives = emitter.Send(c, time, fromClient, last ? PshAck : TcpFlags.Ack, size);
            time += (long)random.Uniform(4_000, 30_000);
        }

        return arrives;
    }

    /// <summary>A pure ACK; returns its arrival.</summary>
    public static long Ack(PacketEmitter emitter, SimConnection c, long time, bool fromClient) =>
        emitter.Send(c, time, fromClient, TcpFlags.Ack);

    /// <summary>
    /// Request, server work, response, and the client's ACK. Returns when the response has arrived at the client.
    /// Work beyond the delayed-ACK timer makes the server acknowledge the request on its own first.
    /// </summary>
    public static long Exchange(
        PacketEmitter emitter, SimConnection c, long time, int requestBytes, int responseBytes, long serverNanos, Random random, int maxResponseSegments = 4)
    {
        var requestArrives = Message(emitter, c, time, true, requestBytes, random);
        return Respond(emitter, c, requestArrives, requestArrives + serverNanos, responseBytes, random, maxResponseSegments);
    }

    /// <summary>The server's half of <see cref="Exchange"/>, for callers that do work (downstream calls) in between.</summary>
    public static long Respond(
        PacketEmitter emitter, SimConnection c, long requestArrived, long responseAt, int responseBytes, Random random, int maxSegments = 4)
    {
        const long DelayedAck = 40_000_000;
        if (responseAt - requestArrived > DelayedAck)
        {
            Ack(emitter, c, requestArrived + DelayedAck, false);
        }

        var responseArrives = Message(emitter, c, responseAt, false, responseBytes, random, maxSegments);
        Ack(emitter, c, responseArrives + Stack(random), true);
        return responseArrives;
    }

    /// <summary>FIN/ACK from one side, FIN/ACK back, final ACK. Returns when the final ACK is sent.</summary>
    public static long Close(PacketEmitter emitter, SimConnection c, long time, bool byClient, Random random)
    {
        c.Closed = true;
        var finArrives = emitter.Send(c, time, byClient, FinAck);
        var secondArrives = emitter.Send(c, finArrives + Stack(random), !byClient, FinAck);
        var ackSent = secondArrives + Stack(random);
        emitter.Send(c, ackSent, byClient, TcpFlags.Ack);
        return ackSent;
    }

    /// <summary>An abortive close (RST, or RST/ACK when answering a segment).</summary>
    public static long Reset(PacketEmitter emitter, SimConnection c, long time, bool fromClient, bool withAck)
    {
        c.Closed = true;
        return emitter.Send(c, time, fromClient, withAck ? TcpFlags.Rst | TcpFlags.Ack : TcpFlags.Rst);
    }
}
