using BowInbox.Tests.Channel;
using BowInbox.Web.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BowInbox.Tests.Support;

/// <summary>
/// Later changes a test waits for instead of waiting a while, to show that an earlier push did not reach a client:
/// the hub delivers to a connection in the order it sent, so once the marker is there, anything sent before it is too.
/// </summary>
public static class HubMarkers
{
    private const string MarkerCustomer = "15557000999";

    /// <summary>Publishes a later change on <paramref name="ticketId"/> and waits until each client has the ticket's row again.</summary>
    public static async Task PassOnTicketAsync(InboxAppFactory app, int ticketId, params HubClient[] clients)
    {
        var before = clients.ToDictionary(c => c, c => c.Calls(InboxClientMethods.TicketUpdated, ticketId).Count());
        await app.Services.GetRequiredService<InboxEvents>().PublishAsync(new TicketChanged(ticketId, "marker"));
        foreach (var client in clients)
        {
            await Eventually.TrueAsync(() => client.Calls(InboxClientMethods.TicketUpdated, ticketId).Count() > before[client], "the marker change to arrive");
        }
    }

    /// <summary>
    /// A new customer's ticket offered to <paramref name="technicianEmail"/>, waited for on <paramref name="technician"/>'s
    /// connection; returns its id, so the caller can leave the marker's own calls out.
    /// </summary>
    public static async Task<int> PassOfferedTicketAsync(InboxAppFactory app, HubClient technician, string technicianEmail)
    {
        var marker = await ChannelTestData.CustomerWroteAsync(app, "a later ticket, the marker", MarkerCustomer);
        await using (var db = app.CreateDbContext())
        {
            var providerId = await db.Providers.Where(p => db.Users.Any(u => u.Id == p.UserId && u.Email == technicianEmail)).Select(p => p.Id).SingleAsync();
            await db.Tickets.Where(t => t.Id == marker).ExecuteUpdateAsync(s => s.SetProperty(t => t.ProviderId, providerId));
        }

        await app.Services.GetRequiredService<InboxEvents>().PublishAsync(new TicketChanged(marker, "offered"));
        await technician.WaitForAsync(InboxClientMethods.TicketUpdated, marker);
        return marker;
    }
}
