using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BowInbox.Bench;

/// <summary>
/// Meta's Graph API as the app sees it, answering every send at once or after a fixed latency (as Meta's real
/// answers take a while). Sends from a pool number are the relay's output: their text carries the bench token of
/// the webhook that caused them; they count as relayed when received, before the answer. So do sends from the
/// central number that carry a token: providers' replies relayed to their customers (other central sends carry none).
/// The bare relay's sends (<see cref="BareLimitServer.RelayPhoneNumberId"/>) are answered and not counted.
/// </summary>
internal sealed class FakeGraphApi : IAsyncDisposable
{
    public const string Version = "v25.0";

    private readonly WebApplication app;
    private long sends;

    private FakeGraphApi(WebApplication app) => this.app = app;

    public string BaseUrl { get; private set; } = "";

    public long Sends => Interlocked.Read(ref sends);

    public static async Task<FakeGraphApi> StartAsync(RelayTracker tracker, string centralPhoneNumberId, TimeSpan latency = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        var fake = new FakeGraphApi(app);

        app.MapPost($"/{Version}/{{phoneNumberId}}/messages", async (string phoneNumberId, HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var n = Interlocked.Increment(ref fake.sends);
            if (phoneNumberId != BareLimitServer.RelayPhoneNumberId)
            {
                tracker.MarkRelayed(body, fromPool: phoneNumberId != centralPhoneNumberId);
            }

            if (latency > TimeSpan.Zero)
            {
                await Task.Delay(latency);
            }

            return Results.Text($$"""{"messaging_product":"whatsapp","messages":[{"id":"wamid.B{{n}}"}]}""", "application/json");
        });

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        fake.BaseUrl = $"{address.TrimEnd('/')}/{Version}";
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
