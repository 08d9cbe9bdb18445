namespace AutoShield.Kubernetes.Fake.Store;

/// <summary>How a write is made: dry run (validate, store nothing), the field manager, and whether it is a test seeding the store.</summary>
public sealed record StoreWriteOptions(bool DryRun = false, string? FieldManager = null, bool Seeding = false)
{
    public static StoreWriteOptions Default { get; } = new();
}
