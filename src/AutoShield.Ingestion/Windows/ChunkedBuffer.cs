namespace AutoShield.Ingestion.Windows;

/// <summary>
/// A fixed-size block of <typeparamref name="T"/> per slot, kept in chunks so growing never copies the blocks
/// already handed out and large stores never need one huge array.
/// </summary>
internal sealed class ChunkedBuffer<T>
{
    private const int SlotsPerChunkBits = 10;
    private const int SlotsPerChunk = 1 << SlotsPerChunkBits;
    private readonly int _blockLength;
    private T[][] _chunks = [];

    public ChunkedBuffer(int blockLength)
    {
        _blockLength = blockLength;
    }

    public void EnsureSlots(int slots)
    {
        var needed = (slots + SlotsPerChunk - 1) >> SlotsPerChunkBits;
        if (needed <= _chunks.Length)
        {
            return;
        }

        var old = _chunks.Length;
        Array.Resize(ref _chunks, needed);
        for (var i = old; i < needed; i++)
        {
            _chunks[i] = new T[SlotsPerChunk * _blockLength];
        }
    }

    public Span<T> For(int slot) =>
        _chunks[slot >> SlotsPerChunkBits].AsSpan((slot & (SlotsPerChunk - 1)) * _blockLength, _blockLength);
}
