using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace BowInbox.Web.Webhooks;

public static class WebhooksSetup
{
    public const string AdminPolicy = "WebhookAdmins";

    /// <summary>Outgoing events: subscriptions for Admins, the dispatcher and its HTTP client.</summary>
    public static void AddOutgoingWebhooks(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<WebhookOptions>().Bind(builder.Configuration.GetSection(WebhookOptions.Section));
        services.AddHttpClient(WebhookSender.ClientName, (sp, client) =>
        {
            client.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<WebhookOptions>>().Value.TimeoutSeconds);
            client.DefaultRequestHeaders.UserAgent.ParseAdd("BowInbox-Webhooks/1");
        });
        services.AddSingleton<WebhookSecrets>();
        services.AddSingleton<WebhookSignal>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<WebhookFanOut>();
        services.AddSingleton<WebhookDeliveryRecorder>();
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<WebhookDeliveryClaims>(
            sp, TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<WebhookOptions>>().Value.LeaseSeconds)));
        services.AddSingleton<WebhookSubscriptions>();
        services.AddSingleton<WebhookDeliveryLog>();
        services.AddHostedService<WebhookDispatcher>();
        services.AddAuthorizationBuilder().AddPolicy(AdminPolicy, policy => policy.RequireRole(Data.Identity.Roles.Admin));
    }

    /// <summary>
    /// <c>POST /admin/webhooks/{id}/test</c>: queues a signed ping, for Admins signed in (a form post with its
    /// antiforgery token, so a link on another site cannot send one). 202 with the event id, 404 for no such subscription.
    /// </summary>
    public static void MapOutgoingWebhooks(this WebApplication app)
    {
        app.MapPost("/admin/webhooks/{id:int}/test", async (int id, HttpContext http, WebhookDeliveryLog log, IAntiforgery antiforgery, CancellationToken ct) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Send the test from /admin/webhooks: this request did not come from it.");
            }

            return await log.SendTestAsync(http.User, id, ct) is { } eventId
                ? Results.Accepted(value: new { eventId })
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"There is no webhook subscription {id}.");
        }).RequireAuthorization(AdminPolicy);
    }
}
