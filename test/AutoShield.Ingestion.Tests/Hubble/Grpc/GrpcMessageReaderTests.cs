using AutoShield.Ingestion.Hubble.Grpc;
using AutoShield.Ingestion.Protos.Hubble;

using AutoShield.Testing.Hubble;

namespace AutoShield.Ingestion.Tests.Hubble.Grpc;

public sealed class GrpcMessageReaderTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(4096)]
    [InlineData(1 << 20)]
    public async Task ReadAsync_AnyReadSize_ReturnsEachMessageWhole(int maxRead)
    {
        // Arrange: recorded flows are ~1.4 KB, so a 64-byte start buffer must grow, and small reads split prefixes
        var flows = RecordedFlows.Load(RecordedFlows.TcpSample).Take(50).ToList();
        var body = flows.SelectMany(f => RelayCall.Frame(f)).ToArray();
        using var reader = new GrpcMessageReader(new TrickleStream(body, maxRead), maxMessageBytes: 1 << 20);
        var decoded = new List<GetFlowsResponse>();

        // Act
        while (await reader.ReadAsync(CancellationToken.None) == GrpcReadResult.Message)
        {
            decoded.Add(GetFlowsResponse.Parser.ParseFrom(reader.Message));
        }

        // Assert
        Assert.Equal(flows, decoded);
        Assert.Equal(50, reader.MessagesRead);
    }

    [Fact]
    public async Task ReadAsync_EmptyMessage_ReturnsZeroLengthMessage()
    {
        // Arrange
        using var reader = new GrpcMessageReader(new MemoryStream([0, 0, 0, 0, 0]), 100);

        // Act
        var first = await reader.ReadAsync(CancellationToken.None);
        var length = reader.Message.Length;
        var second = await reader.ReadAsync(CancellationToken.None);

        // Assert
        Assert.Equal(GrpcReadResult.Message, first);
        Assert.Equal(0, length);
        Assert.Equal(GrpcReadResult.End, second);
    }

    [Fact]
    public async Task ReadAsync_CompressedFlag_ThrowsProtocolError()
    {
        // Arrange
        using var reader = new GrpcMessageReader(new MemoryStream([1, 0, 0, 0, 2, 0x1F, 0x8B]), 100);

        // Act
        var error = await Assert.ThrowsAsync<GrpcProtocolException>(() => reader.ReadAsync(CancellationToken.None).AsTask());

        // Assert
        Assert.Contains("compressed", error.Message);
    }

    [Fact]
    public async Task ReadAsync_UnknownFlag_ThrowsProtocolError()
    {
        // Arrange
        using var reader = new GrpcMessageReader(new MemoryStream([7, 0, 0, 0, 0]), 100);

        // Act
        var error = await Assert.ThrowsAsync<GrpcProtocolException>(() => reader.ReadAsync(CancellationToken.None).AsTask());

        // Assert
        Assert.Contains("flag 7", error.Message);
    }

    [Fact]
    public async Task ReadAsync_MessageOverLimit_SkipsItAndReadsTheNext()
    {
        // Arrange
        var big = new byte[5 + 300];
        big[3] = 0x01;
        big[4] = 0x2C;
        byte[] small = [0, 0, 0, 0, 2, 0x08, 0x01];
        using var reader = new GrpcMessageReader(new TrickleStream([.. big, .. small], 7), maxMessageBytes: 100);

        // Act
        var first = await reader.ReadAsync(CancellationToken.None);
        var skipped = reader.SkippedLength;
        var second = await reader.ReadAsync(CancellationToken.None);
        var message = reader.Message.ToArray();

        // Assert
        Assert.Equal(GrpcReadResult.TooLarge, first);
        Assert.Equal(300, skipped);
        Assert.Equal(GrpcReadResult.Message, second);
        Assert.Equal(new byte[] { 0x08, 0x01 }, message);
    }

    [Theory]
    [InlineData(new byte[] { 0, 0, 0 })]
    [InlineData(new byte[] { 0, 0, 0, 0, 9, 1, 2 })]
    public async Task ReadAsync_BodyEndsInsideMessage_ThrowsIoException(byte[] body)
    {
        // Arrange
        using var reader = new GrpcMessageReader(new MemoryStream(body), 100);

        // Act
        var error = await Assert.ThrowsAsync<IOException>(() => reader.ReadAsync(CancellationToken.None).AsTask());

        // Assert
        Assert.Contains("ended inside", error.Message);
    }
}
