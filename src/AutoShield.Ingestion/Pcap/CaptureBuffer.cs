using System.Buffers;

namespace AutoShield.Ingestion.Pcap;

/// <summary>
/// A window over a capture stream: one pooled buffer, refilled in large reads and grown only up to the largest
/// record asked for, so reading records costs no allocation in steady state and few system calls.
/// </summary>
internal sealed class CaptureBuffer : IDisposable
{
    private const int InitialBytes = 64 * 1024;

    private readonly Stream _stream;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private long _bufferFileOffset;
    private bool _eof;

    public CaptureBuffer(Stream stream)
    {
        _stream = stream;
        _buffer = ArrayPool<byte>.Shared.Rent(InitialBytes);
    }

    /// <summary>File offset of the first unconsumed byte.</summary>
    public long Position => _bufferFileOffset + _start;

    /// <summary>Bytes buffered and not yet consumed.</summary>
    public int Available => _end - _start;

    /// <summary>True when <paramref name="count"/> bytes are buffered; false when the stream ends first.</summary>
    public bool Ensure(int count)
    {
        while (_end - _start < count)
        {
            if (_eof)
            {
                return false;
            }

            MakeRoom(count);
            var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                _eof = true;
            }

            _end += read;
        }

        return true;
    }

    /// <summary>The next <paramref name="count"/> bytes; valid until the next <see cref="Ensure"/>.</summary>
    public ReadOnlySpan<byte> Peek(int count) => _buffer.AsSpan(_start, count);

    /// <summary>Bytes at an offset from the current position; valid until the next <see cref="Ensure"/>.</summary>
    public ReadOnlyMemory<byte> Slice(int offset, int count) => _buffer.AsMemory(_start + offset, count);

    public void Advance(int count) => _start += count;

    private void MakeRoom(int count)
    {
        if (_buffer.Length - _start >= count && _end < _buffer.Length)
        {
            return;
        }

        var pending = _end - _start;
        var target = _buffer;
        if (_buffer.Length < count)
        {
            target = ArrayPool<byte>.Shared.Rent(Math.Max(count, _buffer.Length * 2));
        }

        _buffer.AsSpan(_start, pending).CopyTo(target);
        if (!ReferenceEquals(target, _buffer))
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = target;
        }

        _bufferFileOffset += _start;
        _start = 0;
        _end = pending;
    }

    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, []);
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
