using System.Security.Claims;
using BowInbox.Core.Relay;
using BowInbox.Core.Scanning;
using BowInbox.Data.Identity;
using BowInbox.Tests.Channel;
using BowInbox.Tests.Support;
using BowInbox.Web.Relay;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BowInbox.Tests.Relay;

/// <summary>A customer conversation assigned to a demo technician through the real services, and the technician's WhatsApp.</summary>
internal static class RelayTestData
{
    public const string Customer = "15557000101";

    /// <summary>Sets payment outside, invitations and contact requests to Flag, as a marketplace that only watches them would.</summary>
    public static async Task FlagIntentAsync(InboxAppFactory app)
    {
        var actions = Enum.GetValues<ViolationKind>().ToDictionary(k => k, ContentPolicy.Default.ActionFor);
        foreach (var kind in new[] { ViolationKind.PaymentOutside, ViolationKind.OffPlatformInvite, ViolationKind.ContactRequest })
        {
            actions[kind] = PolicyAction.Flag;
        }

        Assert.Null(await app.Services.GetRequiredService<RelaySettings>().SaveContentPolicyAsync(actions, [], "admin@demo.local"));
    }
    public const string Tom = "15550100001";
    public const string TomName = "Tom Baker";
    public const string Central = "100000000000001";
    public static readonly string[] Pool = ["100000000000011", "100000000000012", "100000000000013"];

    public static ClaimsPrincipal Staff(string role = Roles.IntakeAgent, string name = "intake@demo.local")
        => new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "staff-" + role), new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role)], "test"));

    public static async Task<int> ProviderIdAsync(InboxAppFactory app, string displayName = TomName)
    {
        await using var db = app.CreateDbContext();
        return await db.Providers.Where(p => p.DisplayName == displayName).Select(p => p.Id).SingleAsync();
    }

    /// <summary>The customer writes on the central number and an intake agent assigns the technician; returns the ticket and its session.</summary>
    public static async Task<(int TicketId, RelaySession Session)> AssignedConversationAsync(
        InboxAppFactory app, string customer = Customer, string firstText = "Burst pipe under the sink", string technician = TomName)
    {
        var ticketId = await ChannelTestData.CustomerWroteAsync(app, firstText, customer);
        await AssignAsync(app, ticketId, technician);
        await using var db = app.CreateDbContext();
        var session = await db.RelaySessions.AsNoTracking().SingleAsync(s => s.TicketId == ticketId && s.ClosedAt == null);
        return (ticketId, session);
    }

    public static async Task AssignAsync(InboxAppFactory app, int ticketId, string technician = TomName, ClaimsPrincipal? by = null)
    {
        var result = await app.Services.GetRequiredService<RelayAssignment>().AssignAsync(by ?? Staff(), ticketId, await ProviderIdAsync(app, technician));
        Assert.True(result.Succeeded, result.Message);
    }

    /// <summary>The technician writes from their own WhatsApp to a pool number.</summary>
    public static async Task<string> ProviderWritesAsync(InboxAppFactory app, string pool, string text, string from = Tom, string? contextId = null, string? wamid = null)
    {
        wamid ??= "wamid.PROV" + Guid.NewGuid().ToString("N");
        var response = await Webhooks.PostSignedAsync(app.CreateBrowserlessClient(), Webhooks.Text(from, text, wamid, pool, TomName, contextId));
        Assert.True(response.IsSuccessStatusCode);
        await using var db = app.CreateDbContext();
        await Eventually.TrueAsync(() => db.UnroutedMessages.AnyAsync(m => m.Wamid == wamid), "the pool message to be processed");
        return wamid;
    }

    public static async Task<string> CustomerWritesAsync(InboxAppFactory app, string text, string customer = Customer, string? wamid = null)
    {
        wamid ??= "wamid.CUST" + Guid.NewGuid().ToString("N");
        var response = await Webhooks.PostSignedAsync(app.CreateBrowserlessClient(), Webhooks.Text(customer, text, wamid));
        Assert.True(response.IsSuccessStatusCode);
        await using var db = app.CreateDbContext();
        await Eventually.TrueAsync(() => db.Messages.AnyAsync(m => m.Wamid == wamid), "the customer message to be processed");
        return wamid;
    }

    /// <summary>Texts the Graph API was asked to send from <paramref name="phoneNumberId"/> to <paramref name="to"/>.</summary>
    public static IEnumerable<string> Sent(this InboxAppFactory app, string phoneNumberId, string to)
        => app.Graph.Requests.Where(r => r.PhoneNumberId == phoneNumberId && r.To == to).Select(r => r.Text ?? r.Body);

    public static Task WaitForSendAsync(this InboxAppFactory app, string phoneNumberId, string to, Func<string, bool> matching, string description)
        => Eventually.TrueAsync(() => app.Sent(phoneNumberId, to).Any(matching), description);
}
