using System.Text;

namespace AutoShield.Cli.Infrastructure;

/// <summary>A write-only stream that decodes UTF-8 into a TextWriter, so byte writers can target stdout or a test's StringWriter.</summary>
public sealed class TextWriterStream(TextWriter writer) : Stream
{
    private readonly Decoder _decoder = Encoding.UTF8.GetDecoder();
    private char[] _chars = new char[8192];

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException("TextWriterStream is write-only.");

    public override long Position
    {
        get => throw new NotSupportedException("TextWriterStream is write-only.");
        set => throw new NotSupportedException("TextWriterStream is write-only.");
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var needed = _decoder.GetCharCount(buffer, flush: false);
        if (needed > _chars.Length)
        {
            _chars = new char[needed];
        }

        var written = _decoder.GetChars(buffer, _chars, flush: false);
        writer.Write(_chars, 0, written);
    }

    public override void Flush() => writer.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("TextWriterStream is write-only.");

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("TextWriterStream is write-only.");

    public override void SetLength(long value) => throw new NotSupportedException("TextWriterStream is write-only.");
}
