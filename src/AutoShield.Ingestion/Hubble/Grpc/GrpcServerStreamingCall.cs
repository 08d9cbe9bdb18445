using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;

namespace AutoShield.Ingestion.Hubble.Grpc;

/// <summary>
/// One server-streaming gRPC call over HTTP/2: sends the single request message, then hands out the response
/// messages as they arrive and finally the status from the trailers (or from the headers of a trailers-only
/// answer, or from the HTTP status when the peer is not a gRPC server).
/// </summary>
internal sealed class GrpcServerStreamingCall : IAsyncDisposable
{
    private const string GrpcContentType = "application/grpc";

    // Kept until the call ends: HTTP/2 may still be sending the request body when the response headers arrive.
    private readonly HttpRequestMessage _request;
    private readonly HttpResponseMessage _response;
    private readonly Stream? _body;
    private readonly GrpcMessageReader? _reader;
    private readonly GrpcStatus? _earlyStatus;

    private GrpcServerStreamingCall(
        HttpRequestMessage request, HttpResponseMessage response, Stream? body, GrpcMessageReader? reader, GrpcStatus? earlyStatus)
    {
        _request = request;
        _response = response;
        _body = body;
        _reader = reader;
        _earlyStatus = earlyStatus;
    }

    /// <summary>The last message read; valid until the next read.</summary>
    public ReadOnlySpan<byte> Message => _reader is null ? default : _reader.Message;

    public long SkippedLength => _reader?.SkippedLength ?? 0;

    public static async Task<GrpcServerStreamingCall> StartAsync(
        HttpMessageInvoker invoker, Uri uri, IMessage request, int maxMessageBytes, CancellationToken cancellationToken)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            // gRPC needs HTTP/2; over plain TCP this means prior-knowledge h2c, with no HTTP/1.1 upgrade dance.
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(Frame(request)),
        };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue(GrpcContentType);
        message.Headers.TE.ParseAdd("trailers");
        message.Headers.TryAddWithoutValidation("grpc-accept-encoding", "identity");
        message.Headers.UserAgent.ParseAdd("autoshield-hubble-client/1.0");

        HttpResponseMessage? response = null;
        try
        {
            response = await invoker.SendAsync(message, cancellationToken).ConfigureAwait(false);
            if (GrpcStatusReader.Read(response.Headers) is { } trailersOnly)
            {
                return new GrpcServerStreamingCall(message, response, null, null, trailersOnly);
            }

            if (response.StatusCode != HttpStatusCode.OK)
            {
                return new GrpcServerStreamingCall(message, response, null, null, GrpcStatusReader.FromHttpStatus(response.StatusCode));
            }

            var contentType = response.Content.Headers.ContentType?.MediaType;
            if (contentType is null || !contentType.StartsWith(GrpcContentType, StringComparison.OrdinalIgnoreCase))
            {
                var status = new GrpcStatus(GrpcStatusCode.Unknown, $"response content-type '{contentType}' is not {GrpcContentType}");
                return new GrpcServerStreamingCall(message, response, null, null, status);
            }

            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return new GrpcServerStreamingCall(message, response, body, new GrpcMessageReader(body, maxMessageBytes), null);
        }
        catch
        {
            response?.Dispose();
            message.Dispose();
            throw;
        }
    }

    public ValueTask<GrpcReadResult> ReadAsync(CancellationToken cancellationToken) =>
        _reader is null ? ValueTask.FromResult(GrpcReadResult.End) : _reader.ReadAsync(cancellationToken);

    /// <summary>The call's status once <see cref="ReadAsync"/> returned End; null when the server sent none.</summary>
    public GrpcStatus? ReadStatus() => _earlyStatus ?? GrpcStatusReader.Read(_response.TrailingHeaders);

    public async ValueTask DisposeAsync()
    {
        _reader?.Dispose();
        if (_body is not null)
        {
            // Disposing the body of an unfinished HTTP/2 response resets the stream, which tells the relay to stop.
            await _body.DisposeAsync().ConfigureAwait(false);
        }

        _response.Dispose();
        _request.Dispose();
    }

    /// <summary>The 5-byte gRPC prefix (uncompressed, big-endian length) followed by the message.</summary>
    internal static byte[] Frame(IMessage message)
    {
        var size = message.CalculateSize();
        var framed = new byte[GrpcMessageReader.PrefixLength + size];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(framed.AsSpan(1, 4), (uint)size);
        message.WriteTo(framed.AsSpan(GrpcMessageReader.PrefixLength));
        return framed;
    }
}
