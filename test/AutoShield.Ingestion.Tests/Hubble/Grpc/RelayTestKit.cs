using AutoShield.Core.Flows;
using AutoShield.Ingestion.Hubble.Grpc;
using AutoShield.Ingestion.Protos.Hubble;
using AutoShield.Testing.Hubble;
using Google.Protobuf.WellKnownTypes;

namespace AutoShield.Ingestion.Tests.Hubble.Grpc;

/// <summary>Shared steps of the client-against-fake-relay tests.</summary>
internal static class RelayTestKit
{
    /// <summary>Guard against a hung test; no test asserts on time.</summary>
    public static CancellationTokenSource Guard() => new(TimeSpan.FromSeconds(60));

    /// <summary>Plaintext, non-follow, with millisecond backoffs so reconnect tests run fast.</summary>
    public static HubbleRelayClientOptions Options(FakeHubbleRelay relay) => new()
    {
        Address = relay.Address,
        Follow = false,
        BackoffInitial = TimeSpan.FromMilliseconds(1),
        BackoffMax = TimeSpan.FromMilliseconds(5),
    };

    /// <summary>Reads until the stream ends or <paramref name="stopAfter"/> flows arrived, calling <paramref name="onFlow"/> with the running count.</summary>
    public static async Task<List<FlowEvent>> CollectAsync(
        HubbleRelayClient client, CancellationToken cancellationToken, int stopAfter = int.MaxValue, Action<int>? onFlow = null)
    {
        var received = new List<FlowEvent>();
        if (stopAfter == 0)
        {
            return received;
        }

        await foreach (var flowEvent in client.StreamAsync(cancellationToken))
        {
            received.Add(flowEvent);
            onFlow?.Invoke(received.Count);
            if (received.Count >= stopAfter)
            {
                break;
            }
        }

        return received;
    }

    public static long Nanos(Timestamp time) => (time.Seconds * 1_000_000_000) + time.Nanos;

    public static List<long> Times(IEnumerable<GetFlowsResponse> responses) => [.. responses.Select(r => Nanos(r.Flow.Time))];

    public static List<long> Times(IEnumerable<FlowEvent> events) => [.. events.Select(e => e.TimeUnixNanos)];

    /// <summary>The flows a relay honouring since/until returns: since inclusive, until exclusive.</summary>
    public static IEnumerable<GetFlowsResponse> Window(IEnumerable<GetFlowsResponse> flows, GetFlowsRequest request) =>
        flows.Where(f => (request.Since is null || f.Flow.Time >= request.Since) && (request.Until is null || f.Flow.Time < request.Until));
}
