using AutoShield.Core.Flows;
using AutoShield.Core.Net;
using AutoShield.Core.Windows;
using AutoShield.Ingestion.Windows;
using static AutoShield.Ingestion.Tests.Windows.SomeConnection;

namespace AutoShield.Ingestion.Tests.Windows;

public sealed class WindowShapeTests
{
    private readonly WindowStore _store = new();

    [Fact]
    public void Update_FirstConnections_PadLeadingRowsWithZeros()
    {
        _store.Update(Tcp(0));
        _store.Update(Tcp(1));
        var window = _store.Update(Tcp(2));

        Assert.Equal(3, window.RowCount);
        Assert.Equal(3, window.TotalConnections);
        Assert.Equal(WindowShape.Cells, window.Matrix.Length);
        for (var row = 0; row < WindowShape.Rows - 3; row++)
        {
            Assert.All(window.Row(row).ToArray(), value => Assert.Equal(0f, value));
        }

        Assert.Equal(2f, window[17, WindowFeature.SynCount]);
        Assert.Equal(2f, window[19, WindowFeature.SynCount]);
        Assert.Equal(0f, window[17, WindowFeature.InterArrival]);
        Assert.Equal(1f, window[19, WindowFeature.InterArrival]);
    }

    [Fact]
    public void Update_TwentyFirstConnection_DropsTheOldestRowAndKeepsOrder()
    {
        PairWindow? window = null;
        for (var i = 1; i <= 21; i++)
        {
            var connection = Tcp(i);
            connection.BytesSent = i;
            connection.BytesReceived = 0;
            window = _store.Update(connection);
            Assert.Equal(Math.Min(i, WindowShape.Rows), window.RowCount);
        }

        Assert.Equal(21, window!.TotalConnections);
        for (var row = 0; row < WindowShape.Rows; row++)
        {
            Assert.Equal(row + 2f, window[row, WindowFeature.BytesSent]);
        }
    }

    [Fact]
    public void Update_RowsAreRowMajorWithTwelveFeatures()
    {
        var connection = Tcp(0, port: 443);
        connection.BytesSent = 7;
        connection.BytesReceived = 9;
        var window = _store.Update(connection);

        var last = window.Matrix[(WindowShape.Cells - WindowShape.Features)..];
        Assert.Equal([1f, 7f, 9f, 2f, 5f, 0f, 2f], last[..7].ToArray());
        Assert.Equal(1f, last[(int)WindowFeature.DistinctPorts]);
        Assert.Equal(window.Row(WindowShape.Rows - 1).ToArray(), last.ToArray());
    }

    [Fact]
    public void CopyTo_CopiesTheWholeMatrix()
    {
        _store.Update(Tcp(0));
        var window = _store.Update(Tcp(1));
        var copy = new float[WindowShape.Cells];

        window.CopyTo(copy);

        Assert.Equal(window.Matrix.ToArray(), copy);
    }

    [Fact]
    public void Update_SamePodWithNewIp_StaysTheSamePair()
    {
        _store.Update(Tcp(0));
        var moved = Tcp(1);
        moved.InitiatorIp = IpAddr.FromV4(10, 0, 7, 7);

        var window = _store.Update(moved);

        Assert.Equal(2, window.RowCount);
        Assert.Equal("shop/frontend-1 -> shop/backend-1", window.Key.ToString());
        Assert.Equal(1, _store.Count);
    }

    [Fact]
    public void Update_DifferentPairs_KeepSeparateWindows()
    {
        _store.Update(Tcp(0));
        var other = Tcp(0.5);
        other.Responder = new FlowEndpoint { Namespace = "shop", PodName = "db-0" };

        var window = _store.Update(other);

        Assert.Equal(1, window.RowCount);
        Assert.Equal(2, _store.Count);
        Assert.Equal("db-0", window.Destination.PodName);
    }

    [Fact]
    public void Update_ExposesNewestConnectionFacts()
    {
        var connection = Refused(3, port: 22);
        connection.Label = "PORT_SCAN";

        var window = _store.Update(connection);

        Assert.Equal("PORT_SCAN", window.Label);
        Assert.Equal((ushort)22, window.DestinationPort);
        Assert.Equal(IpProtocol.Tcp, window.Protocol);
        Assert.True(window.NewestFailed);
        Assert.Equal(1, window.FailedConnections);
        Assert.Equal(At(3), window.FirstSeenUnixNanos);
        Assert.Equal(At(3.001), window.LastUpdateUnixNanos);
        Assert.Equal("frontend-1", window.Source.PodName);
    }
}
