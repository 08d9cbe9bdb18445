namespace AutoShield.Ingestion.Sources;

/// <summary>A read-only pass-through that counts bytes read, so progress can be shown on compressed input too.</summary>
public sealed class CountingStream(Stream inner) : Stream
{
    private long _position;

    /// <summary>Bytes read so far from the underlying (possibly compressed) stream.</summary>
    public long BytesRead => Volatile.Read(ref _position);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException("CountingStream is forward-only.");
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("CountingStream is forward-only.");

    public override void SetLength(long value) => throw new NotSupportedException("CountingStream is read-only.");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("CountingStream is read-only.");

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Count(int read)
    {
        Volatile.Write(ref _position, _position + read);
        return read;
    }
}
