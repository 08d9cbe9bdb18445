using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using AutoShield.Core.Flows;
using AutoShield.Core.Text;

namespace AutoShield.Ingestion.Tetragon;

/// <summary>
/// Reads Tetragon JSON events (<c>GetEventsResponse</c> objects) from the export file, <c>tetra getevents -o json</c>
/// or saved samples: one object per line, or pretty-printed objects over several lines, concatenated. Memory stays
/// bounded by one record. Malformed records are reported with the line they start on, counted, and skipped.
/// </summary>
public sealed class TetragonJsonReader : IDisposable
{
    private readonly string _sourceName;
    private readonly Action<ParseError>? _onError;
    private readonly JsonRecordFramer _framer;
    private readonly JsonFieldReader _fields;
    private readonly TetragonEventParser _parser;
    private readonly JsonDocumentOptions _documentOptions;

    public TetragonJsonReader(Stream stream, string sourceName, Action<ParseError>? onError = null, TetragonReaderOptions? options = null)
    {
        options ??= TetragonReaderOptions.Default;
        _sourceName = sourceName;
        _onError = onError;
        _framer = new JsonRecordFramer(stream, options.MaxRecordBytes, options.MaxDepth);
        _fields = new JsonFieldReader(new StringPool(options.StringPoolCapacity));
        _parser = new TetragonEventParser(_fields);
        _documentOptions = new JsonDocumentOptions { MaxDepth = options.MaxDepth };
    }

    /// <summary>Good: events returned. Bad: malformed records reported. Skipped: none (every well-formed event is returned).</summary>
    public SourceCounters Counters { get; } = new();

    /// <summary>1-based line where the event last returned starts.</summary>
    public long RecordLine => _framer.RecordLine;

    public string SourceName => _sourceName;

    /// <summary>The next well-formed event; false at the end of input.</summary>
    public bool TryRead([NotNullWhen(true)] out TetragonEvent? tetragonEvent)
    {
        while (true)
        {
            switch (_framer.Next())
            {
                case FrameStatus.End:
                    tetragonEvent = null;
                    return false;
                case FrameStatus.Error:
                    Report(_framer.ErrorLine, _framer.ErrorMessage);
                    break;
                default:
                    tetragonEvent = Parse(out var error);
                    if (tetragonEvent is not null)
                    {
                        Counters.CountGood();
                        return true;
                    }

                    Report(_framer.RecordLine, error);
                    break;
            }
        }
    }

    private TetragonEvent? Parse(out string error)
    {
        try
        {
            using var document = JsonDocument.Parse(_framer.Record, _documentOptions);
            var parsed = _parser.Parse(document.RootElement);
            error = _fields.Error ?? string.Empty;
            return parsed;
        }
        catch (JsonException ex)
        {
            error = $"malformed JSON at line {_framer.RecordLine + (ex.LineNumber ?? 0)}, byte {(ex.BytePositionInLine ?? 0) + 1}: {Reason(ex.Message)}";
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or ArgumentException)
        {
            // Invalid UTF-8 inside an escaped string surfaces only when the string is decoded.
            error = $"unreadable value: {ex.Message}";
        }

        return null;
    }

    private static string Reason(string message)
    {
        var at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return at > 0 ? message[..at] : message;
    }

    private void Report(long line, string message)
    {
        Counters.CountBad();
        _onError?.Invoke(new ParseError(_sourceName, line, message));
    }

    public void Dispose() => _framer.Dispose();
}
