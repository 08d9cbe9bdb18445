using System.Text;
using AutoShield.Core.Flows;
using AutoShield.Core.Text;
using AutoShield.Ingestion.Text;

namespace AutoShield.Ingestion.CicFlowMeter;

/// <summary>
/// Reads CICFlowMeter CSV (the CIC-IDS2017 family): each row is one finished bidirectional flow and becomes one
/// Summary flow event with its duration, byte, packet and flag counts and its ground-truth label. "Src" is the side
/// that sent the first packet, so the event is the initiator's request side. Columns are found by header name;
/// columns we do not use are never validated.
/// </summary>
public sealed class CicFlowMeterReader : IFlowEventReader
{
    private readonly Utf8LineReader _lines;
    private readonly string _sourceName;
    private readonly Action<ParseError>? _onError;
    private readonly CicFlowMeterReaderOptions _options;
    private readonly CsvLineSplitter _splitter = new();
    private readonly StringPool _labels = new(1024);
    private CicHeaderMap? _header;
    private bool _finished;

    public CicFlowMeterReader(Stream stream, string sourceName, Action<ParseError>? onError = null, CicFlowMeterReaderOptions? options = null)
    {
        _sourceName = sourceName;
        _onError = onError;
        _options = options ?? new CicFlowMeterReaderOptions();
        _lines = new Utf8LineReader(stream, _options.EffectiveMaxLineBytes);
    }

    public SourceCounters Counters { get; } = new();

    public bool TryRead(ref FlowEvent flowEvent)
    {
        if (_header is null && !ReadHeader())
        {
            return false;
        }

        while (!_finished)
        {
            var status = _lines.Next();
            if (status == LineStatus.End)
            {
                _finished = true;
                break;
            }

            if (status == LineStatus.TooLong)
            {
                Report($"expected a row of at most {_options.EffectiveMaxLineBytes} bytes; skipped");
                continue;
            }

            var line = _lines.Line;
            if (!_splitter.Split(line, out var badField))
            {
                Report($"column {badField + 1}: expected a closing quote followed by a comma or the end of the row");
                continue;
            }

            if (_splitter.AllBlank(line))
            {
                Counters.CountSkipped();
                continue;
            }

            if (_splitter.Count != _header!.FieldCount)
            {
                Report($"expected {_header.FieldCount} columns as in the header, got {_splitter.Count}");
                continue;
            }

            if (CicRowParser.TryParse(line, _splitter, _header, _options.TimestampUtcOffset, ref flowEvent, out var error))
            {
                flowEvent.Label = Label(line);
                Counters.CountGood();
                return true;
            }

            Report(error!);
        }

        return false;
    }

    private string? Label(ReadOnlySpan<byte> line)
    {
        var index = _header!.IndexOf(CicColumn.Label);
        if (index < 0)
        {
            return null;
        }

        var text = _splitter.Get(line, index);
        return text.IsEmpty ? null : _labels.Intern(text);
    }

    private bool ReadHeader()
    {
        if (_finished)
        {
            return false;
        }

        _finished = true;
        LineStatus status;
        while ((status = _lines.Next()) == LineStatus.Line && CsvLineSplitter.TrimBlanks(_lines.Line).IsEmpty)
        {
        }

        if (status != LineStatus.Line)
        {
            Report(status == LineStatus.End
                ? "header: expected a CSV header line, the file is empty"
                : $"header: expected a header line of at most {_options.EffectiveMaxLineBytes} bytes");
            return false;
        }

        var line = _lines.Line;
        if (!_splitter.Split(line, out var badField))
        {
            Report($"header: column {badField + 1}: expected a closing quote followed by a comma or the end of the line");
            return false;
        }

        var names = new string[_splitter.Count];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = Encoding.UTF8.GetString(_splitter.Get(line, i));
        }

        _header = CicHeaderMap.Create(names, out var error);
        if (_header is null)
        {
            Report(error!);
            return false;
        }

        _finished = false;
        return true;
    }

    private void Report(string message)
    {
        Counters.CountBad();
        _onError?.Invoke(new ParseError(_sourceName, _lines.LineNumber, message));
    }

    public void Dispose() => _lines.Dispose();
}
