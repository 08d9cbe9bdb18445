using System.Buffers;

namespace AutoShield.Ingestion.Text;

/// <summary>
/// Splits a stream into UTF-8 lines in constant memory: one pooled buffer that grows up to
/// <c>maxLineBytes</c>, never past it. A longer line (a 100 MB line, binary garbage without newlines) is skipped
/// to its end and reported as <see cref="LineStatus.TooLong"/> so the caller can report it and carry on.
/// Handles LF and CRLF; a UTF-8 byte-order mark at the start is dropped.
/// </summary>
public sealed class Utf8LineReader : IDisposable
{
    public const int DefaultMaxLineBytes = 4 * 1024 * 1024;

    private readonly Stream _stream;
    private readonly int _maxLineBytes;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private int _lineStart;
    private int _lineLength;
    private bool _eof;
    private bool _first = true;

    public Utf8LineReader(Stream stream, int maxLineBytes = DefaultMaxLineBytes, int initialBufferBytes = 64 * 1024)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineBytes, 16);
        _stream = stream;
        _maxLineBytes = maxLineBytes;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Min(initialBufferBytes, maxLineBytes + 1));
    }

    /// <summary>1-based number of the line last returned.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Bytes consumed from the stream so far.</summary>
    public long BytesRead { get; private set; }

    /// <summary>The current line without its terminator; valid until the next call to <see cref="Next"/>.</summary>
    public ReadOnlySpan<byte> Line => _buffer.AsSpan(_lineStart, _lineLength);

    public LineStatus Next()
    {
        var skipping = false;
        while (true)
        {
            var newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var lineEnd = _start + newline;
                var begin = _start;
                _start = lineEnd + 1;
                LineNumber++;
                if (skipping)
                {
                    return LineStatus.TooLong;
                }

                SetLine(begin, lineEnd);
                return LineStatus.Line;
            }

            if (_eof)
            {
                if (_end > _start || skipping)
                {
                    var begin = _start;
                    var end = _end;
                    _start = _end;
                    LineNumber++;
                    if (skipping)
                    {
                        return LineStatus.TooLong;
                    }

                    SetLine(begin, end);
                    return LineStatus.Line;
                }

                return LineStatus.End;
            }

            var pending = _end - _start;
            if (pending >= _maxLineBytes)
            {
                // Too long: drop what we hold and keep reading until the newline, holding nothing.
                skipping = true;
                _start = _end = 0;
                pending = 0;
            }

            Compact(pending);
            Fill();
        }
    }

    private void SetLine(int begin, int end)
    {
        if (end > begin && _buffer[end - 1] == '\r')
        {
            end--;
        }

        if (_first)
        {
            _first = false;
            if (end - begin >= 3 && _buffer[begin] == 0xEF && _buffer[begin + 1] == 0xBB && _buffer[begin + 2] == 0xBF)
            {
                begin += 3;
            }
        }

        _lineStart = begin;
        _lineLength = end - begin;
    }

    private void Compact(int pending)
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, pending).CopyTo(_buffer);
            _start = 0;
            _end = pending;
        }

        if (_end == _buffer.Length)
        {
            var grown = ArrayPool<byte>.Shared.Rent(Math.Min(_buffer.Length * 2, _maxLineBytes + 1));
            _buffer.AsSpan(0, _end).CopyTo(grown);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = grown;
        }
    }

    private void Fill()
    {
        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
        }

        _end += read;
        BytesRead += read;
    }

    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, []);
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        _stream.Dispose();
    }
}
