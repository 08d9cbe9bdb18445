using AutoShield.Core.Flows;

namespace AutoShield.Ingestion.Sources;

/// <summary>A reader over one input, with the raw byte counter for progress and the first errors it reported.</summary>
public sealed class OpenedSource : IDisposable
{
    /// <summary>Errors kept for display; every error is still counted and passed to the caller's callback.</summary>
    public const int ErrorsKept = 20;

    private readonly CountingStream? _raw;
    private readonly List<ParseError> _firstErrors = [];
    private readonly Action<ParseError>? _onError;

    internal OpenedSource(string name, FlowSourceKind kind, CountingStream? raw, long? length, Action<ParseError>? onError)
    {
        Name = name;
        Kind = kind;
        _raw = raw;
        Length = length;
        _onError = onError;
    }

    public string Name { get; }

    public FlowSourceKind Kind { get; }

    public IFlowEventReader Reader { get; internal set; } = null!;

    /// <summary>Size of the raw input in bytes when known (files), for progress.</summary>
    public long? Length { get; }

    /// <summary>Raw bytes consumed so far.</summary>
    public long Position => _raw?.BytesRead ?? Reader.Counters.Good;

    /// <summary>Wraps a reader that has no file behind it (the simulator); progress counts events instead of bytes.</summary>
    public static OpenedSource FromReader(string name, FlowSourceKind kind, IFlowEventReader reader, long? expectedEvents = null) =>
        new(name, kind, null, expectedEvents, null) { Reader = reader };

    public IReadOnlyList<ParseError> FirstErrors => _firstErrors;

    internal void Report(ParseError error)
    {
        if (_firstErrors.Count < ErrorsKept)
        {
            _firstErrors.Add(error);
        }

        _onError?.Invoke(error);
    }

    public void Dispose() => Reader?.Dispose();
}
