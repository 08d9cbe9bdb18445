using System.Buffers;
using AutoShield.Ingestion.Text;

namespace AutoShield.Ingestion.Tetragon;

/// <summary>
/// Cuts a stream into top-level JSON objects, whether written one per line (Tetragon's export) or pretty-printed
/// over many lines and concatenated, by tracking brace depth outside strings. Holds at most one record, up to a size
/// limit, in one pooled buffer. A <c>{</c> in column 0 while an object is still open means that object was
/// truncated: it is reported and the new one starts there. Objects deeper than the limit, strings broken by a line
/// end and bytes outside any object are reported too.
/// </summary>
internal sealed class JsonRecordFramer : IDisposable
{
    private const int InitialBufferBytes = 64 * 1024;

    private static readonly SearchValues<byte> StringStops = SearchValues.Create("\"\\"u8);
    private static readonly SearchValues<byte> StructureStops = SearchValues.Create("\"{}[]"u8);

    private readonly Utf8LineReader _lines;
    private readonly int _maxRecordBytes;
    private readonly int _maxDepth;
    private byte[] _record;
    private int _length;
    private bool _open;
    private int _depth;
    private bool _inString;
    private bool _escape;
    private bool _overflow;
    private RecordFlaw _flaw;
    private long _flawLine;
    private bool _haveLine;
    private int _position;
    private long _lineNumber;
    // After a line too long to hold, everything up to the next column-0 '{' belongs to a record we cannot frame.
    private bool _resync;
    // Set while skipping a run of non-JSON bytes, so a run of garbage is reported once, not once per line.
    private bool _inJunk;

    public JsonRecordFramer(Stream stream, int maxRecordBytes, int maxDepth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRecordBytes, 16);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDepth, 1);
        _lines = new Utf8LineReader(stream, maxRecordBytes);
        _maxRecordBytes = maxRecordBytes;
        _maxDepth = maxDepth;
        _record = ArrayPool<byte>.Shared.Rent(Math.Min(InitialBufferBytes, maxRecordBytes));
    }

    /// <summary>1-based line where the current (or last) record starts.</summary>
    public long RecordLine { get; private set; }

    /// <summary>The record found by the last <see cref="Next"/>; valid until the next call.</summary>
    public ReadOnlyMemory<byte> Record => _record.AsMemory(0, _length);

    public long ErrorLine { get; private set; }

    public string ErrorMessage { get; private set; } = string.Empty;

    public FrameStatus Next()
    {
        while (true)
        {
            if (!_haveLine)
            {
                var status = NextLine();
                if (status != FrameStatus.Record)
                {
                    return status;
                }

                continue;
            }

            var line = _lines.Line;
            if (!_open)
            {
                while (_position < line.Length && line[_position] is (byte)' ' or (byte)'\t' or (byte)'\r')
                {
                    _position++;
                }

                if (_position == line.Length)
                {
                    _haveLine = false;
                    continue;
                }

                if (line[_position] != '{')
                {
                    _haveLine = false;
                    if (_inJunk)
                    {
                        continue;
                    }

                    _inJunk = true;
                    return Error(_lineNumber, $"expected '{{' starting a JSON object, found {Describe(line[_position])}");
                }

                Begin();
            }

            var end = Scan(line);
            Append(line[_position..(end < 0 ? line.Length : end)]);
            if (end < 0)
            {
                _haveLine = false;
                continue;
            }

            _position = end;
            _open = false;
            return _flaw == RecordFlaw.None ? FrameStatus.Record : Error(RecordLine, FlawMessage());
        }
    }

    /// <summary>Fetches the next line to work on; returns Record when there is one, else End or Error.</summary>
    private FrameStatus NextLine()
    {
        while (true)
        {
            var status = _lines.Next();
            if (status == LineStatus.End)
            {
                if (_open)
                {
                    _open = false;
                    return Error(RecordLine, "truncated record: input ended inside this JSON object");
                }

                return FrameStatus.End;
            }

            _lineNumber = _lines.LineNumber;
            if (status == LineStatus.TooLong)
            {
                var wasResyncing = _resync;
                _resync = true;
                _inJunk = false;
                if (_open)
                {
                    _open = false;
                    return Error(RecordLine, $"record is larger than the {_maxRecordBytes}-byte limit");
                }

                if (!wasResyncing)
                {
                    return Error(_lineNumber, $"line is longer than the {_maxRecordBytes}-byte record limit");
                }

                continue;
            }

            var columnZeroBrace = _lines.Line is [(byte)'{', ..];
            if (_resync)
            {
                if (!columnZeroBrace)
                {
                    continue;
                }

                _resync = false;
            }

            _haveLine = true;
            _position = 0;
            if (_open)
            {
                if (columnZeroBrace)
                {
                    _open = false;
                    return Error(RecordLine, $"truncated record: a new object starts in column 1 of line {_lineNumber} before this one closed");
                }

                if (_inString)
                {
                    // JSON strings cannot hold a raw line break, so this record is broken. The string most likely goes
                    // on (an exporter wrote a raw newline), so keep framing it as one; a cut line is caught by column 0.
                    SetFlaw(RecordFlaw.BrokenString, _lineNumber - 1);
                    _escape = false;
                }

                Append("\n"u8);
            }

            return FrameStatus.Record;
        }
    }

    private void Begin()
    {
        _open = true;
        _inJunk = false;
        RecordLine = _lineNumber;
        _length = 0;
        _depth = 0;
        _inString = false;
        _escape = false;
        _overflow = false;
        _flaw = RecordFlaw.None;
    }

    /// <summary>Tracks depth from the current position; returns the index just past the closing brace, or -1.</summary>
    private int Scan(ReadOnlySpan<byte> line)
    {
        var i = _position;
        while (i < line.Length)
        {
            if (_inString)
            {
                if (_escape)
                {
                    _escape = false;
                    i++;
                    continue;
                }

                // Vectorised skip to the next quote or backslash: most of a record is string content.
                var stop = line[i..].IndexOfAny(StringStops);
                if (stop < 0)
                {
                    return -1;
                }

                i += stop;
                if (line[i] == '\\')
                {
                    _escape = true;
                }
                else
                {
                    _inString = false;
                }

                i++;
                continue;
            }

            var next = line[i..].IndexOfAny(StructureStops);
            if (next < 0)
            {
                return -1;
            }

            i += next;
            switch (line[i])
            {
                case (byte)'"':
                    _inString = true;
                    break;
                case (byte)'{' or (byte)'[':
                    if (++_depth > _maxDepth)
                    {
                        SetFlaw(RecordFlaw.TooDeep, _lineNumber);
                    }

                    break;
                default:
                    if (--_depth == 0)
                    {
                        return i + 1;
                    }

                    break;
            }

            i++;
        }

        return -1;
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (_overflow)
        {
            return;
        }

        if (_length + bytes.Length > _maxRecordBytes)
        {
            // Keep framing to find the record's end, but hold nothing more of it.
            _overflow = true;
            SetFlaw(RecordFlaw.TooLarge, RecordLine);
            return;
        }

        if (_length + bytes.Length > _record.Length)
        {
            var size = _record.Length;
            while (size < _length + bytes.Length)
            {
                size *= 2;
            }

            var grown = ArrayPool<byte>.Shared.Rent(Math.Min(size, _maxRecordBytes));
            _record.AsSpan(0, _length).CopyTo(grown);
            ArrayPool<byte>.Shared.Return(_record);
            _record = grown;
        }

        bytes.CopyTo(_record.AsSpan(_length));
        _length += bytes.Length;
    }

    private void SetFlaw(RecordFlaw flaw, long line)
    {
        // Size matters most (it is why the record was not kept); otherwise the first flaw found is the one reported.
        if (_flaw == RecordFlaw.None || flaw == RecordFlaw.TooLarge)
        {
            _flaw = flaw;
            _flawLine = line;
        }
    }

    private string FlawMessage() => _flaw switch
    {
        RecordFlaw.TooLarge => $"record is larger than the {_maxRecordBytes}-byte limit",
        RecordFlaw.TooDeep => $"JSON nested deeper than {_maxDepth} levels (line {_flawLine})",
        _ => $"unterminated string at the end of line {_flawLine}",
    };

    private FrameStatus Error(long line, string message)
    {
        ErrorLine = line;
        ErrorMessage = message;
        return FrameStatus.Error;
    }

    private static string Describe(byte b) => b is >= 0x20 and < 0x7F ? $"'{(char)b}'" : $"byte 0x{b:X2}";

    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _record, []);
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        _lines.Dispose();
    }
}
