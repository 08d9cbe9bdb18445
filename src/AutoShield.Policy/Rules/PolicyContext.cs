using AutoShield.Core.Detections;

namespace AutoShield.Policy.Rules;

/// <summary>
/// What a policy condition sees: the detection, and its event time in the policy's time zone (so <c>time.hour</c> of
/// a backtest is the hour the traffic happened, not the hour the backtest ran).
/// </summary>
public sealed class PolicyContext
{
    public PolicyContext(Detection detection, TimeZoneInfo? timeZone = null)
    {
        Detection = detection;
        var local = timeZone is null || timeZone == TimeZoneInfo.Utc ? detection.Time.ToUniversalTime() : TimeZoneInfo.ConvertTime(detection.Time, timeZone);
        Hour = local.Hour;
        Minute = local.Minute;
        Weekday = local.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)local.DayOfWeek;
    }

    public Detection Detection { get; }

    public int Hour { get; }

    public int Minute { get; }

    /// <summary>ISO weekday: 1 Monday to 7 Sunday.</summary>
    public int Weekday { get; }
}
