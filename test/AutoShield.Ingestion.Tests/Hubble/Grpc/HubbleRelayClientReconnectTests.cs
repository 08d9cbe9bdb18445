using System.Net;
using System.Net.Sockets;
using AutoShield.Ingestion.Hubble.Grpc;
using AutoShield.Testing.Hubble;
using static AutoShield.Ingestion.Tests.Hubble.Grpc.RelayTestKit;

namespace AutoShield.Ingestion.Tests.Hubble.Grpc;

public sealed class HubbleRelayClientReconnectTests
{
    public enum Interruption
    {
        DropConnection,
        ResetStream,
        Unavailable,
        EndFollowStream,
    }

    [Theory]
    [InlineData(Interruption.DropConnection)]
    [InlineData(Interruption.ResetStream)]
    [InlineData(Interruption.Unavailable)]
    [InlineData(Interruption.EndFollowStream)]
    public async Task StreamAsync_RelayInterruptsMidStream_ResumesSinceLastFlowAndDeliversEachOnce(Interruption how)
    {
        // Arrange: the first call stops after `cut` flows, once the consumer has them; the relay honours since inclusively,
        // so the resumed call repeats the last delivered flow
        using var guard = Guard();
        const int Cut = 150;
        var flows = RecordedFlows.Load(RecordedFlows.TcpSample);
        var consumerHasCut = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var relay = await FakeHubbleRelay.StartAsync(async call =>
        {
            if (call.Index == 0)
            {
                await call.SendAsync(flows.Take(Cut));
                await consumerHasCut.Task.WaitAsync(call.Aborted);
                Interrupt(call, how);
                return;
            }

            await call.SendAsync(Window(flows, call.Request));
            await call.WaitForClientToLeaveAsync();
        });
        using var client = new HubbleRelayClient(Options(relay) with { Follow = true, Number = 1000, First = true });

        // Act
        var received = await CollectAsync(client, guard.Token, stopAfter: flows.Count, onFlow: count =>
        {
            if (count == Cut)
            {
                consumerHasCut.TrySetResult();
            }
        });

        // Assert
        Assert.Equal(Times(flows), Times(received));
        Assert.Equal(2, relay.Requests.Count);
        var resumed = relay.Requests[1];
        Assert.Equal(flows[Cut - 1].Flow.Time, resumed.Since);
        Assert.Equal(0ul, resumed.Number);
        Assert.False(resumed.First);
        Assert.True(resumed.Follow);
        Assert.Equal(1, client.Counters.Reconnects);
        Assert.Equal(1, client.Counters.Duplicates);
        Assert.Equal(flows.Count, client.Counters.Received);
        Assert.NotNull(client.Counters.LastError);
    }

    [Fact]
    public async Task StreamAsync_RelayIgnoresSinceAndReplaysHistory_ConsumerStillSeesEachFlowOnce()
    {
        // Arrange
        using var guard = Guard();
        const int Cut = 120;
        var flows = RecordedFlows.Load("basic-sample-400-udp-flows.json");
        var consumerHasCut = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var relay = await FakeHubbleRelay.StartAsync(async call =>
        {
            await call.SendAsync(call.Index == 0 ? flows.Take(Cut) : flows);
            if (call.Index == 0)
            {
                await consumerHasCut.Task.WaitAsync(call.Aborted);
                call.DropConnection();
                return;
            }

            await call.WaitForClientToLeaveAsync();
        });
        using var client = new HubbleRelayClient(Options(relay) with { Follow = true });

        // Act
        var received = await CollectAsync(client, guard.Token, stopAfter: flows.Count, onFlow: count =>
        {
            if (count == Cut)
            {
                consumerHasCut.TrySetResult();
            }
        });

        // Assert
        Assert.Equal(Times(flows), Times(received));
        Assert.Equal(Cut, client.Counters.Duplicates);
    }

    [Fact]
    public async Task StreamAsync_RelayUnavailableBeforeAnyFlow_RetriesTheOriginalRequest()
    {
        // Arrange
        using var guard = Guard();
        var flows = RecordedFlows.Load("basic-sample-5-http-flows.json");
        await using var relay = await FakeHubbleRelay.StartAsync(async call =>
        {
            if (call.Index < 2)
            {
                call.FinishWithoutBody(GrpcStatusCode.Unavailable, "no nodes connected");
                return;
            }

            await call.SendAsync(Window(flows, call.Request));
            call.Finish(GrpcStatusCode.Ok);
        });
        var since = flows[0].Flow.Time.ToDateTimeOffset();
        using var client = new HubbleRelayClient(Options(relay) with { Since = since });

        // Act
        var received = await CollectAsync(client, guard.Token);

        // Assert
        Assert.Equal(Times(flows), Times(received));
        Assert.Equal(3, relay.Requests.Count);
        Assert.All(relay.Requests, r => Assert.Equal(relay.Requests[0], r));
        Assert.Equal(2, client.Counters.Reconnects);
        Assert.Contains("no nodes connected", client.Counters.LastError);
    }

    [Fact]
    public async Task StreamAsync_NothingListening_KeepsRetryingUntilCancelled()
    {
        // Arrange: a port that was just free
        using var guard = Guard();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(guard.Token);
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var client = new HubbleRelayClient(new HubbleRelayClientOptions
        {
            Address = $"127.0.0.1:{port}",
            BackoffInitial = TimeSpan.FromMilliseconds(1),
            BackoffMax = TimeSpan.FromMilliseconds(2),
        });

        // Act
        var consumer = CollectAsync(client, stop.Token);
        while (client.Counters.Reconnects < 3 && !consumer.IsCompleted)
        {
            await Task.Delay(10, guard.Token);
        }

        await stop.CancelAsync();

        // Assert
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => consumer);
        Assert.True(client.Counters.Reconnects >= 3);
        Assert.Contains("HttpRequestException", client.Counters.LastError);
        Assert.Equal(0, client.Counters.Received);
    }

    private static void Interrupt(RelayCall call, Interruption how)
    {
        switch (how)
        {
            case Interruption.DropConnection:
                call.DropConnection();
                break;
            case Interruption.ResetStream:
                call.ResetStream();
                break;
            case Interruption.Unavailable:
                call.Finish(GrpcStatusCode.Unavailable, "relay%20restarting");
                break;
            case Interruption.EndFollowStream:
                call.Finish(GrpcStatusCode.Ok);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(how));
        }
    }
}
