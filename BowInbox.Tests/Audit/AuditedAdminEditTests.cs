using BowInbox.Core.Numbers;
using BowInbox.Tests.Support;
using BowInbox.Web.Audit;
using BowInbox.Web.Inbox;
using BowInbox.Web.Relay;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BowInbox.Tests.Audit;

/// <summary>
/// The edits made at <c>/admin/numbers</c> and <c>/admin/canned-replies</c>: with the audit store refusing appends, each
/// is rolled back with its entry; once appends work again, each change commits with exactly one entry.
/// </summary>
public sealed class AuditedAdminEditTests
{
    private const string Admin = "admin@demo.local";
    private const string NewPoolId = "100000000000077";

    [Fact]
    public async Task Number_additions_edits_and_the_idle_time_to_live_are_not_saved_without_their_audit_entry()
    {
        await using var app = new InboxAppFactory();
        var numbers = app.Services.GetRequiredService<BusinessNumbers>();
        var settings = app.Services.GetRequiredService<RelaySettings>();
        var pool = (await numbers.ListAsync()).First(n => n.Purpose == NumberPurpose.ProviderPool && n.Active);
        var deactivate = new NumberForm(pool.Id, pool.PhoneNumberId, "+" + pool.DisplayNumber, NumberPurpose.ProviderPool, "Harbour", false);
        var addition = new NumberForm(null, NewPoolId, "+1 555 000 0077", NumberPurpose.ProviderPool, null, true);
        var ttlBefore = await settings.IdleTtlDaysAsync();

        await AuditOutage.DownAsync(app);
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => numbers.SaveAsync(Admin, addition));
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => numbers.SaveAsync(Admin, deactivate));
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => settings.SaveIdleTtlDaysAsync(ttlBefore + 5, Admin));

        Assert.DoesNotContain(await numbers.ListAsync(), n => n.PhoneNumberId == NewPoolId);
        var unchanged = (await numbers.ListAsync()).Single(n => n.Id == pool.Id);
        Assert.True(unchanged.Active);
        Assert.Equal(pool.Region, unchanged.Region);
        Assert.Equal(ttlBefore, await settings.IdleTtlDaysAsync());

        await AuditOutage.UpAsync(app);
        Assert.Null(await numbers.SaveAsync(Admin, addition));
        Assert.Null(await numbers.SaveAsync(Admin, deactivate));
        Assert.Null(await settings.SaveIdleTtlDaysAsync(ttlBefore + 5, Admin));

        Assert.Contains(await numbers.ListAsync(), n => n.PhoneNumberId == NewPoolId);
        Assert.False((await numbers.ListAsync()).Single(n => n.Id == pool.Id).Active);
        Assert.Equal(ttlBefore + 5, await settings.IdleTtlDaysAsync());
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == AuditActions.NumberChanged && e.Target == $"number:{NewPoolId}"));
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == AuditActions.NumberChanged && e.Target == $"number:{pool.PhoneNumberId}"));
        var ttl = await db.AuditEntries.SingleAsync(e => e.Target == RelaySettings.IdleTtlKey);
        Assert.Equal((Admin, AuditActions.PolicyChanged, $"idle relay sessions close after {ttlBefore + 5} days"), (ttl.Actor, ttl.Action, ttl.Details));
        Assert.True((await app.Services.GetRequiredService<AuditQueries>().VerifyAsync()).Intact);
    }

    [Fact]
    public async Task Canned_reply_additions_and_deletions_are_not_saved_without_their_audit_entry()
    {
        await using var app = new InboxAppFactory();
        var replies = app.Services.GetRequiredService<CannedReplies>();
        var seeded = (await replies.ListAsync()).First();
        const string Text = "We will confirm the visit by message.";

        await AuditOutage.DownAsync(app);
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => replies.AddAsync(Admin, "confirm", Text));
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => replies.DeleteAsync(Admin, seeded.Id));

        Assert.DoesNotContain(await replies.ListAsync(), c => c.Shortcut == "confirm");
        Assert.Contains(await replies.ListAsync(), c => c.Id == seeded.Id);

        await AuditOutage.UpAsync(app);
        Assert.True((await replies.AddAsync(Admin, "confirm", Text)).Succeeded);
        Assert.True((await replies.DeleteAsync(Admin, seeded.Id)).Succeeded);

        Assert.Contains(await replies.ListAsync(), c => c.Shortcut == "confirm");
        Assert.DoesNotContain(await replies.ListAsync(), c => c.Id == seeded.Id);
        await using var db = app.CreateDbContext();
        Assert.Equal($"added: {Text}", (await db.AuditEntries.SingleAsync(e => e.Action == AuditActions.CannedReplyChanged && e.Target == "/confirm")).Details);
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == AuditActions.CannedReplyChanged && e.Target == $"/{seeded.Shortcut}" && e.Details.StartsWith("deleted: ")));
        Assert.True((await app.Services.GetRequiredService<AuditQueries>().VerifyAsync()).Intact);
    }
}
