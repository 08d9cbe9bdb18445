using System.Runtime.CompilerServices;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using AutoShield.Core.Flows;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Pb = AutoShield.Ingestion.Protos.Hubble;

namespace AutoShield.Ingestion.Hubble.Grpc;

/// <summary>
/// The live Hubble source: calls Hubble Relay's <c>observer.Observer/GetFlows</c> over HTTP/2 (gRPC framing done
/// here, since Grpc.Net.Client is not available), turns each flow into a <see cref="FlowEvent"/>, and keeps the
/// stream alive across relay restarts: reconnects with capped, jittered exponential backoff and resumes from the
/// newest delivered flow time without handing the consumer a flow twice.
/// </summary>
public sealed class HubbleRelayClient : IDisposable
{
    private readonly HubbleRelayClientOptions _options;
    private readonly HubbleRelayEndpoint _endpoint;
    private readonly Action<ParseError>? _onError;
    private readonly HttpMessageInvoker _invoker;
    private readonly RelayCertificateValidator? _validator;
    private readonly X509Certificate2? _clientCertificate;
    private readonly HubbleProtoConverter _converter = new();
    private readonly ResumeFilter _resume = new();
    private readonly string _sourceName;

    // 1 while a StreamAsync enumeration runs: the converter and resume state belong to one consumer.
    private int _streaming;
    private long _messages;

    public HubbleRelayClient(HubbleRelayClientOptions options, Action<ParseError>? onError = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.BackoffInitial, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BackoffMax, options.BackoffInitial);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxMessageBytes, 1);
        if (options.Number > 0 && (options.Since is not null || options.Until is not null))
        {
            throw new ArgumentException("Hubble Relay does not combine number with since/until", nameof(options));
        }

        _options = options;
        _onError = onError;
        _endpoint = HubbleRelayEndpoint.Parse(options.Address, options.Tls);
        _sourceName = $"hubble-relay {_endpoint.BaseUri.Authority}";
        var handler = RelayHttpHandlerFactory.Create(options, _endpoint, out _validator, out _clientCertificate);
        _invoker = new HttpMessageInvoker(handler, disposeHandler: true);
    }

    public HubbleRelayCounters Counters { get; } = new();

    /// <summary>
    /// The flows, as they arrive, until the relay ends a non-follow stream or <paramref name="cancellationToken"/>
    /// fires (then <see cref="OperationCanceledException"/>, the usual end of an await foreach). Connection
    /// failures, resets and UNAVAILABLE are retried; other gRPC statuses end it with a <see cref="GrpcStatusException"/>,
    /// an untrusted relay certificate with a <see cref="HubbleRelayTlsException"/>. Malformed messages go to the
    /// error callback and are skipped. One enumeration at a time.
    /// </summary>
    public async IAsyncEnumerable<FlowEvent> StreamAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _streaming, 1) == 1)
        {
            throw new InvalidOperationException("a HubbleRelayClient streams to one consumer at a time");
        }

        try
        {
            var backoff = new ReconnectBackoff(_options.BackoffInitial, _options.BackoffMax, new Random(_options.RandomSeed));
            var flowEvent = default(FlowEvent);
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Exception? failure = null;
                GrpcServerStreamingCall? call = null;
                _resume.BeginCall();
                try
                {
                    call = await GrpcServerStreamingCall.StartAsync(
                        _invoker, _endpoint.GetFlowsUri, BuildRequest(), _options.MaxMessageBytes, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (IsRetryable(ex, cancellationToken))
                {
                    failure = ex;
                }
                catch (Exception ex) when (Translate(ex, cancellationToken) is { } translated)
                {
                    throw translated;
                }

                if (call is not null)
                {
                    await using (call.ConfigureAwait(false))
                    {
                        while (true)
                        {
                            GrpcReadResult read;
                            try
                            {
                                read = await call.ReadAsync(cancellationToken).ConfigureAwait(false);
                            }
                            catch (Exception ex) when (IsRetryable(ex, cancellationToken))
                            {
                                failure = ex;
                                break;
                            }
                            catch (Exception ex) when (Translate(ex, cancellationToken) is { } translated)
                            {
                                throw translated;
                            }

                            if (read == GrpcReadResult.End)
                            {
                                break;
                            }

                            var position = Interlocked.Increment(ref _messages);
                            if (read == GrpcReadResult.TooLarge)
                            {
                                ReportBad(position, $"message of {call.SkippedLength} bytes exceeds the {_options.MaxMessageBytes}-byte limit");
                                continue;
                            }

                            if (Accept(call.Message, position, ref flowEvent))
                            {
                                backoff.Reset();
                                yield return flowEvent;
                            }
                        }

                        if (failure is null)
                        {
                            failure = RetryReason(call.ReadStatus());
                            if (failure is null)
                            {
                                yield break;
                            }
                        }
                    }
                }

                Counters.RecordError($"{failure!.GetType().Name}: {failure.Message}");
                Counters.CountReconnect();
                await Task.Delay(backoff.Next(), _options.TimeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            Volatile.Write(ref _streaming, 0);
        }
    }

    public void Dispose()
    {
        _invoker.Dispose();
        _validator?.Dispose();
        _clientCertificate?.Dispose();
    }

    internal static Timestamp ToTimestamp(long unixNanos) => new()
    {
        Seconds = Math.DivRem(unixNanos, 1_000_000_000, out var nanos) - (nanos < 0 ? 1 : 0),
        Nanos = (int)(nanos < 0 ? nanos + 1_000_000_000 : nanos),
    };

    /// <summary>Failures worth another call: refused or reset connections, HTTP/2 stream resets, truncated bodies, connect timeouts.</summary>
    private bool IsRetryable(Exception exception, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested
        && exception switch
        {
            HttpRequestException http => TlsFailure(http) is null,
            IOException or OperationCanceledException => true,
            _ => false,
        };

    /// <summary>
    /// For a failure that ends the stream: what to throw instead, or null to let the original propagate untouched.
    /// Records it as the last error unless the consumer cancelled.
    /// </summary>
    private Exception? Translate(Exception exception, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            // A transport error raised because the consumer cancelled is reported as the cancellation it is.
            return exception is OperationCanceledException ? null : new OperationCanceledException("Hubble Relay stream cancelled", exception, cancellationToken);
        }

        if (exception is HttpRequestException http && TlsFailure(http) is { } reason)
        {
            return Fatal(new HubbleRelayTlsException($"TLS with Hubble Relay {_endpoint.BaseUri.Authority} failed: {reason}", exception));
        }

        Fatal(exception);
        return null;
    }

    /// <summary>Why to call again after a call ended (null: the stream is complete); throws for statuses a retry cannot fix.</summary>
    private Exception? RetryReason(GrpcStatus? status) => status switch
    {
        null => new IOException("the relay ended the stream without a grpc-status"),
        { IsOk: true } when !_options.Follow => null,
        { IsOk: true } => new IOException("the relay ended a follow stream"),
        { Code: GrpcStatusCode.Unavailable } ended => new GrpcStatusException(ended),
        { } ended => throw Fatal(new GrpcStatusException(ended)),
    };

    private Pb.GetFlowsRequest BuildRequest()
    {
        var request = new Pb.GetFlowsRequest { Follow = _options.Follow };
        request.Whitelist.Add(_options.Whitelist);
        request.Blacklist.Add(_options.Blacklist);
        if (_options.Until is { } until)
        {
            request.Until = Timestamp.FromDateTimeOffset(until);
        }

        if (_resume.HasDelivered)
        {
            // Resume where delivery got to; number/first described the first call's history only.
            request.Since = ToTimestamp(_resume.LatestNanos);
            return request;
        }

        request.Number = _options.Number;
        request.First = _options.First;
        if (_options.Since is { } since)
        {
            request.Since = Timestamp.FromDateTimeOffset(since);
        }

        return request;
    }

    /// <summary>Decodes and converts one message; true when it is a new flow for the consumer.</summary>
    private bool Accept(ReadOnlySpan<byte> message, long position, ref FlowEvent flowEvent)
    {
        Pb.GetFlowsResponse response;
        try
        {
            response = Pb.GetFlowsResponse.Parser.ParseFrom(message);
        }
        catch (InvalidProtocolBufferException ex)
        {
            ReportBad(position, $"expected an observer.GetFlowsResponse message: {ex.Message}");
            return false;
        }

        if (response.ResponseTypesCase != Pb.GetFlowsResponse.ResponseTypesOneofCase.Flow)
        {
            if (response.LostEvents is { } lost)
            {
                Counters.AddLostEvents(lost.NumEventsLost);
            }

            Counters.CountSkipped();
            return false;
        }

        if (!_converter.TryConvert(response, ref flowEvent, out var problem))
        {
            ReportBad(position, problem);
            return false;
        }

        var fingerprint = ResumeFilter.Fingerprint(message);
        if (!_resume.IsNew(flowEvent.TimeUnixNanos, fingerprint))
        {
            Counters.CountDuplicate();
            return false;
        }

        _resume.MarkDelivered(flowEvent.TimeUnixNanos, fingerprint);
        Counters.CountReceived();
        return true;
    }

    private void ReportBad(long position, string message)
    {
        Counters.CountBad();
        _onError?.Invoke(new ParseError(_sourceName, position, message));
    }

    /// <summary>Why the handshake failed when our own certificate check refused the relay; null for other failures.</summary>
    private string? TlsFailure(HttpRequestException exception)
    {
        if (exception.HttpRequestError != HttpRequestError.SecureConnectionError)
        {
            return null;
        }

        if (_validator?.LastFailure is { } refused)
        {
            return refused;
        }

        // A handshake the relay aborted (e.g. it wanted a client certificate) is not retried either.
        return exception.InnerException is AuthenticationException auth ? auth.Message : null;
    }

    private TException Fatal<TException>(TException exception)
        where TException : Exception
    {
        Counters.RecordError($"{exception.GetType().Name}: {exception.Message}");
        return exception;
    }
}
