using BowInbox.Core.Audit;
using BowInbox.Tests.Support;
using BowInbox.Web.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BowInbox.Tests.Audit;

/// <summary>Every context the app creates refuses to change or delete an audit entry, and still appends.</summary>
public sealed class AuditAppendOnlyTests
{
    private static async Task<InboxAppFactory> AppWithEntriesAsync(int count)
    {
        var app = new InboxAppFactory();
        var log = app.Services.GetRequiredService<AuditLog>();
        for (var i = 1; i <= count; i++)
        {
            await log.WriteAsync("supervisor@demo.local", AuditActions.TranscriptViewed, $"ticket #{i}", "viewed on the transcript page");
        }

        return app;
    }

    [Fact]
    public async Task Changing_an_audit_entry_is_refused_and_nothing_is_saved()
    {
        await using var app = await AppWithEntriesAsync(2);
        await using (var db = app.CreateDbContext())
        {
            var entry = await db.AuditEntries.SingleAsync(e => e.Target == "ticket #1");
            entry.Actor = "someone-else";

            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            Assert.Contains("append-only", refused.Message, StringComparison.Ordinal);
            Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
        }

        await using var check = app.CreateDbContext();
        Assert.Equal("supervisor@demo.local", (await check.AuditEntries.SingleAsync(e => e.Target == "ticket #1")).Actor);
        Assert.True((await app.Services.GetRequiredService<AuditQueries>().VerifyAsync()).Intact);
    }

    [Fact]
    public async Task Deleting_an_audit_entry_is_refused_and_nothing_is_saved()
    {
        await using var app = await AppWithEntriesAsync(3);
        await using (var db = app.CreateDbContext())
        {
            db.AuditEntries.Remove(await db.AuditEntries.SingleAsync(e => e.Target == "ticket #2"));

            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            Assert.Contains("deleted", refused.Message, StringComparison.Ordinal);
        }

        await using var check = app.CreateDbContext();
        Assert.Equal(3, await check.AuditEntries.CountAsync(e => e.Action == AuditActions.TranscriptViewed));
    }

    [Fact]
    public async Task Attaching_a_forged_copy_of_an_entry_as_modified_is_refused()
    {
        await using var app = await AppWithEntriesAsync(1);
        long id;
        await using (var read = app.CreateDbContext())
        {
            id = await read.AuditEntries.Where(e => e.Target == "ticket #1").Select(e => e.Id).SingleAsync();
        }

        await using var db = app.CreateDbContext();
        db.AuditEntries.Update(new AuditEntry { Id = id, Actor = "forged", Action = AuditActions.TranscriptViewed, Target = "ticket #1" });

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        await using var check = app.CreateDbContext();
        Assert.Equal("supervisor@demo.local", (await check.AuditEntries.SingleAsync(e => e.Id == id)).Actor);
    }

    [Fact]
    public async Task Appending_entries_still_works_and_the_chain_verifies()
    {
        await using var app = await AppWithEntriesAsync(3);
        var log = app.Services.GetRequiredService<AuditLog>();

        await log.WriteAsync("admin@demo.local", AuditActions.TranscriptViewed, "ticket #4", "appended after the others");

        await using var check = app.CreateDbContext();
        Assert.Equal(4, await check.AuditEntries.CountAsync(e => e.Action == AuditActions.TranscriptViewed));
        var verified = await app.Services.GetRequiredService<AuditQueries>().VerifyAsync();
        Assert.True(verified.Intact);
        Assert.True(verified.EntriesChecked >= 4);
    }
}
