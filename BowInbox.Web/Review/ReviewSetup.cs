using BowInbox.Core.Review;
using BowInbox.Data;
using BowInbox.Web.Audit;
using BowInbox.Web.Media;
using BowInbox.Web.WhatsApp;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Review;

public static class ReviewSetup
{
    /// <summary>Media scanning (OCR, PDF text, speech-to-text) and the hold for review with its SLA job.</summary>
    public static void AddMediaReview(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<MediaScanOptions>().BindConfiguration(MediaScanOptions.Section);
        services.AddOptions<HeldReviewOptions>().BindConfiguration(HeldReviewOptions.Section);
        services.AddSingleton<TesseractOcr>();
        services.AddSingleton<PdfReader>();
        services.AddHttpClient<SpeechTranscriber>();
        services.AddSingleton<IMediaScanner>(sp => new MediaScanner(
            sp.GetRequiredService<TesseractOcr>(), sp.GetRequiredService<PdfReader>(), sp.GetRequiredService<SpeechTranscriber>(),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<MediaScanOptions>>()));
        services.AddSingleton<MediaScanCache>();
        services.AddSingleton<MediaPrescan>();
        services.AddSingleton<HeldItems>();
        services.AddSingleton<HeldQueue>();
        services.AddTransient<HeldReviewOverdueJob>();
        services.AddHostedService<HeldReviewSchedule>();
        services.AddHealthChecks().AddCheck<MediaScanningHealth>(MediaScanningHealth.Name);
    }

    /// <summary>
    /// A held file, for Supervisors and Admins only, from the media store or else from WhatsApp: images are shown as what they are, anything else is downloaded as
    /// bytes (never rendered by the browser as the type its sender claimed).
    /// </summary>
    public static void MapMediaReview(this WebApplication app)
        => app.MapGet("/supervisor/held/{id:long}/media", async (long id, HttpContext http, IDbContextFactory<InboxDbContext> contexts, IServiceProvider services, AuditLog audit, CancellationToken ct) =>
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var item = await db.HeldItems.AsNoTracking().Where(h => h.Id == id).Select(h => new { h.TicketId, h.MediaId, h.MediaMimeType }).FirstOrDefaultAsync(ct);
            if (item?.MediaId is null)
            {
                return Results.NotFound();
            }

            // The app's own copy first (WhatsApp forgets the id after 7 days), then WhatsApp for a file not stored yet.
            var content = await services.GetRequiredService<MediaStore>().ReadAsync(db, item.MediaId, ct)
                ?? (await services.GetRequiredService<IWhatsAppClient>().DownloadMediaAsync(item.MediaId, ct)).Content;
            if (content is null)
            {
                return Results.Problem(statusCode: StatusCodes.Status502BadGateway, title: "WhatsApp did not return the file; it may have expired.");
            }

            await audit.WriteAsync(http.User.Identity?.Name ?? "unknown", AuditActions.HeldMediaViewed, $"ticket #{item.TicketId}", $"held item {id}", ct);
            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
            var type = (item.MediaMimeType ?? content.MimeType).Split(';')[0].Trim().ToLowerInvariant();
            return type is "image/jpeg" or "image/png" or "image/webp" or "image/gif"
                ? Results.File(content.Bytes, type)
                : Results.File(content.Bytes, "application/octet-stream", $"held-{id}");
        }).RequireAuthorization(AuditSetup.SupervisorPolicy);

    private sealed class HeldReviewSchedule(IRecurringJobManager jobs) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            jobs.AddOrUpdate<HeldReviewOverdueJob>(HeldReviewOverdueJob.JobId, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
