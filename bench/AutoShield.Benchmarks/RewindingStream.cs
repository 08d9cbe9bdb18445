namespace AutoShield.Benchmarks;

/// <summary>
/// Reads a <see cref="MemoryStream"/> round and round: at its end it rewinds, so one long-lived reader parses the
/// same bytes forever and a benchmark measures the steady state rather than the first fill of the reader's pools.
/// </summary>
internal sealed class RewindingStream(MemoryStream inner) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        if (read == 0 && !buffer.IsEmpty)
        {
            inner.Position = 0;
            read = inner.Read(buffer);
        }

        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
