namespace AutoShield.Kubernetes.Client.Errors;

/// <summary>
/// An error answer from the Kubernetes API, with its Status. <see cref="Create"/> picks the typed subclass for the
/// code and reason (NotFound, AlreadyExists, Conflict, Invalid, Forbidden, ...), so callers catch what they handle.
/// </summary>
public class KubernetesApiException : Exception
{
    public KubernetesApiException(ApiStatus status)
        : base(status?.Message)
    {
        ArgumentNullException.ThrowIfNull(status);
        Status = status;
    }

    public KubernetesApiException()
        : this(new ApiStatus(0, "", "unknown error"))
    {
    }

    public KubernetesApiException(string message)
        : this(new ApiStatus(0, "", message))
    {
    }

    public KubernetesApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = new ApiStatus(0, "", message);
    }

    public ApiStatus Status { get; }

    /// <summary>The HTTP status code (404, 409, 422, ...).</summary>
    public int StatusCode => Status.Code;

    /// <summary>The Status reason (NotFound, AlreadyExists, Conflict, Invalid, Forbidden, Expired, ...).</summary>
    public string Reason => Status.Reason;

    public static KubernetesApiException Create(ApiStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return status.Code switch
        {
            400 => new KubernetesBadRequestException(status),
            401 => new KubernetesUnauthorizedException(status),
            403 => new KubernetesForbiddenException(status),
            404 => new KubernetesNotFoundException(status),
            409 when status.Reason == "AlreadyExists" => new KubernetesAlreadyExistsException(status),
            409 => new KubernetesConflictException(status),
            410 => new KubernetesGoneException(status),
            415 => new KubernetesUnsupportedMediaTypeException(status),
            422 => new KubernetesInvalidException(status),
            429 => new KubernetesTooManyRequestsException(status),
            >= 500 => new KubernetesServerErrorException(status),
            _ => new KubernetesApiException(status),
        };
    }
}
