using System.Text.Json.Nodes;
using BowInbox.Tests.Privacy;
using BowInbox.Tests.Support;
using BowInbox.Tests.WhatsApp;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Tests.Contacts;

/// <summary>
/// Marketing preferences find their customer as inbound messages do (BSUID, parent BSUID, phone), and a customer known
/// by phone who starts writing with a BSUID keeps one contact.
/// </summary>
public sealed class BsuidPreferenceTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private const string Central = Webhooks.OurNumber;

    /// <summary>The fixture's stop, for the given identifiers only (a missing one is left out, as Meta does).</summary>
    private static string Stop(string? waId, string? userId, string? parentUserId = null)
    {
        var node = JsonNode.Parse(Fixtures.Text("user_preferences_marketing_stop.json"))!;
        var value = node["entry"]![0]!["changes"]![0]!["value"]!.AsObject();
        var contact = new JsonObject { ["profile"] = new JsonObject { ["name"] = "Someone" } };
        var preference = value["user_preferences"]![0]!.AsObject();
        preference.Remove("wa_id");
        preference.Remove("user_id");
        foreach (var (name, id) in new[] { ("wa_id", waId), ("user_id", userId), ("parent_user_id", parentUserId) })
        {
            if (id is not null)
            {
                contact[name] = id;
                if (name != "parent_user_id")
                {
                    preference[name] = id;
                }
            }
        }

        value["contacts"] = new JsonArray(contact);
        return node.ToJsonString();
    }

    [Fact]
    public async Task A_customer_known_only_by_bsuid_who_stops_marketing_is_recorded()
    {
        const string userId = "MX.20000000000000000001";
        var contactId = await ContactOfAsync(BsuidWebhooks.Text(null, userId, "Hola", "wamid.P1", Central, "Lupe"), "wamid.P1");

        await PostAsync(Stop(waId: null, userId));

        await using var db = shared.App.CreateDbContext();
        await Eventually.TrueAsync(() => db.Contacts.AnyAsync(c => c.Id == contactId && c.MarketingStoppedAt != null), "the stop on the BSUID-only contact");
    }

    [Fact]
    public async Task A_stop_that_names_only_the_parent_bsuid_finds_the_customer_by_it()
    {
        const string parent = "GH.ENT.30000000000000000001";
        var contactId = await ContactOfAsync(BsuidWebhooks.Text(null, "GH.30000000000000000001", "Hello", "wamid.P2", Central, "Kofi", parentUserId: parent), "wamid.P2");

        // Another business's BSUID for the same person: unknown here, so the parent decides.
        await PostAsync(Stop(waId: null, "GH.30000000000000000009", parent));

        await using var db = shared.App.CreateDbContext();
        await Eventually.TrueAsync(() => db.Contacts.AnyAsync(c => c.Id == contactId && c.MarketingStoppedAt != null), "the stop found by the parent BSUID");
    }

    [Fact]
    public async Task A_bsuid_stop_goes_to_the_phone_contact_that_learnt_it_not_to_a_phone_match_elsewhere()
    {
        const string phone = "15557000301";
        const string userId = "US.40000000000000000001";
        var contactId = await ContactOfAsync(Webhooks.Text(phone, "Hi there", "wamid.P3", profileName: "Sam"), "wamid.P3");
        Assert.Equal(contactId, await ContactOfAsync(BsuidWebhooks.Text(phone, userId, "Me again", "wamid.P4", Central, "Sam"), "wamid.P4"));

        // The stop names the BSUID only: before, only a phone found anyone.
        await PostAsync(Stop(waId: null, userId));

        await using var db = shared.App.CreateDbContext();
        await Eventually.TrueAsync(() => db.Contacts.AnyAsync(c => c.Id == contactId && c.MarketingStoppedAt != null), "the stop on the contact known by phone and BSUID");
    }

    [Fact]
    public async Task A_phone_only_customer_who_writes_with_phone_and_bsuid_keeps_one_contact_and_is_found_by_the_bsuid_alone()
    {
        const string phone = "15557000302";
        const string userId = "US.40000000000000000002";
        var first = await ContactOfAsync(Webhooks.Text(phone, "My boiler is out", "wamid.P5", profileName: "Pat"), "wamid.P5");

        Assert.Equal(first, await ContactOfAsync(BsuidWebhooks.Text(phone, userId, "Any news?", "wamid.P6", Central, "Pat"), "wamid.P6"));
        Assert.Equal(first, await ContactOfAsync(BsuidWebhooks.Text(null, userId, "Hello?", "wamid.P7", Central, "Pat"), "wamid.P7"));

        await using var db = shared.App.CreateDbContext();
        var contact = await db.Contacts.AsNoTracking().SingleAsync(c => c.Id == first);
        Assert.NotNull(contact.UserIdHash);
        Assert.DoesNotContain(userId, contact.UserIdProtected, StringComparison.Ordinal);
        Assert.Equal(1, await db.Tickets.CountAsync(t => t.ContactId == first));
        Assert.Equal(3, await db.Messages.CountAsync(m => db.Tickets.Any(t => t.Id == m.TicketId && t.ContactId == first)));
    }

    private async Task<int> ContactOfAsync(string webhook, string wamid)
    {
        await PostAsync(webhook);
        await using var db = shared.App.CreateDbContext();
        await Eventually.TrueAsync(() => db.Messages.AnyAsync(m => m.Wamid == wamid), $"{wamid} to be recorded");
        var ticketId = await db.Messages.Where(m => m.Wamid == wamid).Select(m => m.TicketId).SingleAsync();
        return await db.Tickets.Where(t => t.Id == ticketId).Select(t => t.ContactId).SingleAsync();
    }

    private async Task PostAsync(string webhook)
        => Assert.True((await Webhooks.PostSignedAsync(shared.App.CreateBrowserlessClient(), webhook)).IsSuccessStatusCode);
}
