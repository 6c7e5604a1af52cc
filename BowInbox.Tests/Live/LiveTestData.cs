using System.Security.Claims;
using BowInbox.Data.Identity;
using BowInbox.Tests.Support;
using BowInbox.Web.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BowInbox.Tests.Live;

internal static class LiveTestData
{
    public const string Intake = "intake@demo.local";
    public const string Supervisor = "supervisor@demo.local";
    public const string Admin = "admin@demo.local";
    public const string Tech1 = "tech1@demo.local";
    public const string Tech2 = "tech2@demo.local";

    /// <summary>How long a client is watched to show that nothing reached it.</summary>
    public static readonly TimeSpan QuietPeriod = TimeSpan.FromSeconds(2);

    public static readonly ClaimsPrincipal IntakeAgent = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, "agent-id"), new Claim(ClaimTypes.Role, Roles.IntakeAgent)], authenticationType: "test"));

    /// <summary>Offers the ticket to a technician the way routing will: the provider is set, then the change is published.</summary>
    public static async Task OfferToAsync(InboxAppFactory app, int ticketId, string technicianEmail)
    {
        await using var db = app.CreateDbContext();
        var providerId = await db.Providers
            .Where(p => db.Users.Any(u => u.Id == p.UserId && u.Email == technicianEmail))
            .Select(p => p.Id)
            .SingleAsync();
        await db.Tickets.Where(t => t.Id == ticketId).ExecuteUpdateAsync(s => s.SetProperty(t => t.ProviderId, providerId));
        await app.Services.GetRequiredService<InboxEvents>().PublishAsync(new TicketChanged(ticketId, "offered"));
    }
}
