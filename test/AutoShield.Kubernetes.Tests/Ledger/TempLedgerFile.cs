namespace AutoShield.Kubernetes.Tests.Ledger;

/// <summary>A SQLite ledger path in a fresh temporary directory, removed afterwards.</summary>
internal sealed class TempLedgerFile : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("autoshield-ledger-").FullName;

    public string Path => System.IO.Path.Combine(_directory, "ledger.db");

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
