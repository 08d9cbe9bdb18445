using System.Buffers;
using System.Buffers.Binary;

namespace AutoShield.Ingestion.Hubble.Grpc;

/// <summary>
/// Splits a gRPC response body into its length-prefixed messages (1 byte compressed flag, 4 bytes big-endian
/// length, then the message), whatever sizes the transport's reads come in. One pooled buffer, grown only up to
/// the largest accepted message, so memory stays bounded on a stream that runs for days.
/// </summary>
internal sealed class GrpcMessageReader : IDisposable
{
    public const int PrefixLength = 5;
    private const int InitialBufferSize = 16 * 1024;

    private readonly Stream _body;
    private readonly int _maxMessageBytes;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private int _messageLength;

    public GrpcMessageReader(Stream body, int maxMessageBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessageBytes, 1);
        _body = body;
        _maxMessageBytes = maxMessageBytes;
        _buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
    }

    /// <summary>The message found by the last read; valid until the next read.</summary>
    public ReadOnlySpan<byte> Message => _buffer.AsSpan(_start - _messageLength, _messageLength);

    /// <summary>Length of the message the last <see cref="GrpcReadResult.TooLarge"/> result dropped.</summary>
    public long SkippedLength { get; private set; }

    /// <summary>Messages read so far, dropped ones included (the position used in error reports).</summary>
    public long MessagesRead { get; private set; }

    public async ValueTask<GrpcReadResult> ReadAsync(CancellationToken cancellationToken)
    {
        _messageLength = 0;
        if (!await FillAsync(PrefixLength, cancellationToken).ConfigureAwait(false))
        {
            if (_end == _start)
            {
                return GrpcReadResult.End;
            }

            throw new IOException($"the gRPC response ended inside a message prefix ({_end - _start} of {PrefixLength} bytes)");
        }

        var flag = _buffer[_start];
        var length = BinaryPrimitives.ReadUInt32BigEndian(_buffer.AsSpan(_start + 1, 4));
        if (flag == 1)
        {
            throw new GrpcProtocolException(
                "the relay sent a compressed gRPC message, but this client asked for identity encoding only and cannot decompress");
        }

        if (flag != 0)
        {
            throw new GrpcProtocolException($"invalid gRPC message prefix: compressed flag {flag}, expected 0 or 1");
        }

        _start += PrefixLength;
        MessagesRead++;
        if (length > (uint)_maxMessageBytes)
        {
            await SkipAsync(length, cancellationToken).ConfigureAwait(false);
            SkippedLength = length;
            return GrpcReadResult.TooLarge;
        }

        if (!await FillAsync((int)length, cancellationToken).ConfigureAwait(false))
        {
            throw new IOException($"the gRPC response ended inside a message ({_end - _start} of {length} bytes)");
        }

        _start += (int)length;
        _messageLength = (int)length;
        return GrpcReadResult.Message;
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Makes at least <paramref name="count"/> unread bytes available; false when the body ends first.</summary>
    private async ValueTask<bool> FillAsync(int count, CancellationToken cancellationToken)
    {
        if (_end - _start >= count)
        {
            return true;
        }

        MakeRoom(count);
        while (_end - _start < count)
        {
            var read = await _body.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return false;
            }

            _end += read;
        }

        return true;
    }

    private void MakeRoom(int count)
    {
        var unread = _end - _start;
        if (_buffer.Length - _start >= count)
        {
            return;
        }

        var target = _buffer;
        if (_buffer.Length < count)
        {
            target = ArrayPool<byte>.Shared.Rent(Math.Max(count, _buffer.Length * 2));
        }

        Buffer.BlockCopy(_buffer, _start, target, 0, unread);
        if (!ReferenceEquals(target, _buffer))
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = target;
        }

        _start = 0;
        _end = unread;
    }

    private async ValueTask SkipAsync(uint length, CancellationToken cancellationToken)
    {
        long remaining = length;
        while (remaining > 0)
        {
            if (_end == _start)
            {
                _start = _end = 0;
                var read = await _body.ReadAsync(_buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new IOException($"the gRPC response ended inside an oversized message ({length - remaining} of {length} bytes)");
                }

                _end = read;
            }

            var take = (int)Math.Min(remaining, _end - _start);
            _start += take;
            remaining -= take;
        }
    }
}
