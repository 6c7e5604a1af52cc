using System.Security.Claims;
using BowInbox.Core.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BowInbox.Web.Api;

/// <summary><c>/api/v1/sessions</c> (sessions scope): relay sessions for confirmed bookings, each visible only to the key that opened it.</summary>
public static class SessionsApi
{
    public static void MapSessions(this RouteGroupBuilder api)
    {
        var sessions = api.MapGroup("/sessions").WithTags("Sessions").RequireAuthorization(ApiPolicies.For(ApiScopes.Sessions));
        sessions.MapPost("/", OpenAsync).WithMetadata(new Idempotent())
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity).WithSummary("Open a relay session for a confirmed booking")
            .WithDescription("Assigns the technician to the booking's ticket (the open one with this customer and reference, else a new one) and opens the "
                + "relay on a pool number; the technician is briefed and the customer told who is coming, with templates outside the 24-hour window.");
        sessions.MapPatch("/{id:long}", CloseAsync).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Close a relay session").WithDescription("Ends the relay and resolves the booking's ticket.");
        sessions.MapGet("/", ListAsync).WithSummary("List this key's sessions with their state");
    }

    private static async Task<Results<Created<SessionView>, ValidationProblem, ProblemHttpResult>> OpenAsync(
        SessionBody body, ClaimsPrincipal user, BookingSessions sessions, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var customer = ApiRequests.Customer(body.WhatsApp, body.Name, errors);
        var reference = ApiRequests.Reference(body.ExternalReference, required: true, errors);
        var service = ApiRequests.Optional(body.Service, "service", errors);
        var area = ApiRequests.Optional(body.Area, "area", errors);
        if (body.ProviderId is null)
        {
            errors.Add("providerId", "Give the id of the technician the booking is with.");
        }

        if (errors.Any || customer is null || reference is null)
        {
            return errors.ToValidationResult();
        }

        var result = await sessions.OpenAsync(user, new ValidSession(customer, body.ProviderId!.Value, reference, service, area), cancellationToken);
        return result.Outcome switch
        {
            SessionOutcome.Done => TypedResults.Created($"/api/v1/sessions/{result.Session!.Id}", result.Session),
            SessionOutcome.NotFound => TypedResults.Problem(result.Message, statusCode: StatusCodes.Status404NotFound, title: "Not found"),
            _ => TypedResults.Problem(result.Message, statusCode: StatusCodes.Status409Conflict, title: "Conflict"),
        };
    }

    private static async Task<Results<Ok<SessionView>, ValidationProblem, ProblemHttpResult>> CloseAsync(
        long id, SessionChangeBody body, ClaimsPrincipal user, BookingSessions sessions, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (!string.Equals(body.State, "closed", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("state", "A session can only be closed: send {\"state\": \"closed\"}.");
        }

        if (body.Reason?.Length > 200 || (body.Reason is { } reason && Core.Audit.NumberMask.Mask(reason) != reason))
        {
            errors.Add("reason", "At most 200 characters, without phone numbers or email addresses.");
        }

        if (errors.Any)
        {
            return errors.ToValidationResult();
        }

        var result = await sessions.CloseAsync(user, id, string.IsNullOrWhiteSpace(body.Reason) ? "closed through the API" : body.Reason.Trim(), cancellationToken);
        return result.Outcome switch
        {
            SessionOutcome.Done => TypedResults.Ok(result.Session!),
            SessionOutcome.NotFound => TypedResults.Problem(result.Message, statusCode: StatusCodes.Status404NotFound, title: "Not found"),
            _ => TypedResults.Problem(result.Message, statusCode: StatusCodes.Status409Conflict, title: "Conflict"),
        };
    }

    private static async Task<Results<Ok<SessionList>, ValidationProblem>> ListAsync(
        ClaimsPrincipal user, BookingSessions sessions, CancellationToken cancellationToken, string? externalKind = null, string? externalId = null, string? state = null)
    {
        if (state is not null and not ("open" or "closed"))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["state"] = ["open or closed."] }, title: "The request is not valid");
        }

        var open = state is null ? (bool?)null : state == "open";
        return TypedResults.Ok(new SessionList(await sessions.ListAsync(user, externalKind, externalId?.Trim(), open, cancellationToken)));
    }
}
