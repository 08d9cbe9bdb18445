using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using AutoShield.Kubernetes.Fake.Resources;
using AutoShield.Kubernetes.Fake.Selectors;
using AutoShield.Kubernetes.Fake.Store;
using Microsoft.AspNetCore.Http;

namespace AutoShield.Kubernetes.Fake.Api;

/// <summary>
/// Streams one watch as newline-delimited <c>{"type":...,"object":...}</c> events: replayed history or synthetic
/// ADDED events first, then live changes, BOOKMARKs on a timer when asked for, and a 410 Gone ERROR event when
/// the requested resourceVersion is older than the kept history.
/// </summary>
internal sealed class WatchStreamer
{
    private readonly FakeKubernetesServer _server;
    private readonly FakeResourceKind _kind;
    private readonly ApiRoute _route;
    private readonly HttpContext _context;

    public WatchStreamer(FakeKubernetesServer server, FakeResourceKind kind, ApiRoute route, HttpContext context)
    {
        _server = server;
        _kind = kind;
        _route = route;
        _context = context;
    }

    public async Task StreamAsync()
    {
        var query = _context.Request.Query;
        var labels = LabelSelector.TryParse(query["labelSelector"], out var labelError) ?? throw ApiError.BadRequest(labelError);
        var fields = FieldSelector.TryParse(query["fieldSelector"], _kind.SelectableFields, out var fieldError) ?? throw ApiError.BadRequest(fieldError);
        var bookmarks = query["allowWatchBookmarks"].ToString() is "true" or "1";
        var subscription = new WatchSubscription(_kind, _route.Namespace, labels, fields, bookmarks);
        try
        {
            _server.Store.Subscribe(subscription, query["resourceVersion"]);
        }
        catch (ApiError gone) when (gone.Code == 410 && _server.Options.GoneAsErrorEvent)
        {
            // The watch cache answers a too-old resourceVersion with a 200 stream holding one ERROR event.
            await StartAsync();
            await WriteAsync("ERROR", gone.ToStatus());
            return;
        }

        var dropAfter = _server.Faults.TakeWatchDrop();
        using var timeout = TimeoutSource(query["timeoutSeconds"]);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(_context.RequestAborted, timeout?.Token ?? CancellationToken.None, _server.Stopping);
        using var bookmarkTimer = bookmarks && _server.Options.BookmarkInterval is { } interval
            ? _server.Options.TimeProvider.CreateTimer(_ => _server.Store.SendBookmark(subscription), null, interval, interval)
            : null;
        try
        {
            await StartAsync();
            var written = 0;
            if (dropAfter == 0)
            {
                _context.Abort();
                return;
            }

            await foreach (var item in subscription.Queue.Reader.ReadAllAsync(linked.Token))
            {
                if (item.Type == WatchItem.Drop)
                {
                    _context.Abort();
                    return;
                }

                await WriteAsync(item.Type, item.Object!);
                if (++written == dropAfter)
                {
                    _context.Abort();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The client went away, the timeout passed or the server is stopping: the stream simply ends.
        }
        finally
        {
            _server.Store.Unsubscribe(subscription);
        }
    }

    private CancellationTokenSource? TimeoutSource(string? seconds) =>
        int.TryParse(seconds, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? new CancellationTokenSource(TimeSpan.FromSeconds(value), _server.Options.TimeProvider)
            : null;

    private async Task StartAsync()
    {
        _context.Response.StatusCode = 200;
        _context.Response.ContentType = "application/json";
        await _context.Response.StartAsync(_context.RequestAborted);
        await _context.Response.Body.FlushAsync(_context.RequestAborted);
    }

    private async Task WriteAsync(string type, JsonObject obj)
    {
        var line = new JsonObject { ["type"] = type, ["object"] = obj.DeepClone() }.ToJsonString() + "\n";
        await _context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(line), _context.RequestAborted);
        await _context.Response.Body.FlushAsync(_context.RequestAborted);
    }
}
