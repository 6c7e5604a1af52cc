using System.Data.Common;
using BowInbox.Core.WhatsApp;
using BowInbox.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Data.SqlClient;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BowInbox.Bench;

/// <summary>
/// The least a webhook endpoint can do on this machine: read the body, check the HMAC, insert one row into
/// the same database with the same connection settings as the app. The product's throughput is compared to it.
/// As a bare relay (<c>relayTo</c> set) it also does the least a relay must: read the sender and text out of
/// the webhook and send them on through the (fake) Graph API, answering once the send is answered.
/// </summary>
internal sealed class BareLimitServer : IAsyncDisposable
{
    // The same per-connection settings as the app's SqlitePragmaInterceptor.
    private const string SqlitePragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;";

    // Rows are stored as already processed, so the app never picks them up on a later start.
    private const string Insert = """INSERT INTO "InboundEvents" ("Payload", "ReceivedAt", "Attempts", "ProcessedAt") VALUES (@payload, @at, 0, @at)""";

    private readonly WebApplication app;
    private readonly HttpClient? relay;

    private BareLimitServer(WebApplication app, string baseUrl, HttpClient? relay)
    {
        this.app = app;
        this.relay = relay;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public static async Task<BareLimitServer> StartAsync(DatabaseProvider provider, string connectionString, string appSecret, string? relayTo = null)
    {
        // Connections kept open to the fake Graph API, as the app's own WhatsApp client keeps them.
        var relay = relayTo is null ? null : new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = new Uri(relayTo.TrimEnd('/') + "/") };
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();

        app.MapPost(WebhookPayloads.Path, async (HttpRequest request, CancellationToken cancellationToken) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, cancellationToken);
            var body = buffer.ToArray();
            if (!WebhookSignature.IsValid(body, request.Headers[WebhookSignature.HeaderName], appSecret))
            {
                return Results.StatusCode(StatusCodes.Status401Unauthorized);
            }

            await using var connection = Connect(provider, connectionString);
            await connection.OpenAsync(cancellationToken);
            if (provider == DatabaseProvider.Sqlite)
            {
                await using var pragmas = connection.CreateCommand();
                pragmas.CommandText = SqlitePragmas;
                await pragmas.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var insert = connection.CreateCommand();
            insert.CommandText = Insert;
            Parameter(insert, "@payload", System.Text.Encoding.UTF8.GetString(body));
            Parameter(insert, "@at", DateTime.UtcNow);
            await insert.ExecuteNonQueryAsync(cancellationToken);
            if (relay is not null)
            {
                using var sent = await relay.PostAsync(RelayPath, RelayedSend(body), cancellationToken);
                return sent.IsSuccessStatusCode ? Results.Ok() : Results.StatusCode(StatusCodes.Status502BadGateway);
            }

            return Results.Ok();
        });

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new BareLimitServer(app, address.TrimEnd('/'), relay);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        relay?.Dispose();
    }

    /// <summary>The bare relay's sends come from this number, none of the app's, so the fake Graph API does not count them as the product's.</summary>
    public const string RelayPhoneNumberId = "100000000000000";

    private static string RelayPath => $"{RelayPhoneNumberId}/messages";

    /// <summary>The sender and text of the webhook's message, as a text send to that sender.</summary>
    private static StringContent RelayedSend(byte[] webhook)
    {
        using var document = System.Text.Json.JsonDocument.Parse(webhook);
        var message = document.RootElement.GetProperty("entry")[0].GetProperty("changes")[0].GetProperty("value").GetProperty("messages")[0];
        var send = System.Text.Json.JsonSerializer.Serialize(new
        {
            messaging_product = "whatsapp",
            to = message.GetProperty("from").GetString(),
            type = "text",
            text = new { body = message.GetProperty("text").GetProperty("body").GetString() },
        });
        return new StringContent(send, System.Text.Encoding.UTF8, "application/json");
    }

    private static DbConnection Connect(DatabaseProvider provider, string connectionString) => provider switch
    {
        DatabaseProvider.Sqlite => new SqliteConnection(connectionString),
        DatabaseProvider.SqlServer => new SqlConnection(connectionString),
        DatabaseProvider.Postgres => new Npgsql.NpgsqlConnection(connectionString),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };

    private static void Parameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
