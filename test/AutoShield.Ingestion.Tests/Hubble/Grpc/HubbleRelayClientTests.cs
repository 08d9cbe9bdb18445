using AutoShield.Core.Flows;
using AutoShield.Core.Net;
using AutoShield.Ingestion.Hubble.Grpc;
using AutoShield.Ingestion.Protos.Hubble;
using AutoShield.Testing.Hubble;
using Google.Protobuf.WellKnownTypes;
using static AutoShield.Ingestion.Tests.Hubble.Grpc.RelayTestKit;

namespace AutoShield.Ingestion.Tests.Hubble.Grpc;

public sealed class HubbleRelayClientTests
{
    [Fact]
    public async Task StreamAsync_PlaintextRelayStreamingAllRecordedFlows_DeliversEachConverted()
    {
        // Arrange
        using var guard = Guard();
        var flows = RecordedFlows.LoadAll();
        await using var relay = await FakeHubbleRelay.StartAsync(async call =>
        {
            await call.SendAsync(flows);
            call.Finish(GrpcStatusCode.Ok);
        });
        using var client = new HubbleRelayClient(Options(relay));

        // Act
        var received = await CollectAsync(client, guard.Token);

        // Assert
        Assert.Equal(1916, received.Count);
        Assert.Equal(Times(flows), Times(received));
        Assert.All(received, e => Assert.Equal(FlowOrigin.Hubble, e.Origin));
        var first = received[RecordedFlows.Files.TakeWhile(f => f != RecordedFlows.TcpSample).Sum(f => RecordedFlows.Lines(f).Count)];
        Assert.Equal(IpAddr.Parse("10.244.0.177"), first.SourceIp);
        Assert.Equal(35128, first.SourcePort);
        Assert.Equal(IpAddr.Parse("10.244.0.110"), first.DestinationIp);
        Assert.Equal(9080, first.DestinationPort);
        Assert.Equal(TcpFlags.Ack, first.Flags);
        Assert.Equal("productpage-v1-6b746f74dc-9rcxx", first.Source.PodName);
        Assert.Equal(1916, client.Counters.Received);
        Assert.Equal(0, client.Counters.Bad);
        Assert.Equal(0, client.Counters.Reconnects);
        Assert.Null(client.Counters.LastError);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(1000)]
    [InlineData(int.MaxValue)]
    public async Task StreamAsync_MessagesSplitAcrossDataFrames_Reassembles(int chunkSize)
    {
        // Arrange: all messages in one buffer, written chunkSize bytes per DATA frame
        using var guard = Guard();
        var flows = RecordedFlows.Load(RecordedFlows.TcpSample).Take(chunkSize == 1 ? 5 : 40).ToList();
        var bytes = flows.SelectMany(f => RelayCall.Frame(f)).ToArray();
        await using var relay = await FakeHubbleRelay.StartAsync(async call =>
        {
            await call.SendRawAsync(bytes, chunkSize);
            call.Finish(GrpcStatusCode.Ok);
        });
        using var client = new HubbleRelayClient(Options(relay));

        // Act
        var received = await CollectAsync(client, guard.Token);

        // Assert
        Assert.Equal(Times(flows), Times(received));
        Assert.Equal(flows.Select(f => f.Flow.Source.PodName), received.Select(e => e.Source.PodName ?? string.Empty));
    }

    [Fact]
    public async Task StreamAsync_NumberFirstAndFilters_SentOnTheWire()
    {
        // Arrange
        using var guard = Guard();
        var whitelist = new FlowFilter { SourcePod = { "bookinfo/" }, Verdict = { AutoShield.Ingestion.Protos.Hubble.Verdict.Forwarded } };
        var blacklist = new FlowFilter { DestinationPort = { "53" } };
        var expected = new GetFlowsRequest { Number = 25, First = true, Follow = false, Whitelist = { whitelist }, Blacklist = { blacklist } };
        var flows = RecordedFlows.Load(RecordedFlows.TcpSample);
        await using var relay = await FakeHubbleRelay.StartAsync(async call =>
        {
            if (!call.Request.Equals(expected))
            {
                call.Finish(GrpcStatusCode.InvalidArgument, Uri.EscapeDataString($"unexpected request {call.Request}"));
                return;
            }

            await call.SendAsync(flows.Take((int)call.Request.Number));
            call.Finish(GrpcStatusCode.Ok);
        });
        var options = Options(relay) with { Number = 25, First = true, Whitelist = [whitelist], Blacklist = [blacklist] };
        using var client = new HubbleRelayClient(options);

        // Act
        var received = await CollectAsync(client, guard.Token);

        // Assert
        Assert.Equal(25, received.Count);
        Assert.Equal(expected, Assert.Single(relay.Requests));
    }

    [Fact]
    public async Task StreamAsync_SinceAndUntil_SentOnTheWireAndHonoured()
    {
        // Arrange
        using var guard = Guard();
        var flows = RecordedFlows.Load(RecordedFlows.TcpSample);
        var since = flows[100].Flow.Time.ToDateTimeOffset();
        var until = flows[200].Flow.Time.ToDateTimeOffset();
        await using var relay = await FakeHubbleRelay.StartAsync(async call =>
        {
            await call.SendAsync(Window(flows, call.Request));
            call.Finish(GrpcStatusCode.Ok);
        });
        using var client = new HubbleRelayClient(Options(relay) with { Since = since, Until = until, Follow = true });

        // Act: follow, so stop after the window; the relay then ends the stream
        var received = await CollectAsync(client, guard.Token, stopAfter: 100);

        // Assert
        var request = Assert.Single(relay.Requests);
        Assert.Equal(Timestamp.FromDateTimeOffset(since), request.Since);
        Assert.Equal(Timestamp.FromDateTimeOffset(until), request.Until);
        Assert.True(request.Follow);
        Assert.Equal(0ul, request.Number);
        Assert.Equal(Times(flows.Skip(100).Take(100)), Times(received));
    }

    [Fact]
    public async Task StreamAsync_RelayEndsWithPermissionDeniedInTrailers_ThrowsTypedError()
    {
        // Arrange
        using var guard = Guard();
        var flows = RecordedFlows.Load(RecordedFlows.TcpSample);
        await using var relay = await FakeHubbleRelay.StartAsync(async call =>
        {
            await call.SendAsync(flows.Take(5));
            call.Finish(GrpcStatusCode.PermissionDenied, "hubble%3A access denied to node k8s%2Fworker-1");
        });
        using var client = new HubbleRelayClient(Options(relay) with { Follow = true });
        var received = new List<FlowEvent>();

        // Act
        var error = await Assert.ThrowsAsync<GrpcStatusException>(async () =>
        {
            await foreach (var flowEvent in client.StreamAsync(guard.Token))
            {
                received.Add(flowEvent);
            }
        });

        // Assert
        Assert.Equal(5, received.Count);
        Assert.Equal(GrpcStatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal("hubble: access denied to node k8s/worker-1", error.Status.Message);
        Assert.Equal(0, client.Counters.Reconnects);
        Assert.Contains("PermissionDenied", client.Counters.LastError);
    }

    [Fact]
    public async Task StreamAsync_TrailersOnlyUnimplemented_ThrowsTypedError()
    {
        // Arrange
        using var guard = Guard();
        await using var relay = await FakeHubbleRelay.StartAsync(call =>
        {
            call.FinishWithoutBody(GrpcStatusCode.Unimplemented, "unknown service observer.Observer");
            return Task.CompletedTask;
        });
        using var client = new HubbleRelayClient(Options(relay));

        // Act
        var error = await Assert.ThrowsAsync<GrpcStatusException>(() => CollectAsync(client, guard.Token));

        // Assert
        Assert.Equal(GrpcStatusCode.Unimplemented, error.StatusCode);
        Assert.Equal("unknown service observer.Observer", error.Status.Message);
    }

    [Fact]
    public async Task StreamAsync_CompressedMessage_ThrowsProtocolError()
    {
        // Arrange
        using var guard = Guard();
        var flow = RecordedFlows.Load(RecordedFlows.TcpSample)[0];
        await using var relay = await FakeHubbleRelay.StartAsync(async call =>
        {
            await call.SendRawAsync(RelayCall.Frame(flow, compressedFlag: 1));
            call.Finish(GrpcStatusCode.Ok);
        });
        using var client = new HubbleRelayClient(Options(relay));

        // Act
        var error = await Assert.ThrowsAsync<GrpcProtocolException>(() => CollectAsync(client, guard.Token));

        // Assert
        Assert.Contains("compressed", error.Message);
        Assert.Equal(0, client.Counters.Reconnects);
    }

    [Fact]
    public async Task StreamAsync_NonFlowOversizedAndMalformedMessages_SkippedOrReportedAndStreamGoesOn()
    {
        // Arrange
        using var guard = Guard();
        var badIp = Some.Flow(1_700_000_001);
        badIp.IP.Destination = "not-an-ip";
        var big = RecordedFlows.Load(RecordedFlows.TcpSample)[0];
        var good = Enumerable.Range(2, 3).Select(i => Some.Response(Some.Flow(1_700_000_000 + i))).ToList();
        await using var relay = await FakeHubbleRelay.StartAsync(async call =>
        {
            await call.SendAsync([new GetFlowsResponse { NodeStatus = new NodeStatusEvent { StateChange = NodeState.NodeConnected, NodeNames = { "kind-worker" } } }]);
            await call.SendAsync([new GetFlowsResponse { LostEvents = new LostEvent { Source = LostEventSource.HubbleRingBuffer, NumEventsLost = 7 } }]);
            await call.SendRawAsync(new byte[] { 0, 0, 0, 0, 3, 0xFF, 0xFF, 0xFF });
            await call.SendAsync([Some.Response(badIp), big]);
            await call.SendAsync(good);
            call.Finish(GrpcStatusCode.Ok);
        });
        var errors = new List<ParseError>();
        using var client = new HubbleRelayClient(Options(relay) with { MaxMessageBytes = 600 }, errors.Add);

        // Act
        var received = await CollectAsync(client, guard.Token);

        // Assert
        Assert.Equal(Times(good), Times(received));
        Assert.Equal(2, client.Counters.Skipped);
        Assert.Equal(7, client.Counters.LostEvents);
        Assert.Equal(3, client.Counters.Bad);
        Assert.Equal([3L, 4L, 5L], errors.Select(e => e.Line));
        Assert.Contains("GetFlowsResponse", errors[0].Message);
        Assert.Contains("not-an-ip", errors[1].Message);
        Assert.Contains("exceeds the 600-byte limit", errors[2].Message);
        Assert.All(errors, e => Assert.StartsWith("hubble-relay 127.0.0.1:", e.Source));
    }

    [Fact]
    public async Task StreamAsync_Cancelled_StopsAndReleasesTheCall()
    {
        // Arrange
        using var guard = Guard();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(guard.Token);
        var flows = RecordedFlows.Load(RecordedFlows.TcpSample);
        var relayNoticed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var relay = await FakeHubbleRelay.StartAsync(async call =>
        {
            await call.SendAsync(flows.Take(10));
            await call.WaitForClientToLeaveAsync();
            relayNoticed.TrySetResult();
        });
        using var client = new HubbleRelayClient(Options(relay) with { Follow = true });

        // Act
        var consumer = CollectAsync(client, stop.Token, onFlow: count =>
        {
            if (count == 10)
            {
                stop.Cancel();
            }
        });

        // Assert
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => consumer);
        await relayNoticed.Task.WaitAsync(guard.Token);
        Assert.Equal(10, client.Counters.Received);
        Assert.Equal(0, client.Counters.Reconnects);
        Assert.Null(client.Counters.LastError);
    }

    [Fact]
    public async Task StreamAsync_SecondConcurrentEnumeration_Refused()
    {
        // Arrange
        using var guard = Guard();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(guard.Token);
        await using var relay = await FakeHubbleRelay.StartAsync(call => call.WaitForClientToLeaveAsync());
        using var client = new HubbleRelayClient(Options(relay) with { Follow = true });
        var first = client.StreamAsync(stop.Token).GetAsyncEnumerator(stop.Token);
        var pending = first.MoveNextAsync().AsTask();

        // Act
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => CollectAsync(client, guard.Token));

        // Assert
        Assert.Contains("one consumer", error.Message);
        Assert.False(pending.IsCompleted);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
        await first.DisposeAsync();
    }
}
