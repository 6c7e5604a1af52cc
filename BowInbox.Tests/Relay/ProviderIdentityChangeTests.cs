using BowInbox.Core.Channel;
using BowInbox.Tests.Support;
using BowInbox.Web.Audit;
using Microsoft.EntityFrameworkCore;
using static BowInbox.Tests.Relay.RelayTestData;

namespace BowInbox.Tests.Relay;

/// <summary>A provider's <c>user_changed_number</c> is recorded on his open job's timeline and in the audit log, by name only.</summary>
public sealed class ProviderIdentityChangeTests
{
    [Fact]
    public async Task A_provider_changing_number_is_on_his_jobs_timeline_and_audited_without_the_numbers_and_still_relays()
    {
        const string newPhone = "15550100077";
        await using var app = new InboxAppFactory();
        var (ticketId, session) = await AssignedConversationAsync(app);

        await Webhooks.PostSignedAsync(app.CreateBrowserlessClient(), Webhooks.Change(
            $$$"""
            "messages":[{"from":"{{{Tom}}}","id":"wamid.TOMNEW","timestamp":"{{{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}}}","type":"system",
              "system":{"body":"User Tom Baker changed from {{{Tom}}} to {{{newPhone}}}","wa_id":"{{{newPhone}}}","type":"user_changed_number"}}]
            """, session.PoolPhoneNumberId));

        await using var db = app.CreateDbContext();
        await Eventually.TrueAsync(() => db.UnroutedMessages.AnyAsync(m => m.Wamid == "wamid.TOMNEW" && m.Reason == UnroutedReason.IdentityChange), "the change to be applied");
        var entry = await db.TicketEvents.SingleAsync(e => e.TicketId == ticketId && e.Kind == "identity-changed");
        Assert.Equal("The technician changed their WhatsApp number (Tom)", entry.Detail);
        var audited = await db.AuditEntries.SingleAsync(e => e.Action == AuditActions.ProviderIdentityChanged);
        Assert.StartsWith("provider:", audited.Target, StringComparison.Ordinal);
        foreach (var text in new[] { entry.Detail, audited.Target, audited.Details })
        {
            Assert.DoesNotContain("1555010", text, StringComparison.Ordinal);
        }

        // Still Tom, on the same job: his next message from the new number reaches the customer.
        await ProviderWritesAsync(app, session.PoolPhoneNumberId, "On my way with the new phone", from: newPhone);
        await app.WaitForSendAsync(Central, Customer, t => t.Contains("On my way with the new phone", StringComparison.Ordinal), "the relayed reply");
    }
}
