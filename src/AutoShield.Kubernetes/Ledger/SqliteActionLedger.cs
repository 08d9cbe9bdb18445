using System.Globalization;
using AutoShield.Core.Actions;
using Microsoft.Data.Sqlite;

namespace AutoShield.Kubernetes.Ledger;

/// <summary>
/// The ledger in a SQLite file (WAL, synchronous=FULL: a committed write survives the process being killed). One
/// connection, one writer at a time; readers in other processes (<c>autoshield actions list</c>) see committed rows.
/// </summary>
public sealed class SqliteActionLedger : IActionLedger, IDisposable
{
    private const string Columns = "id, action_type, target, parameters, rule, detection_id, explanation, state, created, updated, expires, prior_state, attempts, last_error, effective, revert_requested";

    private readonly SqliteConnection _connection;

    // One command at a time on the shared connection: SQLite connections are not safe for concurrent use.
    private readonly SemaphoreSlim _gate = new(1, 1);

    public SqliteActionLedger(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) is { } directory)
        {
            Directory.CreateDirectory(directory);
        }

        Path = path;
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _connection.Open();
        Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;");
        Execute($"""
            CREATE TABLE IF NOT EXISTS actions (
                id TEXT PRIMARY KEY, action_type TEXT NOT NULL, target TEXT NOT NULL, parameters TEXT NOT NULL,
                rule TEXT NOT NULL, detection_id TEXT, explanation TEXT, state TEXT NOT NULL, created TEXT NOT NULL,
                updated TEXT NOT NULL, expires TEXT, prior_state TEXT, attempts INTEGER NOT NULL, last_error TEXT,
                effective INTEGER, revert_requested INTEGER NOT NULL);
            CREATE INDEX IF NOT EXISTS actions_created ON actions (created);
            """);
    }

    public string Path { get; }

    public async Task<ActionRecord?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync($"SELECT {Columns} FROM actions WHERE id = $id", [("$id", id)], cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    public Task<IReadOnlyList<ActionRecord>> ListAsync(CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {Columns} FROM actions ORDER BY created, id", [], cancellationToken);

    public async Task SaveAsync(ActionRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            using var command = _connection.CreateCommand();
            command.CommandText = $"INSERT OR REPLACE INTO actions ({Columns}) VALUES ($id, $type, $target, $parameters, $rule, $detection, $explanation, $state, $created, $updated, $expires, $prior, $attempts, $error, $effective, $revert)";
            command.Parameters.AddWithValue("$id", record.Id);
            command.Parameters.AddWithValue("$type", record.ActionType);
            command.Parameters.AddWithValue("$target", RecordJson.Target(record.Target));
            command.Parameters.AddWithValue("$parameters", RecordJson.Parameters(record.Parameters));
            command.Parameters.AddWithValue("$rule", record.Rule);
            command.Parameters.AddWithValue("$detection", (object?)record.DetectionId ?? DBNull.Value);
            command.Parameters.AddWithValue("$explanation", (object?)record.Explanation ?? DBNull.Value);
            command.Parameters.AddWithValue("$state", record.State.ToString());
            command.Parameters.AddWithValue("$created", Time(record.Created));
            command.Parameters.AddWithValue("$updated", Time(record.Updated));
            command.Parameters.AddWithValue("$expires", record.Expires is { } expires ? Time(expires) : DBNull.Value);
            command.Parameters.AddWithValue("$prior", (object?)record.PriorState ?? DBNull.Value);
            command.Parameters.AddWithValue("$attempts", record.Attempts);
            command.Parameters.AddWithValue("$error", (object?)record.LastError ?? DBNull.Value);
            command.Parameters.AddWithValue("$effective", record.Effective is { } effective ? (effective ? 1 : 0) : DBNull.Value);
            command.Parameters.AddWithValue("$revert", record.RevertRequested ? 1 : 0);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _connection.Dispose();
        _gate.Dispose();
    }

    private async Task<IReadOnlyList<ActionRecord>> QueryAsync(string sql, (string Name, string Value)[] parameters, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            using var command = _connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }

            var records = new List<ActionRecord>();
            using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                records.Add(Read(reader));
            }

            return records;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static ActionRecord Read(SqliteDataReader reader) => new()
    {
        Id = reader.GetString(0),
        ActionType = reader.GetString(1),
        Target = RecordJson.Target(reader.GetString(2)),
        Parameters = RecordJson.Map(reader.GetString(3)),
        Rule = reader.GetString(4),
        DetectionId = reader.IsDBNull(5) ? null : reader.GetString(5),
        Explanation = reader.IsDBNull(6) ? null : reader.GetString(6),
        State = Enum.Parse<ActionState>(reader.GetString(7)),
        Created = ParseTime(reader.GetString(8)),
        Updated = ParseTime(reader.GetString(9)),
        Expires = reader.IsDBNull(10) ? null : ParseTime(reader.GetString(10)),
        PriorState = reader.IsDBNull(11) ? null : reader.GetString(11),
        Attempts = reader.GetInt32(12),
        LastError = reader.IsDBNull(13) ? null : reader.GetString(13),
        Effective = reader.IsDBNull(14) ? null : reader.GetInt64(14) != 0,
        RevertRequested = reader.GetInt64(15) != 0,
    };

    private static string Time(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
