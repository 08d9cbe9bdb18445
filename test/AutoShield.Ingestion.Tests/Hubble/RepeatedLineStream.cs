namespace AutoShield.Ingestion.Tests.Hubble;

/// <summary>
/// A read-only stream of <c>prefix</c>, then <c>count</c> copies of one byte, then <c>suffix</c>, generated as it is
/// read: a huge line without holding it in memory.
/// </summary>
internal sealed class RepeatedLineStream(byte[] prefix, byte filler, long count, byte[] suffix) : Stream
{
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => prefix.Length + count + suffix.Length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int length) => Read(buffer.AsSpan(offset, length));

    public override int Read(Span<byte> buffer)
    {
        var written = 0;
        while (written < buffer.Length && _position < Length)
        {
            var target = buffer[written..];
            int n;
            if (_position < prefix.Length)
            {
                n = Math.Min(target.Length, prefix.Length - (int)_position);
                prefix.AsSpan((int)_position, n).CopyTo(target);
            }
            else if (_position < prefix.Length + count)
            {
                n = (int)Math.Min(target.Length, prefix.Length + count - _position);
                target[..n].Fill(filler);
            }
            else
            {
                var at = (int)(_position - prefix.Length - count);
                n = Math.Min(target.Length, suffix.Length - at);
                suffix.AsSpan(at, n).CopyTo(target);
            }

            written += n;
            _position += n;
        }

        return written;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
