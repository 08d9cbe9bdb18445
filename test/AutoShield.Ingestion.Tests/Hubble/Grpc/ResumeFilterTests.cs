using AutoShield.Ingestion.Hubble.Grpc;

namespace AutoShield.Ingestion.Tests.Hubble.Grpc;

public sealed class ResumeFilterTests
{
    [Fact]
    public void IsNew_FirstCall_AcceptsEverythingIncludingOutOfOrder()
    {
        // Arrange
        var filter = new ResumeFilter();
        filter.BeginCall();
        filter.MarkDelivered(200, 1);

        // Act
        var older = filter.IsNew(100, 2);
        var same = filter.IsNew(200, 1);

        // Assert
        Assert.True(older);
        Assert.True(same);
    }

    [Fact]
    public void IsNew_ResumedCall_DropsOlderAndAlreadyDeliveredAtTheResumeTime()
    {
        // Arrange: two flows delivered at t=200 before the reconnect
        var filter = new ResumeFilter();
        filter.BeginCall();
        filter.MarkDelivered(100, 10);
        filter.MarkDelivered(200, 20);
        filter.MarkDelivered(200, 21);

        // Act
        filter.BeginCall();

        // Assert
        Assert.False(filter.IsNew(100, 10));
        Assert.False(filter.IsNew(150, 99));
        Assert.False(filter.IsNew(200, 20));
        Assert.False(filter.IsNew(200, 21));
        Assert.True(filter.IsNew(200, 22));
        Assert.True(filter.IsNew(201, 20));
        Assert.Equal(200, filter.LatestNanos);
    }

    [Fact]
    public void IsNew_ResumedCallMovesPastResumePoint_JudgesAgainstTheResumePointOnly()
    {
        // Arrange
        var filter = new ResumeFilter();
        filter.BeginCall();
        filter.MarkDelivered(200, 20);
        filter.BeginCall();

        // Act: the resumed call delivers t=300, then a slightly out-of-order t=250 from another node
        filter.MarkDelivered(300, 30);
        var lateButNew = filter.IsNew(250, 25);

        // Assert
        Assert.True(lateButNew);
        Assert.Equal(300, filter.LatestNanos);
    }

    [Fact]
    public void Fingerprint_DifferentBytes_Differ()
    {
        // Arrange
        byte[] a = [1, 2, 3, 4, 5, 6, 7, 8, 9];
        byte[] b = [1, 2, 3, 4, 5, 6, 7, 8, 10];

        // Act + Assert
        Assert.NotEqual(ResumeFilter.Fingerprint(a), ResumeFilter.Fingerprint(b));
        Assert.Equal(ResumeFilter.Fingerprint(a), ResumeFilter.Fingerprint([.. a]));
        Assert.NotEqual(ResumeFilter.Fingerprint([0]), ResumeFilter.Fingerprint([0, 0]));
    }
}
