using System.Security.Claims;
using BowInbox.Core.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BowInbox.Web.Api;

/// <summary><c>POST /api/v1/leads</c> (write scope): a lead from the marketplace's form or app becomes a ticket.</summary>
public static class LeadsApi
{
    public static void MapLeads(this RouteGroupBuilder api)
        => api.MapPost("/leads", CreateAsync).WithTags("Leads").RequireAuthorization(ApiPolicies.For(ApiScopes.Write)).WithMetadata(new Idempotent())
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Create a lead")
            .WithDescription("Creates the customer (stored protected) and a ticket, and starts the WhatsApp conversation from the central number with "
                + "the approved follow-up template. The lead then follows intake, routing and SLA like one that began on WhatsApp.");

    private static async Task<Results<Created<LeadCreated>, ValidationProblem>> CreateAsync(LeadBody body, ClaimsPrincipal user, ApiLeads leads, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var customer = ApiRequests.Customer(body.WhatsApp, body.Name, errors);
        if (string.IsNullOrWhiteSpace(body.Text) || body.Text.Length > ApiRequests.MaxTextLength)
        {
            errors.Add("text", $"Give the customer's request (1 to {ApiRequests.MaxTextLength:N0} characters).");
        }

        var service = ApiRequests.Optional(body.Service, "service", errors);
        var area = ApiRequests.Optional(body.Area, "area", errors);
        var urgency = ApiRequests.UrgencyOf(body.Urgency, errors);
        var reference = ApiRequests.Reference(body.ExternalReference, required: false, errors);
        if (errors.Any || customer is null)
        {
            return errors.ToValidationResult();
        }

        var created = await leads.CreateAsync(new ValidLead(customer, body.Text!.Trim(), service, area, urgency, reference), ApiCaller.Actor(user), cancellationToken);
        return TypedResults.Created($"/api/v1/tickets/{created.TicketId}", created);
    }
}
