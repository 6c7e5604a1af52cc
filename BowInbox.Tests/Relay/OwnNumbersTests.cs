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

    [Fact]
    public void Without_configured_regions_the_countries_of_our_numbers_are_read_after_the_senders()
    {
        // A Danish marketplace: its central number is +45 33 12 34 56, and a Danish 8-digit mobile has no trunk prefix.
        var danish = RelaySettings.WithOwnNumbers(ContentPolicy.Default, ["4533123456"]);
        const string message = "call me 20123456";

        Assert.Equal(["DK"], danish.OwnNumberRegions);
        Assert.True(new ContactScanner().Scan(message, ContentPolicy.Default, null).IsClean);
        Assert.Contains(new ContactScanner().Scan(message, danish, null).Findings, f => f.Kind == ViolationKind.Phone);

        // Scanning:Regions, when set, is what is read instead.
        var configured = new ContactScanner(IntentLexicon.Default, new ScannerRegions(["GB"]));
        Assert.True(configured.Scan(message, danish, null).IsClean);
        Assert.Equal(["GB", "US", "ES", "MX"], new ScannerRegions(["GB"]).Apply(danish, null).PhoneRegions);
        Assert.Equal(["DK", "US", "ES", "MX", "GB"], ScannerRegions.None.Apply(danish, null).PhoneRegions);
    }
}
