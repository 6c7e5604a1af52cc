using BowInbox.Core.Contacts;
using BowInbox.Core.Numbers;
using BowInbox.Tests.Support;
using BowInbox.Web.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BowInbox.Tests.Privacy;

/// <summary>Numbers hashed before a number's written forms were folded are found again after the upgrade.</summary>
public sealed class PhoneKeyUpgradeTests
{
    [Fact]
    public async Task Mexican_number_stored_with_521_is_rehashed_and_the_customer_stays_one_contact()
    {
        await using var app = new InboxAppFactory();
        var numbers = app.Services.GetRequiredService<INumberProtector>();
        await using (var db = app.CreateDbContext())
        {
            // As an earlier version stored it: the hash of the digits as WhatsApp wrote them.
            db.Contacts.Add(new Contact { WaIdHash = numbers.LegacyHash("5215512340001"), WaIdProtected = numbers.Protect("5215512340001"), Alias = "C-LEGAC", CreatedAt = DateTime.UtcNow });
            db.Contacts.Add(new Contact { WaIdHash = numbers.LegacyHash("15557000501"), WaIdProtected = numbers.Protect("15557000501"), Alias = "C-PLAIN", CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            Assert.Equal(1, await app.Services.GetRequiredService<PhoneKeyUpgrade>().RehashAsync(db, CancellationToken.None));
        }

        var http = app.CreateBrowserlessClient();
        Assert.True((await Webhooks.PostSignedAsync(http, Webhooks.Text("525512340001", "hola", "wamid.MX1", profileName: "Pepe"))).IsSuccessStatusCode);

        await using var check = app.CreateDbContext();
        await Eventually.TrueAsync(() => check.Messages.AnyAsync(m => m.Wamid == "wamid.MX1"), "the message to be recorded");
        var ticket = await check.Tickets.Include(t => t.Contact).SingleAsync(t => check.Messages.Any(m => m.Wamid == "wamid.MX1" && m.TicketId == t.Id));
        Assert.Equal("C-LEGAC", ticket.Contact!.Alias);
        Assert.Equal(numbers.Hash("15557000501"), (await check.Contacts.SingleAsync(c => c.Alias == "C-PLAIN")).WaIdHash);
    }
}
