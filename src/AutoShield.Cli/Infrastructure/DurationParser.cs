using System.Globalization;

namespace AutoShield.Cli.Infrastructure;

/// <summary>Parses durations as people type them: <c>60</c> (seconds), <c>60s</c>, <c>5m</c>, <c>1h30m</c>, <c>250ms</c>.</summary>
public static class DurationParser
{
    public static bool TryParse(string? text, out TimeSpan duration, out string? error)
    {
        duration = TimeSpan.Zero;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "expected a duration such as 60, 60s, 5m or 1h";
            return false;
        }

        var span = text.Trim().AsSpan();
        if (double.TryParse(span, NumberStyles.Float, CultureInfo.InvariantCulture, out var bare))
        {
            return Check(TimeSpan.FromSeconds(bare), text, out duration, out error);
        }

        var total = TimeSpan.Zero;
        while (!span.IsEmpty)
        {
            var digits = 0;
            while (digits < span.Length && (char.IsAsciiDigit(span[digits]) || span[digits] == '.'))
            {
                digits++;
            }

            var units = digits;
            while (units < span.Length && char.IsAsciiLetter(span[units]))
            {
                units++;
            }

            if (digits == 0 || units == digits
                || !double.TryParse(span[..digits], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                error = $"'{text}' is not a duration: expected a number with a unit (ms, s, m, h, d), e.g. 60s or 5m";
                return false;
            }

            var unit = span[digits..units];
            TimeSpan? part = unit switch
            {
                "ms" => TimeSpan.FromMilliseconds(value),
                "s" or "sec" => TimeSpan.FromSeconds(value),
                "m" or "min" => TimeSpan.FromMinutes(value),
                "h" => TimeSpan.FromHours(value),
                "d" => TimeSpan.FromDays(value),
                _ => null,
            };
            if (part is null)
            {
                error = $"'{text}': unknown unit '{unit}' (use ms, s, m, h or d)";
                return false;
            }

            total += part.Value;
            span = span[units..];
        }

        return Check(total, text, out duration, out error);
    }

    private static bool Check(TimeSpan value, string text, out TimeSpan duration, out string? error)
    {
        duration = value;
        error = value > TimeSpan.Zero ? null : $"'{text}': a duration must be positive";
        return error is null;
    }
}
