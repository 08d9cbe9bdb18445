using System.Net;
using AutoShield.Ingestion.Hubble.Grpc;

namespace AutoShield.Ingestion.Tests.Hubble.Grpc;

public sealed class GrpcStatusReaderTests
{
    [Fact]
    public void Read_StatusAndPercentEncodedMessage_Decodes()
    {
        // Arrange
        using var response = new HttpResponseMessage();
        response.TrailingHeaders.TryAddWithoutValidation("grpc-status", "14");
        response.TrailingHeaders.TryAddWithoutValidation("grpc-message", "relay%20restarting%3A%20%E2%9C%93");

        // Act
        var status = GrpcStatusReader.Read(response.TrailingHeaders);

        // Assert
        Assert.Equal(new GrpcStatus(GrpcStatusCode.Unavailable, "relay restarting: \u2713"), status);
    }

    [Fact]
    public void Read_NoStatus_ReturnsNull()
    {
        // Arrange
        using var response = new HttpResponseMessage();

        // Act + Assert
        Assert.Null(GrpcStatusReader.Read(response.TrailingHeaders));
    }

    [Theory]
    [InlineData("99")]
    [InlineData("abc")]
    public void Read_UnparseableStatus_IsUnknownAndSaysSo(string value)
    {
        // Arrange
        using var response = new HttpResponseMessage();
        response.TrailingHeaders.TryAddWithoutValidation("grpc-status", value);

        // Act
        var status = GrpcStatusReader.Read(response.TrailingHeaders)!.Value;

        // Assert
        Assert.Equal(GrpcStatusCode.Unknown, status.Code);
        Assert.Contains(value, status.Message);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound, GrpcStatusCode.Unimplemented)]
    [InlineData(HttpStatusCode.ServiceUnavailable, GrpcStatusCode.Unavailable)]
    [InlineData(HttpStatusCode.BadGateway, GrpcStatusCode.Unavailable)]
    [InlineData(HttpStatusCode.Unauthorized, GrpcStatusCode.Unauthenticated)]
    [InlineData(HttpStatusCode.Forbidden, GrpcStatusCode.PermissionDenied)]
    [InlineData(HttpStatusCode.InternalServerError, GrpcStatusCode.Unknown)]
    public void FromHttpStatus_NonGrpcAnswer_MapsAsGrpcSpecifies(HttpStatusCode http, GrpcStatusCode expected)
    {
        // Act
        var status = GrpcStatusReader.FromHttpStatus(http);

        // Assert
        Assert.Equal(expected, status.Code);
        Assert.Contains(((int)http).ToString(System.Globalization.CultureInfo.InvariantCulture), status.Message);
    }
}
