using BowInbox.Core.Scanning;
using BowInbox.Tests.Support;
using BowInbox.Web.Relay;
using Microsoft.EntityFrameworkCore;
using static BowInbox.Tests.Relay.RelayTestData;

namespace BowInbox.Tests.Relay;

/// <summary>The marketplace's own numbers (central and pool, from /admin/numbers) are never a leak; anyone else's still is.</summary>
public sealed class OwnNumbersTests
{
    [Fact]
    public async Task A_provider_writing_the_central_number_is_relayed_unchanged_and_a_real_number_is_still_stopped()
    {
        await using var app = new InboxAppFactory();
        var (ticketId, session) = await AssignedConversationAsync(app);

        await ProviderWritesAsync(app, session.PoolPhoneNumberId, "For the invoice call our office on (555) 000-0000, they will sort it out");
        await app.WaitForSendAsync(Central, Customer, t => t.Contains("call our office on (555) 000-0000, they will sort it out", StringComparison.Ordinal), "the central number relayed as written");

        await ProviderWritesAsync(app, session.PoolPhoneNumberId, "or my cell (555) 010-0001 for anything else");
        await app.WaitForSendAsync(Central, Customer, t => t.Contains("for anything else", StringComparison.Ordinal), "the second message relayed");
        Assert.DoesNotContain(app.Sent(Central, Customer), t => t.Contains("010-0001", StringComparison.Ordinal));

        await using var db = app.CreateDbContext();
        var violation = Assert.Single(await db.PolicyViolations.Where(v => v.TicketId == ticketId).ToListAsync());
        Assert.Equal(ViolationKind.Phone, violation.Kind);
    }

    [Fact]
    public void Our_numbers_join_the_allowlist_once_and_the_stored_policy_is_untouched()
    {
        var stored = ContentPolicy.Default with { Allowlist = ["bowinbox.example", "+15550000000"] };

        var applied = RelaySettings.WithOwnNumbers(stored, ["15550000000", "15550000011"]);

        Assert.Equal(["bowinbox.example", "+15550000000", "+15550000011"], applied.Allowlist);
        Assert.True(applied.AllowsPhone("5550000011"));
        var scanner = new ContactScanner();
        Assert.False(scanner.Scan("call our office on (555) 000-0000", stored with { Allowlist = [] }).IsClean);
        Assert.True(scanner.Scan("call our office on (555) 000-0000", applied).IsClean);
        Assert.Equal(2, stored.Allowlist.Count);
    }
}
