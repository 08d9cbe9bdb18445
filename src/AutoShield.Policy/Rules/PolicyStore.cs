namespace AutoShield.Policy.Rules;

/// <summary>
/// Holds the policy in force and reloads it when its files change (FileSystemWatcher, debounced on the injected
/// clock). A reload that fails keeps the last good policy and says why in <see cref="Status"/> and the log callback.
/// </summary>
public sealed class PolicyStore : IDisposable
{
    private readonly IReadOnlyList<string> _paths;
    private readonly PolicyLoader _loader;
    private readonly TimeProvider _time;
    private readonly Action<string>? _log;
    private readonly TimeSpan _debounce;
    private readonly Lock _gate = new();
    private readonly List<FileSystemWatcher> _watchers = [];
    private ITimer? _timer;
    private PolicySet _current = PolicySet.Empty;
    private PolicyStoreStatus _status = new() { Version = PolicySet.Empty.Version };

    /// <summary>Loads <paramref name="paths"/> once; call <see cref="StartWatching"/> for hot reload.</summary>
    public PolicyStore(IReadOnlyList<string> paths, TimeProvider? time = null, PolicyLoader? loader = null, Action<string>? log = null, TimeSpan? debounce = null)
    {
        _paths = paths;
        _time = time ?? TimeProvider.System;
        _loader = loader ?? new PolicyLoader();
        _log = log;
        _debounce = debounce ?? TimeSpan.FromMilliseconds(500);
        Reload();
    }

    /// <summary>The policy in force (the last one that loaded without errors).</summary>
    public PolicySet Current => Volatile.Read(ref _current);

    public PolicyStoreStatus Status => Volatile.Read(ref _status);

    /// <summary>Raised after a successful reload with the new policy.</summary>
    public event Action<PolicySet>? Reloaded;

    /// <summary>Loads the files now; on errors the current policy stays and the errors go to <see cref="Status"/>.</summary>
    public PolicyLoadResult Reload()
    {
        var result = _loader.LoadFiles(_paths);
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            var previous = _status;
            if (result.IsValid)
            {
                Volatile.Write(ref _current, result.Policy!);
                Volatile.Write(ref _status, previous with
                {
                    Version = result.Policy!.Version,
                    LoadedAt = now,
                    Rules = result.Policy.Rules.Count,
                    Files = result.Files,
                    LastErrors = [],
                    Reloads = previous.Reloads + 1,
                });
            }
            else
            {
                Volatile.Write(ref _status, previous with
                {
                    LastErrors = result.Errors,
                    LastErrorAt = now,
                    ReloadFailures = previous.ReloadFailures + 1,
                });
            }
        }

        if (result.IsValid)
        {
            _log?.Invoke($"policy {result.Policy!.Version} loaded: {result.Policy.Rules.Count} rules from {result.Files.Count} files");
            Reloaded?.Invoke(result.Policy!);
        }
        else
        {
            _log?.Invoke($"policy reload rejected, keeping {Current.Version}: {string.Join("; ", result.Errors)}");
        }

        return result;
    }

    /// <summary>Watches the files' directories; changes reload after the debounce delay (editors write files in several steps).</summary>
    public void StartWatching()
    {
        var directories = PolicyLoader.ExpandPaths(_paths)
            .Select(p => Path.GetDirectoryName(Path.GetFullPath(p))!)
            .Concat(_paths.Where(Directory.Exists).Select(Path.GetFullPath))
            .Distinct(StringComparer.Ordinal);
        lock (_gate)
        {
            _timer ??= _time.CreateTimer(static s => ((PolicyStore)s!).Reload(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            foreach (var directory in directories.Where(Directory.Exists))
            {
                var watcher = new FileSystemWatcher(directory) { NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size };
                watcher.Changed += (_, _) => NotifyChanged();
                watcher.Created += (_, _) => NotifyChanged();
                watcher.Deleted += (_, _) => NotifyChanged();
                watcher.Renamed += (_, _) => NotifyChanged();
                watcher.EnableRaisingEvents = true;
                _watchers.Add(watcher);
            }
        }
    }

    /// <summary>Schedules a reload after the debounce delay, restarting the delay if one is pending.</summary>
    public void NotifyChanged()
    {
        lock (_gate)
        {
            _timer ??= _time.CreateTimer(static s => ((PolicyStore)s!).Reload(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _timer.Change(_debounce, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var watcher in _watchers)
            {
                watcher.Dispose();
            }

            _watchers.Clear();
            _timer?.Dispose();
            _timer = null;
        }
    }
}
