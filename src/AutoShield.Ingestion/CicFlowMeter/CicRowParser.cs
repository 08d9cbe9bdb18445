using System.Text;
using AutoShield.Core.Flows;
using AutoShield.Core.Net;

namespace AutoShield.Ingestion.CicFlowMeter;

/// <summary>Fills a Summary flow event from the used fields of one split CSV row; names the first bad column.</summary>
internal static class CicRowParser
{
    private const int MaxQuotedChars = 40;

    public static bool TryParse(
        ReadOnlySpan<byte> line, CsvLineSplitter fields, CicHeaderMap header, TimeSpan utcOffset, ref FlowEvent flowEvent, out string? error)
    {
        flowEvent.Reset();
        error = null;
        if (!Address(line, fields, header, CicColumn.SourceIp, out flowEvent.SourceIp, ref error)
            || !Address(line, fields, header, CicColumn.DestinationIp, out flowEvent.DestinationIp, ref error)
            || !Integer(line, fields, header, CicColumn.SourcePort, ushort.MaxValue, "a port number (0-65535)", out var sourcePort, ref error)
            || !Integer(line, fields, header, CicColumn.DestinationPort, ushort.MaxValue, "a port number (0-65535)", out var destinationPort, ref error)
            || !Integer(line, fields, header, CicColumn.Protocol, byte.MaxValue, "an IP protocol number (0-255)", out var protocol, ref error)
            || !Time(line, fields, header, utcOffset, out flowEvent.TimeUnixNanos, ref error)
            || !Integer(line, fields, header, CicColumn.FlowDuration, long.MaxValue / 1000, "a non-negative duration in microseconds", out var durationMicros, ref error)
            || !Count(line, fields, header, CicColumn.ForwardPackets, out flowEvent.Counts.ForwardPackets, ref error)
            || !Count(line, fields, header, CicColumn.BackwardPackets, out flowEvent.Counts.BackwardPackets, ref error)
            || !Count(line, fields, header, CicColumn.ForwardBytes, out flowEvent.Counts.ForwardBytes, ref error)
            || !Count(line, fields, header, CicColumn.BackwardBytes, out flowEvent.Counts.BackwardBytes, ref error)
            || !FlagCount(line, fields, header, CicColumn.SynCount, out flowEvent.Counts.SynCount, ref error)
            || !FlagCount(line, fields, header, CicColumn.AckCount, out flowEvent.Counts.AckCount, ref error)
            || !FlagCount(line, fields, header, CicColumn.RstCount, out flowEvent.Counts.RstCount, ref error)
            || !FlagCount(line, fields, header, CicColumn.FinCount, out flowEvent.Counts.FinCount, ref error))
        {
            return false;
        }

        flowEvent.SourcePort = (ushort)sourcePort;
        flowEvent.DestinationPort = (ushort)destinationPort;
        flowEvent.Protocol = (IpProtocol)protocol;
        flowEvent.Counts.DurationNanos = durationMicros * 1000;
        flowEvent.Origin = FlowOrigin.CicFlowMeter;
        flowEvent.Kind = FlowEventKind.Summary;
        flowEvent.Verdict = Verdict.Forwarded;
        // CICFlowMeter's "Src" sent the first packet of the flow: the row is seen from the initiator.
        flowEvent.Reply = ReplyState.Request;
        return true;
    }

    private static bool Address(ReadOnlySpan<byte> line, CsvLineSplitter fields, CicHeaderMap header, CicColumn column, out IpAddr address, ref string? error)
    {
        var text = fields.Get(line, header.IndexOf(column));
        if (IpAddr.TryParse(text, out address))
        {
            return true;
        }

        error = Expected(header, column, "an IP address", text);
        return false;
    }

    private static bool Time(ReadOnlySpan<byte> line, CsvLineSplitter fields, CicHeaderMap header, TimeSpan utcOffset, out long unixNanos, ref string? error)
    {
        var text = fields.Get(line, header.IndexOf(CicColumn.Timestamp));
        if (CicTimestampParser.TryParse(text, utcOffset, out unixNanos))
        {
            return true;
        }

        error = Expected(header, CicColumn.Timestamp, "a time like 2017-07-03 11:57:51.590705, 3/7/2017 8:55 or 03/07/2017 08:55:58 AM", text);
        return false;
    }

    private static bool Count(ReadOnlySpan<byte> line, CsvLineSplitter fields, CicHeaderMap header, CicColumn column, out long value, ref string? error) =>
        Integer(line, fields, header, column, long.MaxValue, "a non-negative integer", out value, ref error);

    /// <summary>An optional flag-count column: -1 (not carried) when the file has no such column.</summary>
    private static bool FlagCount(ReadOnlySpan<byte> line, CsvLineSplitter fields, CicHeaderMap header, CicColumn column, out int value, ref string? error)
    {
        value = -1;
        if (header.IndexOf(column) < 0)
        {
            return true;
        }

        var ok = Integer(line, fields, header, column, int.MaxValue, "a non-negative integer", out var parsed, ref error);
        value = (int)parsed;
        return ok;
    }

    private static bool Integer(
        ReadOnlySpan<byte> line, CsvLineSplitter fields, CicHeaderMap header, CicColumn column, long max, string expected, out long value, ref string? error)
    {
        var text = fields.Get(line, header.IndexOf(column));
        if (CicFieldParser.TryParseInteger(text, out value) && value >= 0 && value <= max)
        {
            return true;
        }

        error = Expected(header, column, expected, text);
        return false;
    }

    private static string Expected(CicHeaderMap header, CicColumn column, string expected, ReadOnlySpan<byte> text)
    {
        var shown = Encoding.UTF8.GetString(text[..Math.Min(text.Length, MaxQuotedChars)]);
        return $"column '{header.NameOf(column)}': expected {expected}, got '{shown}{(text.Length > MaxQuotedChars ? "..." : string.Empty)}'";
    }
}
