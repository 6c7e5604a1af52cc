using System.Net;
using BowInbox.Core.Webhooks;
using BowInbox.Data.Identity;
using BowInbox.Tests.Support;
using BowInbox.Web.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace BowInbox.Tests.OutgoingWebhooks;

public sealed class WebhookAccessTests
{
    [Fact]
    public async Task Only_admins_send_a_test_ping_and_it_arrives_signed()
    {
        await using var hooks = new WebhookApp(new FakeTimeProvider(DateTimeOffset.UtcNow), new WebhookReceiver());
        var (id, secret) = await hooks.SubscribeAsync(WebhookEventTypes.TicketResolved);

        foreach (var email in new[] { "supervisor@demo.local", "intake@demo.local", "tech1@demo.local" })
        {
            var client = await Login.AsAsync(hooks.App, email);
            var denied = await Login.PostFormFromAsync(client, "/Account/Manage/ChangePassword", $"/admin/webhooks/{id}/test");
            Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", denied.Headers.Location!.AbsolutePath());
        }

        var anonymous = await hooks.App.CreateBrowserlessClient().PostAsync($"/admin/webhooks/{id}/test", null);
        Assert.Equal("/Account/Login", anonymous.Headers.Location!.AbsolutePath());

        var admin = await Login.AsAsync(hooks.App, "admin@demo.local");
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync($"/admin/webhooks/{id}/test", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Login.PostFormFromAsync(admin, "/Account/Manage/ChangePassword", $"/admin/webhooks/{id + 99}/test")).StatusCode);
        var sent = await Login.PostFormFromAsync(admin, "/Account/Manage/ChangePassword", $"/admin/webhooks/{id}/test");
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);

        await Eventually.TrueAsync(() => hooks.Receiver.Received.Any(r => r.Type == WebhookEventTypes.Ping), "the ping");
        var ping = hooks.Receiver.Received.Single(r => r.Type == WebhookEventTypes.Ping);
        Assert.Contains(ping.EventId, await sent.Content.ReadAsStringAsync());
        Assert.True(ping.SignedWith(secret, hooks.Clock.GetUtcNow()));
        Assert.DoesNotContain(hooks.Receiver.Received, r => r.Type != WebhookEventTypes.Ping);
    }

    [Theory]
    [InlineData(Roles.Supervisor)]
    [InlineData(Roles.IntakeAgent)]
    [InlineData(Roles.Technician)]
    public async Task Other_roles_can_neither_list_nor_change_subscriptions(string role)
    {
        await using var hooks = new WebhookApp(new FakeTimeProvider(DateTimeOffset.UtcNow), new WebhookReceiver());
        var (id, _) = await hooks.SubscribeAsync(WebhookEventTypes.TicketResolved);
        var someone = WebhookApp.Person("someone@demo.local", role);
        var subscriptions = hooks.App.Get<WebhookSubscriptions>();
        var log = hooks.App.Get<WebhookDeliveryLog>();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => subscriptions.ListAsync(someone));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => subscriptions.CreateAsync(someone, "https://evil.example/in", [WebhookEventTypes.TicketCreated]));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => subscriptions.RevealSecretAsync(someone, id));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => subscriptions.RotateSecretAsync(someone, id));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => subscriptions.DeleteAsync(someone, id));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => log.RecentAsync(someone, id));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => log.RedeliverAsync(someone, 1));
        await using var db = hooks.App.CreateDbContext();
        Assert.Equal(1, await db.WebhookSubscriptions.CountAsync());
    }

    [Fact]
    public async Task Admin_changes_are_audited_with_the_secret_never_written_and_bad_input_explained()
    {
        await using var hooks = new WebhookApp(new FakeTimeProvider(DateTimeOffset.UtcNow), new WebhookReceiver());
        var subscriptions = hooks.App.Get<WebhookSubscriptions>();

        Assert.Equal("Pick at least one event.", (await subscriptions.CreateAsync(WebhookApp.Admin, "https://hooks.example.com/in", [])).Error);
        Assert.Equal("There is no event called ticket.deleted.", (await subscriptions.CreateAsync(WebhookApp.Admin, "https://hooks.example.com/in", ["ticket.deleted"])).Error);
        var (id, secret) = await hooks.SubscribeAsync(WebhookEventTypes.TicketCreated);
        var rotated = await subscriptions.RotateSecretAsync(WebhookApp.Admin, id);
        Assert.NotEqual(secret, rotated.Secret);
        Assert.Equal(rotated.Secret, await subscriptions.RevealSecretAsync(WebhookApp.Admin, id));

        await using var db = hooks.App.CreateDbContext();
        var stored = await db.WebhookSubscriptions.AsNoTracking().SingleAsync();
        Assert.DoesNotContain(rotated.Secret!, stored.SecretProtected);
        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.Target == "webhooks" || e.Target == $"webhook:{id}").OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal([WebhookSubscriptions.AuditAction, WebhookSubscriptions.AuditAction, "webhook-secret-revealed"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.DoesNotContain(secret, e.Details));
        Assert.All(entries, e => Assert.DoesNotContain(rotated.Secret!, e.Details));
    }
}
