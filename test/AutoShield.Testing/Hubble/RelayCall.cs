using System.Buffers.Binary;
using AutoShield.Ingestion.Hubble.Grpc;
using AutoShield.Ingestion.Protos.Hubble;
using Google.Protobuf;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace AutoShield.Testing.Hubble;

/// <summary>One GetFlows call as the fake relay sees it: what the client asked, and the means to answer it.</summary>
public sealed class RelayCall
{
    private readonly HttpContext _context;
    private readonly ConnectionContext? _connection;

    public RelayCall(int index, GetFlowsRequest request, HttpContext context, ConnectionContext? connection)
    {
        Index = index;
        Request = request;
        _context = context;
        _connection = connection;
    }

    /// <summary>0 for the first call the relay received, 1 for the next (a reconnect), ...</summary>
    public int Index { get; }

    public GetFlowsRequest Request { get; }

    /// <summary>Fires when the client goes away (stream reset or connection closed).</summary>
    public CancellationToken Aborted => _context.RequestAborted;

    public string? ClientCertificateSubject => _context.Connection.ClientCertificate?.Subject;

    public static byte[] Frame(IMessage message, byte compressedFlag = 0)
    {
        var payload = message.ToByteArray();
        var framed = new byte[5 + payload.Length];
        framed[0] = compressedFlag;
        BinaryPrimitives.WriteUInt32BigEndian(framed.AsSpan(1, 4), (uint)payload.Length);
        payload.CopyTo(framed, 5);
        return framed;
    }

    public async Task SendAsync(IEnumerable<GetFlowsResponse> responses)
    {
        foreach (var response in responses)
        {
            await SendRawAsync(Frame(response));
        }
    }

    /// <summary>Writes the bytes in pieces of <paramref name="chunkSize"/>, flushing each so it leaves as its own DATA frame.</summary>
    public async Task SendRawAsync(ReadOnlyMemory<byte> bytes, int chunkSize = int.MaxValue)
    {
        for (var offset = 0; offset < bytes.Length; offset += chunkSize)
        {
            var piece = bytes.Slice(offset, Math.Min(chunkSize, bytes.Length - offset));
            await _context.Response.Body.WriteAsync(piece, _context.RequestAborted);
            await _context.Response.Body.FlushAsync(_context.RequestAborted);
        }
    }

    /// <summary>Ends the call with this status in the trailers.</summary>
    public void Finish(GrpcStatusCode code, string? percentEncodedMessage = null)
    {
        _context.Response.AppendTrailer("grpc-status", ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (percentEncodedMessage is not null)
        {
            _context.Response.AppendTrailer("grpc-message", percentEncodedMessage);
        }
    }

    /// <summary>Answers with headers only (a trailers-only response), as gRPC servers do for calls that fail at once.</summary>
    public void FinishWithoutBody(GrpcStatusCode code, string message)
    {
        _context.Response.Headers["grpc-status"] = ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture);
        _context.Response.Headers["grpc-message"] = message;
    }

    /// <summary>Resets this HTTP/2 stream (RST_STREAM), leaving the connection up.</summary>
    public void ResetStream() => _context.Features.GetRequiredFeature<IHttpResetFeature>().Reset(errorCode: 2);

    /// <summary>Closes the whole TCP connection under the call, as a relay that crashes would.</summary>
    public void DropConnection()
    {
        if (_connection is null)
        {
            throw new InvalidOperationException("connection not tracked");
        }

        _connection.Abort(new ConnectionAbortedException("test relay drops the connection"));
    }

    /// <summary>Keeps the call open until the client goes away, like a follow stream with nothing new to say.</summary>
    public async Task WaitForClientToLeaveAsync()
    {
        var gone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = _context.RequestAborted.Register(() => gone.TrySetResult());
        await gone.Task;
    }
}
