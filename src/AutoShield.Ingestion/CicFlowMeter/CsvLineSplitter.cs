using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace AutoShield.Ingestion.CicFlowMeter;

/// <summary>
/// Splits one CSV line (UTF-8, terminator already removed) into fields without allocating: it records where each
/// field lies, and unquotes a quoted field (<c>"a ""b"", c"</c>) only when asked for it. A quoted field must close on
/// the same line; CICFlowMeter never writes line breaks inside fields, and allowing them would let one stray quote
/// swallow the rows after it.
/// </summary>
internal sealed class CsvLineSplitter
{
    private Field[] _fields = new Field[128];
    private byte[] _scratch = new byte[256];

    /// <summary>Fields found by the last <see cref="Split"/>.</summary>
    public int Count { get; private set; }

    /// <summary>Splits the line; false (with the 0-based index of the bad field) on an unterminated or stray quote.</summary>
    public bool Split(ReadOnlySpan<byte> line, out int badField)
    {
        Count = 0;
        badField = -1;
        if (line.IndexOf((byte)'"') < 0)
        {
            SplitUnquoted(line);
            return true;
        }

        var position = 0;
        while (true)
        {
            if (position < line.Length && line[position] == '"')
            {
                if (!SplitQuoted(line, ref position))
                {
                    badField = Count;
                    return false;
                }
            }
            else
            {
                var comma = line[position..].IndexOf((byte)',');
                var end = comma < 0 ? line.Length : position + comma;
                Add(new Field(position, end - position, false));
                position = end;
            }

            if (position >= line.Length)
            {
                return true;
            }

            position++;
            if (position == line.Length)
            {
                // A trailing comma ends with an empty last field.
                Add(new Field(position, 0, false));
                return true;
            }
        }
    }

    /// <summary>The field's text, unquoted and trimmed of spaces and tabs; valid until the next call.</summary>
    public ReadOnlySpan<byte> Get(ReadOnlySpan<byte> line, int index)
    {
        var field = _fields[index];
        var text = line.Slice(field.Start, field.Length);
        if (field.Escaped)
        {
            if (_scratch.Length < text.Length)
            {
                _scratch = new byte[Math.Max(text.Length, _scratch.Length * 2)];
            }

            var written = 0;
            for (var i = 0; i < text.Length; i++)
            {
                _scratch[written++] = text[i];
                if (text[i] == '"')
                {
                    i++;
                }
            }

            text = _scratch.AsSpan(0, written);
        }

        return TrimBlanks(text);
    }

    /// <summary>Drops spaces and tabs at both ends (the original CIC-IDS2017 headers start with a space).</summary>
    public static ReadOnlySpan<byte> TrimBlanks(ReadOnlySpan<byte> text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && text[start] is (byte)' ' or (byte)'\t')
        {
            start++;
        }

        while (end > start && text[end - 1] is (byte)' ' or (byte)'\t')
        {
            end--;
        }

        return text[start..end];
    }

    /// <summary>True when every field is empty or blank (the all-commas rows some CIC-IDS2017 files end with).</summary>
    public bool AllBlank(ReadOnlySpan<byte> line)
    {
        for (var i = 0; i < Count; i++)
        {
            if (!Get(line, i).IsEmpty)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The common case, a line without quotes: compare 16 bytes at a time and walk the comma bit mask, rather than
    /// searching afresh for each of the ~90 short fields of a CICFlowMeter row.
    /// </summary>
    private void SplitUnquoted(ReadOnlySpan<byte> line)
    {
        // Locals rather than fields in the loop: the JIT keeps them in registers.
        var fields = _fields;
        var count = 0;
        var start = 0;
        var i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            ref var origin = ref MemoryMarshal.GetReference(line);
            var comma = Vector128.Create((byte)',');
            for (; i + Vector128<byte>.Count <= line.Length; i += Vector128<byte>.Count)
            {
                var mask = Vector128.Equals(Vector128.LoadUnsafe(ref origin, (nuint)i), comma).ExtractMostSignificantBits();
                while (mask != 0)
                {
                    var at = i + BitOperations.TrailingZeroCount(mask);
                    if (count == fields.Length)
                    {
                        fields = Grow(fields);
                    }

                    fields[count++] = new Field(start, at - start, false);
                    start = at + 1;
                    mask &= mask - 1;
                }
            }
        }

        for (; i < line.Length; i++)
        {
            if (line[i] == ',')
            {
                if (count == fields.Length)
                {
                    fields = Grow(fields);
                }

                fields[count++] = new Field(start, i - start, false);
                start = i + 1;
            }
        }

        if (count == fields.Length)
        {
            fields = Grow(fields);
        }

        fields[count++] = new Field(start, line.Length - start, false);
        _fields = fields;
        Count = count;
    }

    private static Field[] Grow(Field[] fields)
    {
        var grown = new Field[fields.Length * 2];
        fields.CopyTo(grown, 0);
        return grown;
    }

    private bool SplitQuoted(ReadOnlySpan<byte> line, ref int position)
    {
        var start = position + 1;
        var escaped = false;
        var i = start;
        while (true)
        {
            var quote = line[i..].IndexOf((byte)'"');
            if (quote < 0)
            {
                return false;
            }

            i += quote;
            if (i + 1 < line.Length && line[i + 1] == '"')
            {
                escaped = true;
                i += 2;
                continue;
            }

            break;
        }

        position = i + 1;
        if (position < line.Length && line[position] != ',')
        {
            return false;
        }

        Add(new Field(start, i - start, escaped));
        return true;
    }

    private void Add(Field field)
    {
        if (Count == _fields.Length)
        {
            _fields = Grow(_fields);
        }

        _fields[Count++] = field;
    }

    private readonly record struct Field(int Start, int Length, bool Escaped);
}
