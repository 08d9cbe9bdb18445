namespace AutoShield.Ingestion.Tetragon;

/// <summary>
/// RFC 3339 timestamps as protobuf JSON writes them (<c>2022-10-18T03:16:21.373327754Z</c>, up to nine fraction
/// digits, <c>Z</c> or a <c>±hh:mm</c> offset) to nanoseconds since the Unix epoch, without allocating.
/// </summary>
public static class TetragonTime
{
    private const long NanosPerSecond = 1_000_000_000;

    public static bool TryParseUnixNanos(ReadOnlySpan<byte> text, out long unixNanos)
    {
        unixNanos = 0;
        if (text.Length < 20
            || !TryDigits(text[..4], out var year) || text[4] != '-'
            || !TryDigits(text.Slice(5, 2), out var month) || text[7] != '-'
            || !TryDigits(text.Slice(8, 2), out var day) || (text[10] | 0x20) != 't'
            || !TryDigits(text.Slice(11, 2), out var hour) || text[13] != ':'
            || !TryDigits(text.Slice(14, 2), out var minute) || text[16] != ':'
            || !TryDigits(text.Slice(17, 2), out var second))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var rest = text[19..];
        long fraction = 0;
        if (rest[0] == '.')
        {
            var digits = 1;
            while (digits < rest.Length && rest[digits] is >= (byte)'0' and <= (byte)'9')
            {
                digits++;
            }

            var count = digits - 1;
            if (count is 0 or > 9)
            {
                return false;
            }

            for (var i = 1; i <= 9; i++)
            {
                fraction = (fraction * 10) + (i <= count ? rest[i] - '0' : 0);
            }

            rest = rest[digits..];
        }

        if (!TryOffsetSeconds(rest, out var offsetSeconds))
        {
            return false;
        }

        var seconds = (new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc) - DateTime.UnixEpoch).Ticks
            / TimeSpan.TicksPerSecond;
        unixNanos = ((seconds - offsetSeconds) * NanosPerSecond) + fraction;
        return true;
    }

    public static DateTimeOffset ToDateTimeOffset(long unixNanos) =>
        DateTimeOffset.UnixEpoch.AddTicks(unixNanos / 100);

    private static bool TryOffsetSeconds(ReadOnlySpan<byte> rest, out long offsetSeconds)
    {
        offsetSeconds = 0;
        if (rest.Length == 1 && (rest[0] | 0x20) == 'z')
        {
            return true;
        }

        if (rest.Length != 6 || rest[0] is not ((byte)'+' or (byte)'-') || rest[3] != ':'
            || !TryDigits(rest.Slice(1, 2), out var hours) || !TryDigits(rest.Slice(4, 2), out var minutes)
            || hours > 23 || minutes > 59)
        {
            return false;
        }

        offsetSeconds = ((hours * 60) + minutes) * 60L * (rest[0] == '-' ? -1 : 1);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (var b in text)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (b - '0');
        }

        return true;
    }
}
