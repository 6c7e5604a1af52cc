using BowInbox.Tests.Support;
using BowInbox.Web.Inbox;
using Microsoft.Extensions.DependencyInjection;

namespace BowInbox.Tests.Inbox;

public sealed class CannedRepliesTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private CannedReplies Replies => shared.App.Services.GetRequiredService<CannedReplies>();

    [Fact]
    public async Task Admin_adds_and_deletes_a_canned_reply()
    {
        var added = await Replies.AddAsync("/Eta", "The technician arrives in about 30 minutes.");

        Assert.True(added.Succeeded, added.Message);
        var reply = Assert.Single(await Replies.ListAsync(), c => c.Shortcut == "eta");
        Assert.True((await Replies.DeleteAsync(reply.Id)).Succeeded);
        Assert.DoesNotContain(await Replies.ListAsync(), c => c.Shortcut == "eta");
    }

    [Theory]
    [InlineData("has space", "text", "lowercase letters")]
    [InlineData("ok", "   ", "Write the reply text")]
    [InlineData("thanks", "duplicate of the seeded one", "already exists")]
    public async Task Invalid_canned_reply_is_refused_with_a_reason(string shortcut, string text, string expected)
    {
        var before = (await Replies.ListAsync()).Count;

        var result = await Replies.AddAsync(shortcut, text);

        Assert.False(result.Succeeded);
        Assert.Contains(expected, result.Message);
        Assert.Equal(before, (await Replies.ListAsync()).Count);
    }

    [Fact]
    public async Task Reply_longer_than_whatsapp_allows_is_refused()
    {
        var result = await Replies.AddAsync("long", new string('a', 4097));

        Assert.False(result.Succeeded);
        Assert.Contains("4,096", result.Message);
    }
}
