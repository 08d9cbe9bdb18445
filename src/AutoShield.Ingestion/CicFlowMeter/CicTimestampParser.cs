namespace AutoShield.Ingestion.CicFlowMeter;

/// <summary>
/// Parses the <c>Timestamp</c> forms CICFlowMeter datasets use, without allocating: ISO-like
/// <c>2017-07-03 11:57:51.590705</c> (improved CIC-IDS2017) and day-first <c>3/7/2017 8:55</c>,
/// <c>03/07/2017 08:55:58 AM</c> (original CIC-IDS2017, CSE-CIC-IDS2018). The day-first forms without AM/PM are read
/// as a 24-hour clock; some original CIC-IDS2017 files write afternoon times that way on a 12-hour clock
/// (<c>7/7/2017 3:30</c> for 15:30), which no parser can tell apart.
/// </summary>
internal static class CicTimestampParser
{
    /// <summary>Nanoseconds since the Unix epoch of a local time written at <paramref name="utcOffset"/>.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, TimeSpan utcOffset, out long unixNanos)
    {
        unixNanos = 0;
        var cursor = new Cursor(text);
        int year, month, day;
        if (text.Length > 4 && text[4] == '-')
        {
            if (!cursor.Number(4, 4, out year) || !cursor.Skip('-') || !cursor.Number(1, 2, out month)
                || !cursor.Skip('-') || !cursor.Number(1, 2, out day) || !(cursor.Skip(' ') || cursor.Skip('T')))
            {
                return false;
            }
        }
        else if (!cursor.Number(1, 2, out day) || !cursor.Skip('/') || !cursor.Number(1, 2, out month)
            || !cursor.Skip('/') || !cursor.Number(4, 4, out year) || !cursor.Skip(' '))
        {
            return false;
        }

        if (!cursor.Number(1, 2, out var hour) || !cursor.Skip(':') || !cursor.Number(2, 2, out var minute))
        {
            return false;
        }

        var second = 0;
        long fractionNanos = 0;
        if (cursor.Skip(':') && !(cursor.Number(2, 2, out second) && cursor.Fraction(out fractionNanos)))
        {
            return false;
        }

        if (!cursor.Meridiem(ref hour) || !cursor.AtEnd)
        {
            return false;
        }

        if (month is < 1 or > 12 || year < 1970 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc);
        unixNanos = ((local.Ticks - DateTime.UnixEpoch.Ticks - utcOffset.Ticks) * 100) + fractionNanos;
        return true;
    }

    private ref struct Cursor(ReadOnlySpan<byte> text)
    {
        private readonly ReadOnlySpan<byte> _text = text;
        private int _position;

        public readonly bool AtEnd => _position == _text.Length;

        public bool Skip(char expected)
        {
            if (_position < _text.Length && _text[_position] == expected)
            {
                _position++;
                return true;
            }

            return false;
        }

        public bool Number(int minDigits, int maxDigits, out int value)
        {
            value = 0;
            var digits = 0;
            while (digits < maxDigits && _position < _text.Length && char.IsAsciiDigit((char)_text[_position]))
            {
                value = (value * 10) + (_text[_position++] - '0');
                digits++;
            }

            return digits >= minDigits;
        }

        /// <summary>An optional fraction of a second; digits past nanoseconds are dropped.</summary>
        public bool Fraction(out long nanos)
        {
            nanos = 0;
            if (!Skip('.'))
            {
                return true;
            }

            var digits = 0;
            while (_position < _text.Length && char.IsAsciiDigit((char)_text[_position]))
            {
                if (digits < 9)
                {
                    nanos = (nanos * 10) + (_text[_position] - '0');
                }

                digits++;
                _position++;
            }

            for (var i = digits; i < 9; i++)
            {
                nanos *= 10;
            }

            return digits > 0;
        }

        /// <summary>An optional " AM"/" PM" suffix: 12 AM is midnight, 12 PM noon.</summary>
        public bool Meridiem(ref int hour)
        {
            if (!Skip(' '))
            {
                return true;
            }

            if (_text.Length - _position != 2 || (_text[_position + 1] | 0x20) != 'm' || hour is < 1 or > 12)
            {
                return false;
            }

            var pm = (_text[_position] | 0x20) == 'p';
            if (!pm && (_text[_position] | 0x20) != 'a')
            {
                return false;
            }

            _position += 2;
            hour = (hour % 12) + (pm ? 12 : 0);
            return true;
        }
    }
}
