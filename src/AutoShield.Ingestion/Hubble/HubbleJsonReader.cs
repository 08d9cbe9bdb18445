using System.Text.Json;
using AutoShield.Core.Flows;
using AutoShield.Ingestion.Text;

namespace AutoShield.Ingestion.Hubble;

/// <summary>
/// Reads Hubble flows from newline-delimited JSON (<c>hubble observe -o jsonpb</c> / <c>-o json</c>, the Hubble
/// exporter file) in constant memory, allocating nothing per event once its pools hold the cluster's names.
/// Malformed lines are reported with their line number and skipped; lines without a flow are counted as skipped.
/// </summary>
public sealed class HubbleJsonReader : IFlowEventReader
{
    private readonly string _sourceName;
    private readonly Action<ParseError>? _onError;
    private readonly int _maxLineBytes;
    private readonly Utf8LineReader _lines;
    private readonly HubbleLineParser _parser;

    public HubbleJsonReader(Stream stream, string sourceName, Action<ParseError>? onError = null, HubbleJsonReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= new HubbleJsonReaderOptions();
        _sourceName = sourceName;
        _onError = onError;
        _maxLineBytes = options.MaxLineBytes;
        _lines = new Utf8LineReader(stream, options.MaxLineBytes);
        _parser = new HubbleLineParser(new HubbleParseContext(options));
    }

    public SourceCounters Counters { get; } = new();

    /// <summary>1-based number of the line last read.</summary>
    public long LineNumber => _lines.LineNumber;

    public bool TryRead(ref FlowEvent flowEvent)
    {
        while (true)
        {
            var status = _lines.Next();
            if (status == LineStatus.End)
            {
                return false;
            }

            if (status == LineStatus.TooLong)
            {
                Report($"line longer than the limit of {_maxLineBytes} bytes; skipped");
                continue;
            }

            var line = _lines.Line;
            // Lines start with '{' (checked first, as it is cheap); anything else may still be a blank line.
            if (line.IsEmpty || (line[0] != '{' && line.IndexOfAnyExcept(" \t\r"u8) < 0))
            {
                Counters.CountSkipped();
                continue;
            }

            flowEvent.Reset();
            if (TryParse(line, ref flowEvent, out var isFlow))
            {
                if (isFlow)
                {
                    Counters.CountGood();
                    return true;
                }

                Counters.CountSkipped();
            }
        }
    }

    private bool TryParse(ReadOnlySpan<byte> line, ref FlowEvent flowEvent, out bool isFlow)
    {
        isFlow = false;
        try
        {
            isFlow = _parser.Parse(line, ref flowEvent);
            return true;
        }
        catch (HubbleFormatException e)
        {
            Report(e.Message);
        }
        catch (JsonException e)
        {
            Report(HubbleJsonErrors.Describe(line, e));
        }

        flowEvent.Reset();
        return false;
    }

    private void Report(string message)
    {
        Counters.CountBad();
        _onError?.Invoke(new ParseError(_sourceName, _lines.LineNumber, message));
    }

    public void Dispose() => _lines.Dispose();
}
