namespace AutoShield.Ingestion.Tetragon;

/// <summary>A <c>file_arg</c> or <c>path_arg</c> (<see cref="IsPath"/>): path relative to <see cref="Mount"/>, flags, permission.</summary>
public sealed record FileArgument : TetragonArgument
{
    public bool IsPath { get; init; }

    public string? Mount { get; init; }

    public string? Path { get; init; }

    public string? Flags { get; init; }

    /// <summary>Permission string such as <c>-rw-r--r--</c>.</summary>
    public string? Permission { get; init; }
}
