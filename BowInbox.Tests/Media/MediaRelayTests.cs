using System.Text.Json;
using BowInbox.Core.Scanning;
using BowInbox.Tests.Relay;
using BowInbox.Tests.Support;
using BowInbox.Web.Privacy;
using BowInbox.Web.Relay;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static BowInbox.Tests.Relay.RelayTestData;

namespace BowInbox.Tests.Media;

/// <summary>Real files crossing the live relay in both directions: read, scanned with the policy, and passed on, withheld or blocked.</summary>
public sealed class MediaRelayTests
{
    internal static string File(string type, string mediaId, string mimeType, string? caption = null)
    {
        var body = new Dictionary<string, string> { ["mime_type"] = mimeType, ["sha256"] = "abc", ["id"] = mediaId };
        if (caption is not null)
        {
            body["caption"] = caption;
        }

        return $"\"type\":\"{type}\",\"{type}\":{JsonSerializer.Serialize(body)}";
    }

    internal static void Serve(InboxAppFactory app, string mediaId, string fixture)
        => app.Graph.MediaFiles[mediaId] = (MediaFixtures.Bytes(fixture), MediaFixtures.MimeOf(fixture));

    private static bool IsMedia(GraphRequest request, string to, string type) => request.To == to && request.Json["type"]?.GetValue<string>() == type;

    [Fact]
    public async Task A_providers_business_card_photo_stays_here_and_the_customer_gets_a_neutral_note()
    {
        MediaFixtures.RequireTesseract();
        await using var app = new InboxAppFactory();
        var (ticketId, session) = await AssignedConversationAsync(app);
        Serve(app, "900000000000701", MediaFixtures.BusinessCard);

        await Webhooks.PostSignedAsync(app.CreateBrowserlessClient(), Webhooks.Message(Tom, session.PoolPhoneNumberId, "wamid.CARD1", File("image", "900000000000701", "image/png", "my card")));

        // OCR of the photo runs first; on a busy machine Tesseract alone can take longer than the usual wait.
        await Eventually.TrueAsync(() => app.Sent(Central, Customer).Any(t => t.Contains(RelayForwarder.WithheldText, StringComparison.Ordinal)), "the note at the customer", 30_000);
        Assert.Contains(app.Sent(Central, Customer), t => t.Contains("my card", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Graph.Requests, r => IsMedia(r, Customer, "image"));
        Assert.DoesNotContain(app.Graph.Requests, r => r.Body.Contains("7911", StringComparison.Ordinal));
        await using var db = app.CreateDbContext();
        var message = await db.Messages.SingleAsync(m => m.Wamid == "wamid.CARD1");
        Assert.True(await db.PolicyViolations.AnyAsync(v => v.MessageId == message.Id && v.Kind == ViolationKind.Phone && v.Sender == SenderKind.Provider));
        Assert.DoesNotContain("7911", message.MediaText, StringComparison.Ordinal);
        Assert.Contains("+44 7911 123456", app.Services.GetRequiredService<OriginalTexts>().Unprotect(message.MediaText), StringComparison.Ordinal);
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains("7911", StringComparison.Ordinal));

        // Staff read what the file said, masked; the technician's queue never shows it.
        using var supervisor = await Login.AsAsync(app, "supervisor@demo.local");
        var thread = await supervisor.GetStringAsync($"/inbox/{ticketId}");
        Assert.Contains("COSTA PLUMBING", thread, StringComparison.Ordinal);
        Assert.DoesNotContain("7911 123456", thread, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_customers_receipt_photo_and_a_pipe_photo_reach_the_provider_unchanged()
    {
        MediaFixtures.RequireTesseract();
        await using var app = new InboxAppFactory();
        var (ticketId, session) = await AssignedConversationAsync(app);
        await ProviderWritesAsync(app, session.PoolPhoneNumberId, "Send me photos");
        Serve(app, "900000000000702", MediaFixtures.Receipt);
        Serve(app, "900000000000703", MediaFixtures.LeakingPipe);

        await Webhooks.PostSignedAsync(app.CreateBrowserlessClient(), Webhooks.Message(Customer, Central, "wamid.RCPT1", File("image", "900000000000702", "image/png", "the receipt")));
        await Webhooks.PostSignedAsync(app.CreateBrowserlessClient(), Webhooks.Message(Customer, Central, "wamid.PIPE1", File("image", "900000000000703", "image/png")));

        await using var db = app.CreateDbContext();
        await Eventually.TrueAsync(async () => await db.Messages.CountAsync(m => m.Wamid == "wamid.RCPT1" || m.Wamid == "wamid.PIPE1") == 2, "both photos stored", 20_000);
        Assert.Equal([], await db.TicketEvents.Where(e => e.TicketId == ticketId && e.Kind == "media-unscanned").Select(e => e.Detail).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal([], await db.PolicyViolations.Where(v => v.TicketId == ticketId).Select(v => v.Kind + " " + v.Found).ToListAsync(TestContext.Current.CancellationToken));
        await Eventually.TrueAsync(() => app.Graph.Requests.Count(r => IsMedia(r, Tom, "image")) == 2, "both photos at the provider");
        Assert.False(await db.HeldItems.AnyAsync());
    }

    [Fact]
    public async Task A_pdf_quote_with_an_email_is_blocked_when_the_policy_blocks_emails_and_one_without_goes_through()
    {
        await using var app = new InboxAppFactory();
        var (ticketId, session) = await AssignedConversationAsync(app);
        var actions = Enum.GetValues<ViolationKind>().ToDictionary(k => k, ContentPolicy.Default.ActionFor);
        actions[ViolationKind.Email] = PolicyAction.Block;
        Assert.Null(await app.Services.GetRequiredService<RelaySettings>().SaveContentPolicyAsync(actions, [], "admin@demo.local"));
        Serve(app, "900000000000704", MediaFixtures.QuoteWithEmail);
        Serve(app, "900000000000705", MediaFixtures.Quote);

        await Webhooks.PostSignedAsync(app.CreateBrowserlessClient(), Webhooks.Message(Tom, session.PoolPhoneNumberId, "wamid.Q1", File("document", "900000000000704", "application/pdf")));
        await Webhooks.PostSignedAsync(app.CreateBrowserlessClient(), Webhooks.Message(Tom, session.PoolPhoneNumberId, "wamid.Q2", File("document", "900000000000705", "application/pdf")));

        await Eventually.TrueAsync(() => app.Graph.Requests.Any(r => IsMedia(r, Customer, "document")), "the clean quote at the customer");
        Assert.Single(app.Graph.Requests, r => IsMedia(r, Customer, "document"));
        await using var db = app.CreateDbContext();
        var blocked = await db.Messages.SingleAsync(m => m.Wamid == "wamid.Q1");
        Assert.Equal(RelayForwarder.BlockedText, blocked.Text);
        Assert.True(await db.PolicyViolations.AnyAsync(v => v.MessageId == blocked.Id && v.Kind == ViolationKind.Email && v.Action == PolicyAction.Block));
        Assert.DoesNotContain(app.Graph.Requests, r => r.To == Customer && r.Body.Contains("maria.costa", StringComparison.Ordinal));
        await app.WaitForSendAsync(session.PoolPhoneNumberId, Tom, t => t.Contains($"#{ticketId}", StringComparison.Ordinal) && t.Contains("not", StringComparison.OrdinalIgnoreCase), "the block notice at the provider");
    }

    [Fact]
    public async Task A_customers_voice_note_is_transcribed_scanned_and_its_transcript_kept_encrypted()
    {
        await using var server = new FakeTranscriptionServer { Transcript = "hi Tom, just call me on 0412 345 678 when you are near" };
        await using var app = new InboxAppFactory();
        app.Settings["Scanning:Speech:Endpoint"] = server.Endpoint;
        app.Settings["Scanning:Speech:ApiKey"] = "sk-test";
        var (ticketId, session) = await AssignedConversationAsync(app);

        await Webhooks.PostSignedAsync(app.CreateBrowserlessClient(), Webhooks.Message(Customer, Central, "wamid.VOICE1", File("audio", "900000000000706", "audio/ogg; codecs=opus")));

        await app.WaitForSendAsync(session.PoolPhoneNumberId, Tom, t => t.Contains(RelayForwarder.WithheldText, StringComparison.Ordinal), "the note at the provider");
        Assert.DoesNotContain(app.Graph.Requests, r => IsMedia(r, Tom, "audio"));
        Assert.Single(server.Requests);
        await using var db = app.CreateDbContext();
        var message = await db.Messages.SingleAsync(m => m.Wamid == "wamid.VOICE1");
        Assert.Equal(server.Transcript, app.Services.GetRequiredService<OriginalTexts>().Unprotect(message.MediaText));
        Assert.DoesNotContain("345 678", message.MediaText, StringComparison.Ordinal);
        Assert.True(await db.PolicyViolations.AnyAsync(v => v.MessageId == message.Id && v.Kind == ViolationKind.Phone && v.Sender == SenderKind.Customer));
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains("345 678", StringComparison.Ordinal));
        using var supervisor = await Login.AsAsync(app, "supervisor@demo.local");
        var thread = await supervisor.GetStringAsync($"/inbox/{ticketId}");
        Assert.Contains("just call me on", thread, StringComparison.Ordinal);
        Assert.DoesNotContain("345 678", thread, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unscannable_files_from_customers_are_relayed_and_noted_by_default_and_blocked_when_the_admin_says_so()
    {
        await using var app = new InboxAppFactory();
        var (ticketId, session) = await AssignedConversationAsync(app);
        await ProviderWritesAsync(app, session.PoolPhoneNumberId, "Send me the file");
        await Webhooks.PostSignedAsync(app.CreateBrowserlessClient(), Webhooks.Message(Customer, Central, "wamid.ZIP1", File("document", "900000000000707", "application/zip")));
        await Eventually.TrueAsync(() => app.Graph.Requests.Any(r => IsMedia(r, Tom, "document")), "the file at the provider");

        await using (var db = app.CreateDbContext())
        {
            var noted = await db.TicketEvents.SingleAsync(e => e.TicketId == ticketId && e.Kind == "media-unscanned");
            Assert.Contains("application/zip", noted.Detail, StringComparison.Ordinal);
            Assert.Contains("Relay and flag", noted.Detail, StringComparison.Ordinal);
            await Web.Media.UnscannableMediaPolicy.SaveAsync(db, new(Web.Media.UnscannableAction.Block, Web.Media.UnscannableAction.HoldForReview), "admin@demo.local", DateTime.UtcNow, TestContext.Current.CancellationToken);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await Webhooks.PostSignedAsync(app.CreateBrowserlessClient(), Webhooks.Message(Customer, Central, "wamid.ZIP2", File("document", "900000000000708", "application/zip")));

        await app.WaitForSendAsync(Central, Customer, t => t == RelayForwarder.UnscannableBlockedNotice, "the notice at the customer");
        Assert.Single(app.Graph.Requests, r => IsMedia(r, Tom, "document"));
    }
}
