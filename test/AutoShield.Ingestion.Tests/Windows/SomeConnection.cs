using AutoShield.Core.Flows;
using AutoShield.Core.Net;

namespace AutoShield.Ingestion.Tests.Windows;

/// <summary>Builders of assembled connections for window and fan-out tests.</summary>
internal static class SomeConnection
{
    public const long T0 = 1_700_000_000_000_000_000;

    public static readonly FlowEndpoint Client = new() { Namespace = "shop", PodName = "frontend-1" };
    public static readonly FlowEndpoint Server = new() { Namespace = "shop", PodName = "backend-1" };

    public static long At(double seconds) => T0 + (long)Math.Round(seconds * 1e9);

    /// <summary>A completed TCP connection from frontend-1 to backend-1, Hubble-style (no bytes).</summary>
    public static Connection Tcp(double startSeconds, double durationSeconds = 0.1, ushort port = 8080)
    {
        var connection = default(Connection);
        connection.Origin = FlowOrigin.Hubble;
        connection.Protocol = IpProtocol.Tcp;
        connection.InitiatorIp = IpAddr.FromV4(10, 0, 0, 9);
        connection.ResponderIp = IpAddr.FromV4(10, 0, 0, 2);
        connection.InitiatorPort = 40_000;
        connection.ResponderPort = port;
        connection.Initiator = Client;
        connection.Responder = Server;
        connection.StartUnixNanos = At(startSeconds);
        connection.EndUnixNanos = At(startSeconds + durationSeconds);
        connection.SynCount = 2;
        connection.AckCount = 5;
        connection.FinCount = 2;
        connection.BytesSent = -1;
        connection.BytesReceived = -1;
        connection.PacketsSent = 4;
        connection.PacketsReceived = 3;
        connection.HandshakeCompleted = true;
        connection.ResponderReplied = true;
        connection.End = ConnectionEnd.Fin;
        connection.DnsRcode = -1;
        return connection;
    }

    /// <summary>A SYN answered by RST: failed.</summary>
    public static Connection Refused(double startSeconds, ushort port = 8080)
    {
        var connection = Tcp(startSeconds, 0.001, port);
        connection.SynCount = 1;
        connection.AckCount = 1;
        connection.RstCount = 1;
        connection.FinCount = 0;
        connection.HandshakeCompleted = false;
        connection.End = ConnectionEnd.Rst;
        return connection;
    }

    /// <summary>A connection between IP-only endpoints, so tests can make millions of distinct pairs without strings.</summary>
    public static Connection BetweenIps(uint source, uint destination, double startSeconds, ushort port = 443)
    {
        var connection = Tcp(startSeconds, 0.01, port);
        connection.Initiator = default;
        connection.Responder = default;
        connection.InitiatorIp = IpAddr.FromV4(source);
        connection.ResponderIp = IpAddr.FromV4(destination);
        return connection;
    }
}
