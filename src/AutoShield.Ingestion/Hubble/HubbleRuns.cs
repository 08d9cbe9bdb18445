using System.Text.Json;
using AutoShield.Core.Flows;

namespace AutoShield.Ingestion.Hubble;

/// <summary>
/// Applies and records runs: stretches of stable Flow properties between volatile ones (see
/// <see cref="HubbleRunBoundaries"/>), cached by their exact bytes with what they set (<see cref="HubbleRun"/>).
/// </summary>
internal static class HubbleRuns
{
    /// <summary>
    /// At <paramref name="boundary"/> (just after a value in the flow object), applies the cached run the line goes
    /// on with, if any, and restarts the reader after it.
    /// </summary>
    public static bool TryApply(ref Utf8JsonReader reader, ReadOnlySpan<byte> line, int boundary, HubbleParseContext context, ref FlowEvent flowEvent, ref HubbleLineState state)
    {
        if (boundary >= line.Length || line[boundary] != (byte)',')
        {
            return false;
        }

        var end = HubbleRunBoundaries.FindEnd(line, boundary);
        if (end <= boundary || !context.Runs.TryGet(line[boundary..end], out var run))
        {
            return false;
        }

        run.ApplyTo(ref flowEvent, ref state);

        // The run's bytes were read and validated on an earlier line, in the same place of a flow object: resume
        // after them in the state the reader has now, "after a value".
        reader = new Utf8JsonReader(line[end..], isFinalBlock: true, reader.CurrentState);
        state.ReaderOffset = end;
        return true;
    }

    /// <summary>Caches the run just read (from <paramref name="runStart"/>, -1 for none, to <paramref name="runEnd"/>).</summary>
    public static void Record(ReadOnlySpan<byte> line, int runStart, int runEnd, HubbleRunFields fields, HubbleParseContext context, in FlowEvent flowEvent, in HubbleLineState state)
    {
        // Only runs that the lookup can find again are worth holding.
        if (runStart < 0 || runEnd - runStart < HubbleRunBoundaries.MinRunBytes || HubbleRunBoundaries.FindEnd(line, runStart) != runEnd)
        {
            return;
        }

        var json = line[runStart..runEnd];
        if (!context.Runs.TryGet(json, out _))
        {
            context.Runs.Add(json, HubbleRun.Capture(fields & ~HubbleRunFields.Other, in flowEvent, in state));
        }
    }
}
