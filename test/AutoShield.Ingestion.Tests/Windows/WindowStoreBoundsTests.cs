using AutoShield.Core.Windows;
using AutoShield.Ingestion.Windows;
using static AutoShield.Ingestion.Tests.Windows.SomeConnection;

namespace AutoShield.Ingestion.Tests.Windows;

public sealed class WindowStoreBoundsTests
{
    [Fact]
    public void Update_AtCap_EvictsLeastRecentlyUpdatedPair()
    {
        var store = new WindowStore(new WindowStoreOptions { MaxPairs = 2, InitialCapacity = 1 });
        store.Update(BetweenIps(1, 100, 0));
        store.Update(BetweenIps(2, 100, 1));
        store.Update(BetweenIps(1, 100, 2));

        store.Update(BetweenIps(3, 100, 3));

        Assert.Equal(2, store.Count);
        Assert.Equal(1, store.Evicted);
        Assert.Equal(3, store.Update(BetweenIps(1, 100, 4)).RowCount);
        Assert.Equal(1, store.Update(BetweenIps(2, 100, 5)).RowCount);
    }

    [Fact]
    public void ExpireIdle_DropsPairsIdlePastTheTimeoutByEventTime()
    {
        var store = new WindowStore(new WindowStoreOptions { IdleTimeout = TimeSpan.FromMinutes(10) });
        store.Update(BetweenIps(1, 100, 0));
        store.Update(BetweenIps(2, 100, 300));

        Assert.Equal(0, store.ExpireIdle(At(600.01) - 1));
        Assert.Equal(1, store.ExpireIdle(At(600.01)));

        Assert.Equal(1, store.Count);
        Assert.Equal(1, store.Expired);
        Assert.Equal(1, store.Update(BetweenIps(1, 100, 601)).RowCount);
        Assert.Equal(2, store.Update(BetweenIps(2, 100, 602)).RowCount);
    }

    [Fact]
    public void Update_TenMillionDistinctPairs_StaysWithinCapAndAllocatesNothingOnceFull()
    {
        const int Cap = 10_000;
        const int Pairs = 10_000_000;
        var store = new WindowStore(new WindowStoreOptions { MaxPairs = Cap, InitialCapacity = Cap });
        var connection = BetweenIps(0, 0xC0A8_0001, 0);
        var maxCount = 0;
        var sum = 0.0;

        var startBytes = GC.GetAllocatedBytesForCurrentThread();
        long steadyBytes = 0;
        for (var i = 0; i < Pairs; i++)
        {
            if (i == Cap)
            {
                // One update of a held pair first, so one-time lazy initialisation on the lookup-hit path (the
                // runtime's default equality comparer) is not mistaken for a per-update allocation.
                store.Update(connection);
                steadyBytes = GC.GetAllocatedBytesForCurrentThread();
            }

            connection.InitiatorIp = Core.Net.IpAddr.FromV4((uint)i + 1);
            connection.StartUnixNanos = T0 + (i * 1_000L);
            connection.EndUnixNanos = connection.StartUnixNanos + 500;
            var window = store.Update(connection);
            sum += window.Latest(WindowFeature.ConnectionRate);
            maxCount = Math.Max(maxCount, store.Count);
        }

        var steadyAllocated = GC.GetAllocatedBytesForCurrentThread() - steadyBytes;
        var totalAllocated = GC.GetAllocatedBytesForCurrentThread() - startBytes;

        Assert.Equal(Pairs, sum);
        Assert.Equal(Cap, maxCount);
        Assert.Equal(Cap, store.Count);
        Assert.Equal(Pairs - Cap, store.Evicted);
        Assert.Equal(0, steadyAllocated);
        Assert.True(totalAllocated < 1_000_000, $"{totalAllocated} bytes allocated while filling");
    }
}
