namespace AutoShield.Ingestion.Text;

/// <summary>
/// Parses RFC 3339 timestamps (<c>2021-11-10T10:40:56.465597700Z</c>, up to nine fractional digits, <c>Z</c> or a
/// <c>±hh:mm</c> offset) from UTF-8 into Unix nanoseconds, without allocating.
/// </summary>
public static class Rfc3339Timestamp
{
    private const long NanosPerSecond = 1_000_000_000;

    // Seconds representable as Unix nanoseconds in a long (1677-09-21 to 2262-04-11), one second of margin.
    private const long MaxSeconds = (long.MaxValue / NanosPerSecond) - 1;

    /// <summary>True when <paramref name="utf8"/> is a whole RFC 3339 date-time inside the range of Unix nanoseconds.</summary>
    public static bool TryParseUnixNanos(ReadOnlySpan<byte> utf8, out long unixNanos)
    {
        unixNanos = 0;
        if (utf8.Length < 20)
        {
            return false;
        }

        // Fixed positions after one length check, so each digit costs a subtraction and no bounds check.
        var digitsOk = Two(utf8[0], utf8[1], out var century) & Two(utf8[2], utf8[3], out var yearOfCentury)
            & Two(utf8[5], utf8[6], out var month) & Two(utf8[8], utf8[9], out var day)
            & Two(utf8[11], utf8[12], out var hour) & Two(utf8[14], utf8[15], out var minute) & Two(utf8[17], utf8[18], out var second);
        var separatorsOk = utf8[4] == '-' && utf8[7] == '-' && utf8[13] == ':' && utf8[16] == ':'
            && utf8[10] is (byte)'T' or (byte)'t' or (byte)' ';
        if (!digitsOk || !separatorsOk)
        {
            return false;
        }

        var year = (century * 100) + yearOfCentury;
        if (month is < 1 or > 12 || day < 1 || day > DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var pos = 19;
        long fraction = 0;
        if (utf8[pos] == '.')
        {
            pos++;
            var digits = 0;
            while (pos < utf8.Length && utf8[pos] - (uint)'0' <= 9)
            {
                if (++digits > 9)
                {
                    return false;
                }

                fraction = (fraction * 10) + (utf8[pos] - '0');
                pos++;
            }

            if (digits == 0)
            {
                return false;
            }

            for (; digits < 9; digits++)
            {
                fraction *= 10;
            }
        }

        if (!TryOffset(utf8[pos..], out var offsetSeconds))
        {
            return false;
        }

        var seconds = (DaysFromCivil(year, month, day) * 86_400L) + (hour * 3_600L) + (minute * 60L) + second - offsetSeconds;
        if (seconds is > MaxSeconds or < -MaxSeconds)
        {
            return false;
        }

        unixNanos = (seconds * NanosPerSecond) + fraction;
        return true;
    }

    private static bool TryOffset(ReadOnlySpan<byte> rest, out int offsetSeconds)
    {
        offsetSeconds = 0;
        if (rest.Length == 1 && rest[0] is (byte)'Z' or (byte)'z')
        {
            return true;
        }

        if (rest.Length != 6 || rest[0] is not ((byte)'+' or (byte)'-') || rest[3] != ':'
            || !Two(rest[1], rest[2], out var hours) || !Two(rest[4], rest[5], out var minutes) || hours > 23 || minutes > 59)
        {
            return false;
        }

        offsetSeconds = (hours * 3_600) + (minutes * 60);
        if (rest[0] == '-')
        {
            offsetSeconds = -offsetSeconds;
        }

        return true;
    }

    private static bool Two(byte tens, byte units, out int value)
    {
        var t = tens - (uint)'0';
        var u = units - (uint)'0';
        value = (int)((t * 10) + u);
        return (t <= 9) & (u <= 9);
    }

    private static int DaysInMonth(int year, int month) => month switch
    {
        2 => (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };

    // Days since 1970-01-01 of a proleptic Gregorian date: years counted from March, so the leap day ends a year,
    // and 400-year eras of 146,097 days.
    private static long DaysFromCivil(int year, int month, int day)
    {
        var y = month <= 2 ? year - 1 : year;
        var era = (y >= 0 ? y : y - 399) / 400;
        var yearOfEra = y - (era * 400);
        var dayOfYear = ((153 * (month > 2 ? month - 3 : month + 9)) + 2) / 5 + day - 1;
        var dayOfEra = (yearOfEra * 365) + (yearOfEra / 4) - (yearOfEra / 100) + dayOfYear;
        return (era * 146_097L) + dayOfEra - 719_468;
    }
}
