using System.Text;
using System.Text.Json;
using AutoShield.Kubernetes.Client.Errors;
using AutoShield.Kubernetes.Watch;

namespace AutoShield.Kubernetes.Tests.Watch;

public sealed class WatchStreamReaderTests
{
    [Fact]
    public async Task ReadAsync_EventsAndBlankLines_YieldsEachEventWithItsType()
    {
        var body = """
            {"type":"ADDED","object":{"kind":"Pod","metadata":{"name":"a","resourceVersion":"5"}}}

            {"type":"BOOKMARK","object":{"kind":"Pod","metadata":{"resourceVersion":"9"}}}
            {"type":"DELETED","object":{"kind":"Pod","metadata":{"name":"a","resourceVersion":"10"}}}
            """;

        var events = await ReadAll(body);

        Assert.Equal([(WatchEventType.Added, "5"), (WatchEventType.Bookmark, "9"), (WatchEventType.Deleted, "10")], events.Select(e => (e.Type, e.ResourceVersion)));
    }

    [Fact]
    public async Task ReadAsync_ErrorEvent_ThrowsTypedExceptionFromStatus()
    {
        var body = """
            {"type":"ADDED","object":{"metadata":{"name":"a"}}}
            {"type":"ERROR","object":{"kind":"Status","apiVersion":"v1","status":"Failure","message":"too old resource version: 1 (5)","reason":"Expired","code":410}}
            """;

        var gone = await Assert.ThrowsAsync<KubernetesGoneException>(() => ReadAll(body));

        Assert.Equal("too old resource version: 1 (5)", gone.Message);
    }

    [Theory]
    [InlineData("{\"type\":\"ADDED\",\"object\":{\"metadata\":")]
    [InlineData("[1,2]")]
    [InlineData("{\"type\":\"ADDED\"}")]
    public async Task ReadAsync_MalformedLine_ThrowsJsonException(string line)
    {
        await Assert.ThrowsAnyAsync<JsonException>(() => ReadAll(line));
    }

    [Fact]
    public async Task ReadAsync_StopTokenFires_EndsQuietly()
    {
        using var stream = new BlockingStream();
        using var stop = new CancellationTokenSource();
        var read = ReadAll(stream, stop.Token);

        await stop.CancelAsync();

        Assert.Empty(await read);
    }

    private static Task<List<WatchEvent>> ReadAll(string body) => ReadAll(new MemoryStream(Encoding.UTF8.GetBytes(body)), CancellationToken.None);

    private static async Task<List<WatchEvent>> ReadAll(Stream stream, CancellationToken stop)
    {
        var events = new List<WatchEvent>();
        await foreach (var e in WatchStreamReader.ReadAsync(stream, stop, CancellationToken.None))
        {
            events.Add(e);
        }

        return events;
    }

    /// <summary>A stream whose reads wait until cancelled, like a watch with nothing to say.</summary>
    private sealed class BlockingStream : MemoryStream
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }
}
