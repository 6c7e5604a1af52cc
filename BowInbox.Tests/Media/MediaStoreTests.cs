using System.Security.Claims;
using BowInbox.Core.Messaging;
using BowInbox.Data.Identity;
using BowInbox.Tests.Live;
using BowInbox.Tests.Relay;
using BowInbox.Tests.Support;
using BowInbox.Web.Inbox;
using BowInbox.Web.Media;
using BowInbox.Web.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BowInbox.Tests.Media;

/// <summary>Every received file is fetched on receipt into the media store, retried with back-off, and retried by hand from the thread.</summary>
public sealed class MediaStoreTests
{
    private const string From = "15557000001";

    private static string Image(string wamid, string mediaId, string profileName = "Maria Lopez", string from = From)
        => Webhooks.Message(from, Webhooks.OurNumber, wamid, MediaRelayTests.File("image", mediaId, "image/jpeg"), profileName: profileName);

    private static async Task<int> ReceivedAsync(InboxAppFactory app, string wamid, string mediaId, string from = From)
    {
        await Webhooks.PostSignedAsync(app.CreateBrowserlessClient(), Image(wamid, mediaId, from: from));
        await using var db = app.CreateDbContext();
        await Eventually.TrueAsync(() => db.MediaItems.AnyAsync(i => i.MediaId == mediaId && (i.Status == MediaItemStatus.Stored || i.Attempts > 0 && i.NextAttemptAt > DateTime.UtcNow)), "the first download attempt");
        return await db.Messages.Where(m => m.Wamid == wamid).Select(m => m.TicketId).SingleAsync();
    }

    [Fact]
    public async Task A_received_file_is_stored_encrypted_and_read_back_whole()
    {
        await using var app = new InboxAppFactory();
        var file = new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x34, 0x0A, 0x2B, 0x34, 0x34, 0x37, 0x39, 0x31, 0x31 };
        app.Graph.MediaFiles["910000000000001"] = (file, "application/pdf");
        await Webhooks.PostSignedAsync(app.CreateBrowserlessClient(),
            Webhooks.Message(From, Webhooks.OurNumber, "wamid.DOC1", MediaRelayTests.File("document", "910000000000001", "application/pdf")));

        await using var db = app.CreateDbContext();
        await Eventually.TrueAsync(() => db.MediaItems.AnyAsync(i => i.Status == MediaItemStatus.Stored), "the file to be stored");
        var item = await db.MediaItems.AsNoTracking().SingleAsync();
        Assert.Equal("910000000000001", item.MediaId);
        Assert.Equal(file.Length, item.SizeBytes);
        Assert.Equal("application/pdf", item.MimeType);
        Assert.NotNull(item.Content);
        Assert.False(item.Content.AsSpan().IndexOf(file.AsSpan(9)) >= 0, "the bytes are not kept in clear");
        var read = await app.Services.GetRequiredService<MediaStore>().ReadAsync(db, "910000000000001", CancellationToken.None);
        Assert.Equal(file, read!.Bytes);
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains("447911", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_redelivered_message_retries_its_failed_file_but_is_stored_once()
    {
        await using var app = new InboxAppFactory();
        app.Graph.UnavailableMedia["910000000000002"] = int.MaxValue;
        var ticketId = await ReceivedAsync(app, "wamid.IMG2", "910000000000002");

        await using var db = app.CreateDbContext();
        var failed = await db.MediaItems.AsNoTracking().SingleAsync();
        Assert.Equal(MediaItemStatus.Pending, failed.Status);
        Assert.Equal("HTTP 404, code 100", failed.LastFailure);
        var thread = await app.Services.GetRequiredService<InboxQueries>().ThreadAsync(LiveTestData.IntakeAgent, ticketId);
        Assert.True(thread!.Messages.Single(m => m.Type == "image").Media!.CouldNotFetch);

        // Meta delivers the message again (another envelope: the stored payload differs) and now serves the file.
        app.Graph.UnavailableMedia.Clear();
        await Webhooks.PostSignedAsync(app.CreateBrowserlessClient(), Image("wamid.IMG2", "910000000000002", profileName: "Maria L"));

        await Eventually.TrueAsync(() => db.MediaItems.AnyAsync(i => i.Status == MediaItemStatus.Stored), "the redelivery to fetch the file");
        Assert.Equal(1, await db.Messages.CountAsync(m => m.Wamid == "wamid.IMG2"));
        Assert.Equal(1, await db.MediaItems.CountAsync());
        thread = await app.Services.GetRequiredService<InboxQueries>().ThreadAsync(LiveTestData.IntakeAgent, ticketId);
        Assert.False(thread!.Messages.Single(m => m.Type == "image").Media!.CouldNotFetch);
    }

    [Fact]
    public async Task A_file_that_keeps_failing_backs_off_then_is_marked_failed()
    {
        await using var app = new InboxAppFactory();
        app.Graph.UnavailableMedia["910000000000003"] = int.MaxValue;
        await ReceivedAsync(app, "wamid.IMG3", "910000000000003");
        var job = app.Services.GetRequiredService<MediaDownloadJob>();
        await using var db = app.CreateDbContext();

        var waits = new List<TimeSpan>();
        for (var attempt = 0; attempt < 20 && await db.MediaItems.AnyAsync(i => i.Status == MediaItemStatus.Pending); attempt++)
        {
            var before = await db.MediaItems.AsNoTracking().SingleAsync();
            waits.Add(before.NextAttemptAt - DateTime.UtcNow);
            await db.MediaItems.ExecuteUpdateAsync(s => s.SetProperty(i => i.NextAttemptAt, DateTime.UtcNow.AddSeconds(-1)));
            await job.RunAsync(CancellationToken.None);
        }

        var item = await db.MediaItems.AsNoTracking().SingleAsync();
        Assert.Equal(MediaItemStatus.Failed, item.Status);
        Assert.Equal(MediaDownloadJob.MaxAttempts, item.Attempts);
        Assert.InRange(waits[0], TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1));
        Assert.InRange(waits[1], TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5));
        Assert.InRange(waits[^1], TimeSpan.FromHours(11), TimeSpan.FromHours(12));

        // Given up: the minutely run leaves it alone.
        Assert.Equal(0, await job.RunAsync(CancellationToken.None));
        Assert.Equal(MediaDownloadJob.MaxAttempts, (await db.MediaItems.AsNoTracking().SingleAsync()).Attempts);
    }

    [Fact]
    public async Task Retry_is_refused_to_whoever_cannot_see_the_ticket_and_fetches_the_file_for_whoever_can()
    {
        await using var app = new InboxAppFactory();
        app.Graph.UnavailableMedia["910000000000004"] = int.MaxValue;
        var (ticketId, _) = await RelayTestData.AssignedConversationAsync(app);
        Assert.Equal(ticketId, await ReceivedAsync(app, "wamid.IMG4", "910000000000004", RelayTestData.Customer));
        await using var db = app.CreateDbContext();
        await db.MediaItems.ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, MediaItemStatus.Failed).SetProperty(i => i.Attempts, MediaDownloadJob.MaxAttempts));
        var messageId = await db.Messages.Where(m => m.Wamid == "wamid.IMG4").Select(m => m.Id).SingleAsync();
        app.Graph.UnavailableMedia.Clear();

        // The pages show it, with Retry: the inbox to staff, the queue to the technician on the job.
        using (var supervisor = await Login.AsAsync(app, LiveTestData.Supervisor))
        {
            var page = await supervisor.GetStringAsync($"/inbox/{ticketId}");
            Assert.Contains("data-testid=\"media-not-fetched\"", page, StringComparison.Ordinal);
            Assert.Contains("data-testid=\"media-retry\"", page, StringComparison.Ordinal);
        }

        using (var tom = await Login.AsAsync(app, LiveTestData.Tech1))
        {
            Assert.Contains("data-testid=\"media-retry\"", await tom.GetStringAsync($"/queue/{ticketId}"), StringComparison.Ordinal);
        }

        var retry = app.Services.GetRequiredService<MediaRetry>();
        var otherTechnician = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "not-on-this-job"), new Claim(ClaimTypes.Role, Roles.Technician)], "test"));
        var noRole = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "no-role")], "test"));
        Assert.Equal(MediaRetryOutcome.NotFound, await retry.RetryAsync(otherTechnician, messageId));
        Assert.Equal(MediaRetryOutcome.NotFound, await retry.RetryAsync(noRole, messageId));
        var untouched = await db.MediaItems.AsNoTracking().SingleAsync();
        Assert.Equal(MediaItemStatus.Failed, untouched.Status);
        Assert.Equal(MediaDownloadJob.MaxAttempts, untouched.Attempts);

        Assert.Equal(MediaRetryOutcome.Queued, await retry.RetryAsync(LiveTestData.IntakeAgent, messageId));
        await Eventually.TrueAsync(() => db.MediaItems.AnyAsync(i => i.Status == MediaItemStatus.Stored), "the retried file to be stored");
        Assert.Equal(MediaRetryOutcome.AlreadyStored, await retry.RetryAsync(LiveTestData.IntakeAgent, messageId));
    }
}
