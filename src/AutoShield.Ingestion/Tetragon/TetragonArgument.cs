namespace AutoShield.Ingestion.Tetragon;

/// <summary>One argument (or return value) of a hooked function, typed by its JSON key (<c>int_arg</c>, <c>sock_arg</c>, ...).</summary>
public abstract record TetragonArgument
{
    /// <summary>The policy's label for the argument, when it set one.</summary>
    public string? Label { get; init; }
}
