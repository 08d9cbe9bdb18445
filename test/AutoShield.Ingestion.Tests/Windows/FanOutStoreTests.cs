using AutoShield.Core.Flows;
using AutoShield.Ingestion.Windows;
using AutoShield.Testing;
using static AutoShield.Ingestion.Tests.Windows.SomeConnection;

namespace AutoShield.Ingestion.Tests.Windows;

public sealed class FanOutStoreTests
{
    private readonly FanOutStore _store = new();

    [Fact]
    public void Update_FewDestinations_CountsThemExactly()
    {
        FanOutView? view = null;
        for (var i = 0; i < 10; i++)
        {
            var connection = BetweenIps(1, 100 + ((uint)i % 5), i * 0.5, port: (ushort)(80 + (i % 3)));
            view = _store.Update(i == 9 ? Failed(connection) : connection);
        }

        Assert.Equal(10, view!.Connections);
        Assert.Equal(5, view.DistinctDestinations);
        Assert.Equal(3, view.DistinctPorts);
        Assert.True(view.DistinctDestinationsExact);
        Assert.True(view.DistinctPortsExact);
        Assert.Equal(1, view.FailedConnections);
        Assert.Equal(0.1, view.FailedRatio, 6);
        Assert.Equal(At(0), view.FirstSeenUnixNanos);
        Assert.Equal(At(4.5), view.LastSeenUnixNanos);
    }

    [Fact]
    public void Update_ScanAcrossManyHosts_EstimatesDistinctDestinationsWithinTenPercent()
    {
        FanOutView? view = null;
        for (var i = 0; i < 500; i++)
        {
            view = _store.Update(Failed(BetweenIps(7, 0x0A00_0000 + (uint)i, i * 0.01, port: 22)));
        }

        Assert.False(view!.DistinctDestinationsExact);
        Assert.InRange(view.DistinctDestinations, 450, 550);
        Assert.Equal(1, view.DistinctPorts);
        Assert.True(view.DistinctPortsExact);
        Assert.Equal(500, view.Connections);
        Assert.Equal(1.0, view.FailedRatio);
    }

    [Fact]
    public void Update_PastTheHorizon_OldConnectionsLeaveTheView()
    {
        for (var i = 0; i < 40; i++)
        {
            _store.Update(BetweenIps(1, 100 + (uint)i, i * 0.25));
        }

        var view = _store.Update(BetweenIps(1, 100, 75));

        Assert.Equal(1, view.Connections);
        Assert.Equal(1, view.DistinctDestinations);
        Assert.True(view.DistinctDestinationsExact);
        Assert.Equal(41, view.TotalConnections);
        Assert.Equal(At(0), view.FirstSeenUnixNanos);
    }

    [Fact]
    public void Update_InsideTheHorizon_KeepsEarlierConnections()
    {
        _store.Update(BetweenIps(1, 100, 0));
        var view = _store.Update(BetweenIps(1, 101, 44));

        Assert.Equal(2, view.Connections);
        Assert.Equal(2, view.DistinctDestinations);
    }

    [Fact]
    public void Update_SourcesAreSeparate()
    {
        _store.Update(BetweenIps(1, 100, 0));
        var view = _store.Update(BetweenIps(2, 100, 0));

        Assert.Equal(1, view.Connections);
        Assert.Equal(2, _store.Count);
    }

    [Fact]
    public void Update_AtCapAndIdle_EvictsAndExpires()
    {
        var store = new FanOutStore(new FanOutStoreOptions { MaxSources = 2, InitialCapacity = 1 });
        store.Update(BetweenIps(1, 100, 0));
        store.Update(BetweenIps(2, 100, 1));
        store.Update(BetweenIps(3, 100, 2));

        Assert.Equal(2, store.Count);
        Assert.Equal(1, store.Evicted);
        Assert.Equal(1, store.ExpireIdle(At(61.5)));
        Assert.Equal(1, store.Expired);
        Assert.Equal(1, store.Count);
    }

    [Fact]
    public void Update_SteadyState_AllocatesNothing()
    {
        var store = new FanOutStore(new FanOutStoreOptions { MaxSources = 1_000, InitialCapacity = 1_000 });
        for (var i = 0; i < 5_000; i++)
        {
            store.Update(BetweenIps((uint)i, (uint)i * 7, i * 0.01, (ushort)i));
        }

        var next = 5_000;
        var allocated = Allocations.LeastPerRound(() =>
        {
            for (var end = next + 65_000; next < end; next++)
            {
                store.Update(BetweenIps((uint)(next % 3_000), (uint)next * 7, next * 0.01, (ushort)next));
            }
        });

        Assert.Equal(0, allocated);
        Assert.True(store.Evicted > 0);
    }

    private static Connection Failed(Connection connection)
    {
        connection.HandshakeCompleted = false;
        return connection;
    }
}
