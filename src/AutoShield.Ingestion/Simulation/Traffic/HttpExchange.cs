using System.Globalization;
using AutoShield.Core.Flows;

namespace AutoShield.Ingestion.Simulation.Traffic;

/// <summary>
/// HTTP over an open connection: the TCP segments, and on proxied connections the L7 request and response
/// events, logged where the proxy sits and with the latency the proxy measured.
/// </summary>
internal static class HttpExchange
{
    /// <summary>Sends the request; returns when it reaches the server, and when the proxy logged it.</summary>
    public static (long Arrived, long Logged) SendRequest(SimContext context, SimConnection c, long time, HttpRequest request, Random random)
    {
        var arrived = TcpDialog.Message(context.Emitter, c, time, true, request.Bytes, random);
        var logged = c.L7 == L7Mode.ClientEgress ? time + (long)random.Uniform(8_000, 30_000) : arrived - (long)random.Uniform(2_000, 6_000);
        if (c.L7 != L7Mode.None)
        {
            var info = new L7Info
            {
                Protocol = L7Protocol.Http,
                Type = L7FlowType.Request,
                HttpMethod = request.Method,
                HttpUrl = request.Url,
                HttpProtocol = HttpRequest.Protocol,
                DnsRcode = -1,
            };
            context.Emitter.L7(c, logged, false, info, new HubbleFlowDetails { HttpHeaders = request.Headers });
        }

        return (arrived, logged);
    }

    /// <summary>Sends the response the server starts at <paramref name="respondAt"/>; returns its arrival at the client.</summary>
    public static long SendResponse(
        SimContext context, SimConnection c, HttpRequest request, long arrived, long logged, long respondAt, int code, int bytes,
        string contentType, Random random, int maxSegments = 4)
    {
        var delivered = TcpDialog.Respond(context.Emitter, c, arrived, respondAt, bytes, random, maxSegments);
        if (c.L7 != L7Mode.None)
        {
            var at = c.L7 == L7Mode.ClientEgress ? delivered - (long)random.Uniform(2_000, 6_000) : respondAt + (long)random.Uniform(5_000, 20_000);
            var info = new L7Info
            {
                Protocol = L7Protocol.Http,
                Type = L7FlowType.Response,
                HttpMethod = request.Method,
                HttpUrl = request.Url,
                HttpProtocol = HttpRequest.Protocol,
                HttpCode = code,
                LatencyNanos = Math.Max(1, at - logged),
                DnsRcode = -1,
            };
            KeyValuePair<string, string>[] headers =
            [
                new("Content-Length", bytes.ToString(CultureInfo.InvariantCulture)),
                new("Content-Type", contentType),
                new("Date", DateTimeOffset.FromUnixTimeMilliseconds(respondAt / 1_000_000).ToString("R", CultureInfo.InvariantCulture)),
            ];
            context.Emitter.L7(c, at, true, info, new HubbleFlowDetails { HttpHeaders = headers });
        }

        return delivered;
    }

    public static KeyValuePair<string, string>[] ServiceHeaders(string userAgent, Random random) =>
    [
        new("Accept", "application/json"),
        new("Accept-Encoding", "gzip"),
        new("User-Agent", userAgent),
        new("X-Request-Id", random.Uuid()),
    ];
}
