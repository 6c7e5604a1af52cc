using BowInbox.Core.Api;
using BowInbox.Web.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BowInbox.Web.Api;

/// <summary><c>/api/v1/webhooks/test</c> (webhooks scope): a signed ping to one subscription, so a receiver can be checked end to end.</summary>
public static class WebhooksApi
{
    public static void MapWebhookTests(this RouteGroupBuilder api)
    {
        api.MapPost("/webhooks/test", SendTestAsync).WithTags("Webhooks").RequireAuthorization(ApiPolicies.For(ApiScopes.Webhooks))
            .WithMetadata(new Idempotent()).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Send a signed test event to a webhook subscription")
            .WithDescription("Queues a `ping` event for the subscription, delivered and signed like every other event (header `BowInbox-Signature`). "
                + "Answers 202 with the event id; the delivery shows in the subscription's log at /admin/webhooks.");
    }

    private static async Task<Results<Accepted<WebhookTestQueued>, ValidationProblem, ProblemHttpResult>> SendTestAsync(
        WebhookTestBody body, WebhookDeliveryLog deliveries, CancellationToken cancellationToken)
    {
        if (body.SubscriptionId is not { } id || id <= 0)
        {
            var errors = new FieldErrors();
            errors.Add("subscriptionId", "Give the id of a webhook subscription (shown at /admin/webhooks).");
            return errors.ToValidationResult();
        }

        var eventId = await deliveries.QueueTestAsync(id, cancellationToken);
        return eventId is null
            ? TypedResults.Problem($"There is no webhook subscription {id}.", statusCode: StatusCodes.Status404NotFound, title: "Not found")
            : TypedResults.Accepted((string?)null, new WebhookTestQueued(eventId));
    }
}

/// <summary>Which subscription to ping.</summary>
public sealed record WebhookTestBody(int? SubscriptionId);

/// <summary>The queued ping's event id, as the receiver will see it.</summary>
public sealed record WebhookTestQueued(string EventId);
