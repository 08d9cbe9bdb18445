using AutoShield.Core.Flows;
using AutoShield.Ingestion.Windows;
using AutoShield.Testing;
using static AutoShield.Ingestion.Tests.Windows.SomeConnection;

namespace AutoShield.Ingestion.Tests.Windows;

public sealed class FanInStoreTests
{
    private readonly FanInStore _store = new();

    [Fact]
    public void Update_FewSources_CountsThemAndTheUnansweredSynsExactly()
    {
        FanInView? view = null;
        for (var i = 0; i < 10; i++)
        {
            var connection = BetweenIps(100 + ((uint)i % 4), 7, i * 0.5, port: 80);
            view = _store.Update(i >= 7 ? Unanswered(connection) : connection);
        }

        Assert.Equal(10, view!.Connections);
        Assert.Equal(4, view.DistinctSources);
        Assert.True(view.DistinctSourcesExact);
        Assert.Equal(3, view.FailedConnections);
        Assert.Equal(3, view.UnansweredSyns);
        Assert.Equal(0.3, view.FailedRatio, 6);
        Assert.Equal(80, view.Destination.Port);
        Assert.Equal(At(0), view.FirstSeenUnixNanos);
        Assert.Equal(At(4.5), view.LastSeenUnixNanos);
    }

    [Fact]
    public void Update_RefusedConnection_IsFailedButNotUnanswered()
    {
        var view = _store.Update(Refused(0));

        Assert.Equal(1, view.FailedConnections);
        Assert.Equal(0, view.UnansweredSyns);
    }

    [Fact]
    public void Update_OtherPortOfSameHost_IsAnotherDestination()
    {
        _store.Update(BetweenIps(1, 7, 0, port: 80));
        var view = _store.Update(BetweenIps(2, 7, 0.1, port: 443));

        Assert.Equal(1, view.Connections);
        Assert.Equal(2, _store.Count);
    }

    [Fact]
    public void Update_SpoofedFloodFromManySources_EstimatesSourcesWithinTenPercent()
    {
        FanInView? view = null;
        for (var i = 0; i < 500; i++)
        {
            view = _store.Update(Unanswered(BetweenIps(0x0B00_0000 + (uint)i, 7, i * 0.01, port: 80)));
        }

        Assert.Equal(500, view!.Connections);
        Assert.Equal(500, view.UnansweredSyns);
        Assert.False(view.DistinctSourcesExact);
        Assert.InRange(view.DistinctSources, 450, 550);
    }

    [Fact]
    public void Update_AfterTheHorizon_ForgetsOldConnections()
    {
        for (var i = 0; i < 20; i++)
        {
            _store.Update(Unanswered(BetweenIps((uint)i, 7, i * 0.1, port: 80)));
        }

        var view = _store.Update(BetweenIps(99, 7, 90, port: 80));

        Assert.Equal(1, view.Connections);
        Assert.Equal(0, view.FailedConnections);
        Assert.Equal(1, view.DistinctSources);
        Assert.Equal(21, view.TotalConnections);
    }

    [Fact]
    public void Update_AtTheCap_EvictsLeastRecentAndExpiresIdle()
    {
        var store = new FanInStore(new FanInStoreOptions { MaxDestinations = 2, InitialCapacity = 1 });
        store.Update(BetweenIps(1, 10, 0));
        store.Update(BetweenIps(1, 11, 1));
        store.Update(BetweenIps(1, 12, 2));

        Assert.Equal(2, store.Count);
        Assert.Equal(1, store.Evicted);
        Assert.Equal(2, store.ExpireIdle(At(62.5)));
        Assert.Equal(0, store.Count);
    }

    [Fact]
    public void Update_SteadyState_AllocatesNothing()
    {
        var store = new FanInStore(new FanInStoreOptions { MaxDestinations = 1_000, InitialCapacity = 1_000 });
        for (var i = 0; i < 5_000; i++)
        {
            store.Update(BetweenIps((uint)i * 7, (uint)i, i * 0.01, (ushort)i));
        }

        var next = 5_000;
        var allocated = Allocations.LeastPerRound(() =>
        {
            for (var end = next + 65_000; next < end; next++)
            {
                store.Update(BetweenIps((uint)next * 7, (uint)(next % 3_000), next * 0.01, (ushort)(next % 2)));
            }
        });

        Assert.Equal(0, allocated);
        Assert.True(store.Evicted > 0);
    }

    private static Connection Unanswered(Connection connection)
    {
        connection.SynCount = 1;
        connection.AckCount = 0;
        connection.FinCount = 0;
        connection.HandshakeCompleted = false;
        connection.ResponderReplied = false;
        return connection;
    }
}
