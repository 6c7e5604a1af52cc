using Microsoft.AspNetCore.Antiforgery;
using BowInbox.Data.Identity;

namespace BowInbox.Web.Audit;

public static class AuditSetup
{
    public const string SupervisorPolicy = "Supervisors";

    /// <summary>Transcripts, number reveals, the audit page's queries and supervisors' WhatsApp commands.</summary>
    public static void AddSupervisorAudit(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SupervisorOptions>().Bind(builder.Configuration.GetSection(SupervisorOptions.Section));
        builder.Services.AddSingleton<AuditQueries>();
        builder.Services.AddSingleton<Transcripts>();
        builder.Services.AddSingleton<NumberReveal>();
        builder.Services.AddSingleton<SupervisorCommands>();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(SupervisorPolicy, policy => policy.RequireRole(Roles.Supervisor, Roles.Admin));
    }

    /// <summary>
    /// Transcript exports, for Supervisors and Admins only; everyone else is turned away before the handler runs. An
    /// export writes to the audit log in the exporter's name, so it is a POST from the transcript page's form with its
    /// antiforgery token: a link on another site cannot make a supervisor export.
    /// </summary>
    public static void MapSupervisorAudit(this WebApplication app)
    {
        var sessions = app.MapGroup("/supervisor/sessions/{ticketId:int}").RequireAuthorization(SupervisorPolicy)
            .WithMetadata(new Hardening.RequestLimit(Hardening.RequestLimitKind.ExportPerUser));
        sessions.MapPost("/export.csv", (int ticketId, HttpContext http, Transcripts transcripts, IAntiforgery antiforgery, CancellationToken ct) => ExportAsync(ticketId, http, transcripts, antiforgery, TranscriptFormat.Csv, ct));
        sessions.MapPost("/export.json", (int ticketId, HttpContext http, Transcripts transcripts, IAntiforgery antiforgery, CancellationToken ct) => ExportAsync(ticketId, http, transcripts, antiforgery, TranscriptFormat.Json, ct));
    }

    private static async Task<IResult> ExportAsync(int ticketId, HttpContext http, Transcripts transcripts, IAntiforgery antiforgery, TranscriptFormat format, CancellationToken cancellationToken)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Export from the transcript page: this request did not come from it.");
        }

        var export = await transcripts.ExportAsync(http.User, ticketId, format, cancellationToken);
        return export is { } file
            ? Results.File(System.Text.Encoding.UTF8.GetBytes(file.Content), file.ContentType, file.FileName)
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"Ticket #{ticketId} does not exist.");
    }
}
