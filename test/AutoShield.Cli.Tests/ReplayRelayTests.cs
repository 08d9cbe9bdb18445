using System.Text.Json;
using AutoShield.Cli.Commands;
using AutoShield.Cli.Infrastructure;
using AutoShield.Ingestion.Hubble.Grpc;
using AutoShield.Ingestion.Protos.Hubble;
using AutoShield.Testing;
using AutoShield.Testing.Hubble;
using Google.Protobuf;

namespace AutoShield.Cli.Tests;

public sealed class ReplayRelayTests
{
    private const string Sample = "basic-sample-400-tcp-flows.json";

    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    [Fact]
    public async Task Replay_RelayStreamingRecordedFlows_PrintsTheSameSummaryAsTheFile()
    {
        // Arrange
        var flows = Load(Sample);
        await using var relay = await FakeHubbleRelay.StartAsync(async call =>
        {
            await call.SendAsync(flows);
            call.Finish(GrpcStatusCode.Ok);
        });
        var fromFile = CliRunner.Run("replay", SharedData.Hubble(Sample), "--output", "json");

        // Act
        var (code, stdout, stderr) = await Task.Run(() => CliRunner.Run("replay", "--relay", relay.Address, "--output", "json"));

        // Assert
        Assert.True(code == ExitCodes.Ok, stderr);
        using var live = JsonDocument.Parse(stdout);
        using var recorded = JsonDocument.Parse(fromFile.Out);
        Assert.Equal(flows.Count, live.RootElement.GetProperty("events").GetInt64());
        foreach (var field in new[] { "events", "errors", "connections", "windows", "pairs", "pairs_seen" })
        {
            Assert.Equal(recorded.RootElement.GetProperty(field).GetInt64(), live.RootElement.GetProperty(field).GetInt64());
        }

        var request = Assert.Single(relay.Requests);
        Assert.False(request.Follow);
    }

    [Fact]
    public async Task Replay_CountWithoutFollow_AsksForTheLastNAndStopsAfterN()
    {
        // Arrange
        var flows = Load(Sample);
        await using var relay = await FakeHubbleRelay.StartAsync(async call =>
        {
            await call.SendAsync(flows);
            call.Finish(GrpcStatusCode.Ok);
        });

        // Act
        var (code, stdout, stderr) = await Task.Run(() => CliRunner.Run("replay", "--relay", relay.Address, "--count", "25"));

        // Assert
        Assert.True(code == ExitCodes.Ok, stderr);
        Assert.Contains($"relay {relay.Address} (hubble): 25 events, 0 malformed", stdout);
        Assert.Contains("events       25 ", stdout);
        Assert.Equal(25UL, Assert.Single(relay.Requests).Number);
    }

    [Fact]
    public async Task ExecuteRelay_FollowCancelled_EndsCleanlyWithTheSummary()
    {
        // Arrange
        var flows = Load(Sample).Take(30).ToList();
        var sent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var relay = await FakeHubbleRelay.StartAsync(async call =>
        {
            await call.SendAsync(flows);
            sent.TrySetResult();
            await call.WaitForClientToLeaveAsync();
        });
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var settings = new ReplayRelaySettings(new HubbleRelayClientOptions { Address = relay.Address, Follow = true, Since = DateTimeOffset.UnixEpoch });
        using var stop = new CancellationTokenSource();

        // Act
        var run = Task.Run(() => ReplayCommand.ExecuteRelay(new CliContext(stdout, stderr), settings, OutputFormat.Text, strict: false, maxPairs: 1000, stop.Token));
        await sent.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await stop.CancelAsync();
        var code = await run.WaitAsync(TimeSpan.FromSeconds(60));

        // Assert
        Assert.True(code == ExitCodes.Ok, stderr.ToString());
        Assert.Contains("connections ", stdout.ToString());
        Assert.Contains("windows ", stdout.ToString());
        var request = Assert.Single(relay.Requests);
        Assert.True(request.Follow);
        Assert.NotNull(request.Since);
    }

    [Fact]
    public async Task Replay_MutualTlsWithSinceAndFollow_PresentsTheClientCertificateAndSendsTheFilter()
    {
        // Arrange
        using var pki = TestPki.Create("Hubble CA", "127.0.0.1");
        var flows = Load("basic-sample-10-flows.json");
        string? subject = null;
        await using var relay = await FakeHubbleRelay.StartAsync(
            async call =>
            {
                subject = call.ClientCertificateSubject;
                await call.SendAsync(flows);
                await call.WaitForClientToLeaveAsync();
            },
            pki.Server,
            clientCa: pki.Ca);

        // Act
        var (code, stdout, stderr) = await Task.Run(() => CliRunner.Run(
            "replay", "--relay", relay.Address, "--relay-ca", pki.CaPemPath, "--relay-cert", pki.ClientCertificatePemPath,
            "--relay-key", pki.ClientKeyPemPath, "--since", "10m", "--follow", "--count", $"{flows.Count}"));

        // Assert
        Assert.True(code == ExitCodes.Ok, stderr);
        Assert.Contains($"{flows.Count} events, 0 malformed", stdout);
        Assert.Equal(pki.Client.Subject, subject);
        var request = Assert.Single(relay.Requests);
        Assert.True(request.Follow);
        Assert.NotNull(request.Since);
        Assert.Equal(0UL, request.Number);
    }

    [Theory]
    [InlineData("--follow")]
    [InlineData("--since", "5m")]
    [InlineData("--count", "3")]
    public void Replay_RelayOptionWithoutRelay_IsAUsageError(params string[] option)
    {
        // Act
        var (code, _, stderr) = CliRunner.Run(["replay", SharedData.Hubble(Sample), .. option]);

        // Assert
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("apply to --relay only", stderr);
    }

    [Theory]
    [InlineData("replay")]
    [InlineData("replay", "some-file.json", "--relay", "localhost:4245")]
    [InlineData("replay", "--relay", "localhost:4245", "--since", "soon")]
    [InlineData("replay", "--relay", "localhost:4245", "--count", "0")]
    public void Replay_BadRelayArguments_AreUsageErrors(params string[] args)
    {
        // Act
        var (code, _, stderr) = CliRunner.Run(args);

        // Assert
        Assert.Equal(ExitCodes.Usage, code);
        Assert.StartsWith("error: ", stderr);
    }

    private static List<GetFlowsResponse> Load(string file) =>
        [.. File.ReadLines(SharedData.Hubble(file)).Where(line => line.Length > 0).Select(Parser.Parse<GetFlowsResponse>)];
}
