using BowInbox.Tests.Support;
using BowInbox.Web.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BowInbox.Tests.Channel;

/// <summary>Puts a customer conversation in place through the real webhook, so the 24-hour window is open.</summary>
internal static class ChannelTestData
{
    public const string Customer = "15557000001";

    public static readonly StaffAuthor Agent = new("agent-id", "Ivy Intake");

    public static async Task<int> CustomerWroteAsync(InboxAppFactory app, string text = "my sink is leaking", string from = Customer)
    {
        var client = app.CreateBrowserlessClient();
        var wamid = "wamid.IN" + Guid.NewGuid().ToString("N");
        await Webhooks.PostSignedAsync(client, Webhooks.Text(from, text, wamid));
        await using var db = app.CreateDbContext();
        await Eventually.TrueAsync(() => db.Messages.AnyAsync(m => m.Wamid == wamid), "the customer's message to be processed");
        return (await db.Messages.SingleAsync(m => m.Wamid == wamid)).TicketId;
    }

    public static ReplySender Replies(this InboxAppFactory app) => app.Services.GetRequiredService<ReplySender>();
}
