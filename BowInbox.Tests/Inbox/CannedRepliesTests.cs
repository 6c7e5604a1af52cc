using BowInbox.Tests.Support;
using BowInbox.Web.Audit;
using BowInbox.Web.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BowInbox.Tests.Inbox;

public sealed class CannedRepliesTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private CannedReplies Replies => shared.App.Services.GetRequiredService<CannedReplies>();

    [Fact]
    public async Task Admin_adds_and_deletes_a_canned_reply()
    {
        var added = await Replies.AddAsync("admin@demo.local", "/Eta", "The technician arrives in about 30 minutes.");

        Assert.True(added.Succeeded, added.Message);
        var reply = Assert.Single(await Replies.ListAsync(), c => c.Shortcut == "eta");
        Assert.True((await Replies.DeleteAsync("admin@demo.local", reply.Id)).Succeeded);
        Assert.DoesNotContain(await Replies.ListAsync(), c => c.Shortcut == "eta");

        await using var db = shared.App.CreateDbContext();
        var audited = await db.AuditEntries.Where(e => e.Action == AuditActions.CannedReplyChanged && e.Target == "/eta").OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(["added: The technician arrives in about 30 minutes.", "deleted: The technician arrives in about 30 minutes."], audited.Select(e => e.Details));
        Assert.All(audited, e => Assert.Equal("admin@demo.local", e.Actor));
    }

    [Fact]
    public async Task Refused_canned_reply_writes_no_audit_entry()
    {
        await using var db = shared.App.CreateDbContext();
        var before = await db.AuditEntries.CountAsync();

        Assert.False((await Replies.AddAsync("admin@demo.local", "bad shortcut!", "text")).Succeeded);
        Assert.False((await Replies.DeleteAsync("admin@demo.local", -1)).Succeeded);

        Assert.Equal(before, await db.AuditEntries.CountAsync());
    }

    [Theory]
    [InlineData("has space", "text", "lowercase letters")]
    [InlineData("ok", "   ", "Write the reply text")]
    [InlineData("thanks", "duplicate of the seeded one", "already exists")]
    public async Task Invalid_canned_reply_is_refused_with_a_reason(string shortcut, string text, string expected)
    {
        var before = (await Replies.ListAsync()).Count;

        var result = await Replies.AddAsync("admin@demo.local", shortcut, text);

        Assert.False(result.Succeeded);
        Assert.Contains(expected, result.Message);
        Assert.Equal(before, (await Replies.ListAsync()).Count);
    }

    [Fact]
    public async Task Reply_longer_than_whatsapp_allows_is_refused()
    {
        var result = await Replies.AddAsync("admin@demo.local", "long", new string('a', 4097));

        Assert.False(result.Succeeded);
        Assert.Contains("4,096", result.Message);
    }
}
