using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using AutoShield.Kubernetes.Client.Errors;
using AutoShield.Kubernetes.Config;
using Polly;
using Polly.Retry;

namespace AutoShield.Kubernetes.Client;

/// <summary>
/// Sends requests with credentials, and retries what is safe to retry (Polly): 429 after its Retry-After, 5xx and
/// connection failures with exponential backoff and seeded jitter, but for non-idempotent requests only 429 and
/// connections that were refused before anything was sent. Error answers become typed exceptions.
/// </summary>
internal sealed class RequestSender : IDisposable
{
    private readonly HttpClient _http;
    private readonly KubernetesConnection _connection;
    private readonly KubernetesClientOptions _options;
    private readonly ResiliencePipeline<HttpResponseMessage> _idempotent;
    private readonly ResiliencePipeline<HttpResponseMessage> _nonIdempotent;
    private readonly Lock _randomGate = new();

    // Read by the TLS handshake callback: the certificate of the latest credentials, when they carry one.
    private volatile X509Certificate2? _clientCertificate;

    public RequestSender(KubernetesConnection connection, KubernetesClientOptions options, HttpMessageHandler? handler)
    {
        _connection = connection;
        _options = options;
        _http = new HttpClient(handler ?? HandlerFactory.Create(connection, () => _clientCertificate))
        {
            BaseAddress = connection.Server,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        _idempotent = Build(idempotent: true);
        _nonIdempotent = Build(idempotent: false);
    }

    public TimeProvider Time => _options.TimeProvider;

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, Func<HttpContent?>? content, bool idempotent, bool streaming, CancellationToken cancellationToken)
    {
        var pipeline = idempotent ? _idempotent : _nonIdempotent;
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RequestKey, (method.Method, path));
        HttpResponseMessage response;
        try
        {
            response = await pipeline.ExecuteAsync(
                async (ctx, state) => await state.AttemptAsync(method, path, content, streaming, ctx.CancellationToken),
                context,
                this);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw KubernetesApiException.Create(ApiStatus.From((int)response.StatusCode, body));
        }
    }

    /// <summary>The backoff before retry number <paramref name="attempt"/> (0-based): exponential, capped, with jitter in [50%, 100%].</summary>
    public TimeSpan Backoff(int attempt)
    {
        var exponential = _options.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 20));
        var capped = Math.Min(exponential, _options.MaxDelay.TotalMilliseconds);
        double jitter;
        lock (_randomGate)
        {
            jitter = 0.5 + (_options.Random.NextDouble() * 0.5);
        }

        return TimeSpan.FromMilliseconds(capped * jitter);
    }

    public void NotifyRetry(RetryAttempt attempt) => _options.OnRetry?.Invoke(attempt);

    public void Dispose() => _http.Dispose();

    private static readonly ResiliencePropertyKey<(string Method, string Path)> RequestKey = new("autoshield.request");

    private async Task<HttpResponseMessage> AttemptAsync(HttpMethod method, string path, Func<HttpContent?>? content, bool streaming, CancellationToken cancellationToken)
    {
        var response = await SendOnceAsync(method, path, content, streaming, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized && _connection.Credentials?.Invalidate() == true)
        {
            // Rotated tokens and expired exec credentials show up as 401: fetch fresh ones once.
            response.Dispose();
            response = await SendOnceAsync(method, path, content, streaming, cancellationToken);
        }

        return response;
    }

    private async Task<HttpResponseMessage> SendOnceAsync(HttpMethod method, string path, Func<HttpContent?>? content, bool streaming, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content?.Invoke() };
        if (_connection.Credentials is { } source)
        {
            var credentials = await source.GetAsync(cancellationToken);
            _clientCertificate = credentials.ClientCertificate;
            if (credentials.Token is { Length: > 0 } token)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }
        }

        if (streaming)
        {
            return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }

        using var timeout = new CancellationTokenSource(_options.RequestTimeout, _options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token);
        }
        catch (OperationCanceledException error) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{method} {path} got no answer within {_options.RequestTimeout.TotalSeconds:0.###} s", error);
        }
    }

    private ResiliencePipeline<HttpResponseMessage> Build(bool idempotent)
    {
        if (_options.MaxRetries <= 0)
        {
            return ResiliencePipeline<HttpResponseMessage>.Empty;
        }

        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _options.TimeProvider };
        builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = _options.MaxRetries,
            ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, idempotent, args.Context.CancellationToken)),
            DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(DelayFor(args.Outcome, args.AttemptNumber)),
            OnRetry = args =>
            {
                var (method, path) = args.Context.Properties.GetValue(RequestKey, ("", ""));
                NotifyRetry(new RetryAttempt(method, path, args.AttemptNumber, (int?)args.Outcome.Result?.StatusCode, args.Outcome.Exception, args.RetryDelay));
                args.Outcome.Result?.Dispose();
                return ValueTask.CompletedTask;
            },
        });
        return builder.Build();
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, bool idempotent, CancellationToken cancellationToken)
    {
        if (outcome.Result is { } response)
        {
            var code = (int)response.StatusCode;
            return code == 429 || (idempotent && code >= 500 && code != 501);
        }

        return outcome.Exception switch
        {
            OperationCanceledException when cancellationToken.IsCancellationRequested => false,
            HttpRequestException { InnerException: System.Security.Authentication.AuthenticationException } => false,
            HttpRequestException { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionRefused } } => true,
            HttpRequestException or IOException or TimeoutException or OperationCanceledException => idempotent,
            _ => false,
        };
    }

    private TimeSpan DelayFor(Outcome<HttpResponseMessage> outcome, int attempt)
    {
        if (outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests } throttled && RetryAfter(throttled) is { } wait)
        {
            return wait;
        }

        return Backoff(attempt);
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - _options.TimeProvider.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return response.Headers.TryGetValues("Retry-After", out var values)
            && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null;
    }
}
