using System.Security.Claims;
using BowInbox.Core.Api;
using BowInbox.Core.Audit;
using BowInbox.Core.Tickets;
using BowInbox.Data;
using BowInbox.Web.Audit;
using BowInbox.Web.Inbox;
using BowInbox.Web.Relay;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Api;

/// <summary><c>/api/v1/tickets</c>: list and read tickets and transcripts (read scope); change status, assign, note (write scope).</summary>
public static class TicketsApi
{
    public static void MapTickets(this RouteGroupBuilder api)
    {
        var read = api.MapGroup("/tickets").WithTags("Tickets").RequireAuthorization(ApiPolicies.For(ApiScopes.Read));
        read.MapGet("/", ListAsync).WithSummary("List tickets")
            .WithDescription("Most recently active first. Filters combine; paging is 1-based, at most 100 a page. Masked content only.");
        read.MapGet("/{id:int}", GetAsync).WithSummary("Read one ticket").ProducesProblem(StatusCodes.Status404NotFound);
        read.MapGet("/{id:int}/transcript", TranscriptAsync).WithSummary("Read a ticket's transcript")
            .WithDescription("Masked like the transcript export; every read is audited.").ProducesProblem(StatusCodes.Status404NotFound);

        var write = api.MapGroup("/tickets").WithTags("Tickets").RequireAuthorization(ApiPolicies.For(ApiScopes.Write)).WithMetadata(new Idempotent())
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        write.MapPost("/{id:int}/status", ChangeStatusAsync).WithSummary("Change a ticket's status");
        write.MapPost("/{id:int}/assign", AssignAsync).WithSummary("Assign a technician")
            .WithDescription("Opens the relay on a pool number and briefs the technician. Taking a ticket from another technician is refused (409).");
        write.MapPost("/{id:int}/notes", AddNoteAsync).WithSummary("Add an internal note");
    }

    private static async Task<Results<Ok<TicketPage>, ValidationProblem>> ListAsync(
        IDbContextFactory<InboxDbContext> contexts, CancellationToken cancellationToken,
        string? status = null, int? group = null, int? provider = null, string? externalKind = null, string? externalId = null,
        DateTimeOffset? updatedSince = null, int page = 1, int pageSize = 25)
    {
        var errors = new Dictionary<string, string[]>();
        TicketStatus? parsed = null;
        if (status is not null)
        {
            if (Enum.TryParse<TicketStatus>(status, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(status, out _))
            {
                parsed = value;
            }
            else
            {
                errors["status"] = [$"Unknown status; use one of {string.Join(", ", Enum.GetNames<TicketStatus>())}."];
            }
        }

        if (page < 1)
        {
            errors["page"] = ["Pages start at 1."];
        }

        if (pageSize is < 1 or > ApiTicketQueries.MaxPageSize)
        {
            errors["pageSize"] = [$"A page holds 1 to {ApiTicketQueries.MaxPageSize} tickets."];
        }

        if (externalKind is not null && externalId is null)
        {
            errors["externalId"] = ["Give the external id to filter by (the kind alone is not a filter)."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The request is not valid");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var filter = new TicketFilter(parsed, group, provider, externalKind, externalId?.Trim(), updatedSince?.UtcDateTime, page, pageSize);
        return TypedResults.Ok(await ApiTicketQueries.ListAsync(db, filter, cancellationToken));
    }

    private static async Task<Results<Ok<TicketView>, ProblemHttpResult>> GetAsync(int id, IDbContextFactory<InboxDbContext> contexts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await ApiTicketQueries.GetAsync(db, id, cancellationToken) is { } view ? TypedResults.Ok(view) : Missing(id);
    }

    private static async Task<Results<Ok<TranscriptView>, ProblemHttpResult>> TranscriptAsync(
        int id, ClaimsPrincipal user, IDbContextFactory<InboxDbContext> contexts, Privacy.OriginalTexts originals, AuditLog audit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var transcript = await TranscriptReader.LoadAsync(db, originals, id, cancellationToken);
        var ticket = await ApiTicketQueries.GetAsync(db, id, cancellationToken);
        if (transcript is null || ticket is null)
        {
            return Missing(id);
        }

        await audit.WriteAsync(ApiCaller.Actor(user), AuditActions.TranscriptViewed, Transcripts.Target(id), "read through the API", cancellationToken);

        // The API's own shape: no original (pre-redaction) texts and no pool numbers, only masked text.
        return TypedResults.Ok(new TranscriptView(
            ticket,
            transcript.Messages.Select(m => new TranscriptMessageView(m.Id, m.At, m.Direction.ToString(), NumberMask.Mask(m.Author)!, m.Type, NumberMask.Mask(m.Text), m.DeliveryStatus, m.Violations.Count)).ToList(),
            transcript.RelaySessions.Select(s => new TranscriptSessionView(NumberMask.Mask(s.Provider)!, s.OpenedAt, s.ClosedAt, s.CloseReason)).ToList(),
            transcript.Timeline.Select(e => new TranscriptEventView(e.At, e.Kind, NumberMask.Mask(e.Detail)!, e.Actor)).ToList()));
    }

    private static async Task<Results<Ok<TicketActionResult>, ValidationProblem, ProblemHttpResult>> ChangeStatusAsync(
        int id, StatusChangeBody body, ClaimsPrincipal user, TicketActions actions, IDbContextFactory<InboxDbContext> contexts, CancellationToken cancellationToken)
    {
        if (body.Status is null || !Enum.TryParse<TicketStatus>(body.Status, ignoreCase: true, out var next) || !Enum.IsDefined(next) || int.TryParse(body.Status, out _))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = [$"Give a status: one of {string.Join(", ", Enum.GetNames<TicketStatus>())}."] }, title: "The request is not valid");
        }

        return await ActAsync(id, contexts, () => actions.MoveAsync(user, id, next), cancellationToken);
    }

    private static async Task<Results<Ok<TicketActionResult>, ValidationProblem, ProblemHttpResult>> AssignAsync(
        int id, AssignBody body, ClaimsPrincipal user, RelayAssignment assignment, IDbContextFactory<InboxDbContext> contexts, CancellationToken cancellationToken)
    {
        if (body.ProviderId is not { } providerId)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["providerId"] = ["Give the id of the technician to assign."] }, title: "The request is not valid");
        }

        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (!await db.Providers.AnyAsync(p => p.Id == providerId, cancellationToken))
            {
                return TypedResults.Problem($"There is no technician {providerId}.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
            }
        }

        return await ActAsync(id, contexts, () => assignment.AssignAsync(user, id, providerId, cancellationToken), cancellationToken);
    }

    private static async Task<Results<Ok<TicketActionResult>, ValidationProblem, ProblemHttpResult>> AddNoteAsync(
        int id, NoteBody body, ClaimsPrincipal user, TicketActions actions, IDbContextFactory<InboxDbContext> contexts, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.Text) || body.Text.Length > TicketActions.MaxNoteLength)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["text"] = [$"Write the note: 1 to {TicketActions.MaxNoteLength:N0} characters."] }, title: "The request is not valid");
        }

        return await ActAsync(id, contexts, () => actions.AddNoteAsync(user, new StaffAuthor("", ApiCaller.Actor(user)), id, body.Text), cancellationToken);
    }

    /// <summary>Runs a staff action (which checks access and the lifecycle itself): 404 for no such ticket, 409 for a refused move.</summary>
    private static async Task<Results<Ok<TicketActionResult>, ValidationProblem, ProblemHttpResult>> ActAsync(
        int id, IDbContextFactory<InboxDbContext> contexts, Func<Task<ActionResult>> act, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Tickets.AnyAsync(t => t.Id == id, cancellationToken))
        {
            return Missing(id);
        }

        var result = await act();
        if (!result.Succeeded)
        {
            return TypedResults.Problem(NumberMask.Mask(result.Message), statusCode: StatusCodes.Status409Conflict, title: "Conflict");
        }

        return TypedResults.Ok(new TicketActionResult(result.Message, (await ApiTicketQueries.GetAsync(db, id, cancellationToken))!));
    }

    private static ProblemHttpResult Missing(int id) => TypedResults.Problem($"There is no ticket {id}.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
