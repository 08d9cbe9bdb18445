namespace AutoShield.Ingestion.Windows;

/// <summary>Head, tail and length of one intrusive list threaded through a <see cref="SlotTable{TKey}"/>.</summary>
internal struct SlotList
{
    public int Head;
    public int Tail;
    public int Count;

    public static SlotList Empty => new() { Head = -1, Tail = -1 };
}
