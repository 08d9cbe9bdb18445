namespace AutoShield.Ingestion.Tetragon;

/// <summary>One Linux namespace of a process: its inode number and whether it is the host's.</summary>
public sealed record TetragonNamespace(uint Inum, bool IsHost);
