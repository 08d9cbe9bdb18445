namespace AutoShield.Ingestion.Sources;

/// <summary>A forward-only read stream that can look at its first bytes before handing them on (format sniffing).</summary>
public sealed class PeekableStream(Stream inner) : Stream
{
    private byte[] _prefix = [];
    private int _prefixOffset;

    /// <summary>Returns up to <paramref name="count"/> upcoming bytes without consuming them.</summary>
    public ReadOnlySpan<byte> Peek(int count)
    {
        var held = _prefix.Length - _prefixOffset;
        if (held < count)
        {
            var grown = new byte[count];
            _prefix.AsSpan(_prefixOffset).CopyTo(grown);
            while (held < count)
            {
                var read = inner.Read(grown, held, count - held);
                if (read == 0)
                {
                    break;
                }

                held += read;
            }

            _prefix = grown[..held];
            _prefixOffset = 0;
        }

        return _prefix.AsSpan(_prefixOffset, Math.Min(count, held));
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var held = _prefix.Length - _prefixOffset;
        if (held > 0)
        {
            var n = Math.Min(held, buffer.Length);
            _prefix.AsSpan(_prefixOffset, n).CopyTo(buffer);
            _prefixOffset += n;
            return n;
        }

        return inner.Read(buffer);
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException("PeekableStream is forward-only.");

    public override long Position
    {
        get => throw new NotSupportedException("PeekableStream is forward-only.");
        set => throw new NotSupportedException("PeekableStream is forward-only.");
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("PeekableStream is forward-only.");

    public override void SetLength(long value) => throw new NotSupportedException("PeekableStream is read-only.");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("PeekableStream is read-only.");

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
