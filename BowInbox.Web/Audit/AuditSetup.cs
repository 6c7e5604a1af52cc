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

    /// <summary>Transcript exports by URL, for Supervisors and Admins only; everyone else is turned away before the handler runs.</summary>
    public static void MapSupervisorAudit(this WebApplication app)
    {
        var sessions = app.MapGroup("/supervisor/sessions/{ticketId:int}").RequireAuthorization(SupervisorPolicy);
        sessions.MapGet("/export.csv", (int ticketId, HttpContext http, Transcripts transcripts, CancellationToken ct) => ExportAsync(ticketId, http, transcripts, TranscriptFormat.Csv, ct));
        sessions.MapGet("/export.json", (int ticketId, HttpContext http, Transcripts transcripts, CancellationToken ct) => ExportAsync(ticketId, http, transcripts, TranscriptFormat.Json, ct));
    }

    private static async Task<IResult> ExportAsync(int ticketId, HttpContext http, Transcripts transcripts, TranscriptFormat format, CancellationToken cancellationToken)
    {
        var export = await transcripts.ExportAsync(http.User, ticketId, format, cancellationToken);
        return export is { } file
            ? Results.File(System.Text.Encoding.UTF8.GetBytes(file.Content), file.ContentType, file.FileName)
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"Ticket #{ticketId} does not exist.");
    }
}
