using System.Diagnostics;
using System.Globalization;
using BowInbox.Core.Channel;
using BowInbox.Core.Numbers;
using BowInbox.Core.Providers;
using BowInbox.Core.Relay;
using BowInbox.Core.Tickets;
using BowInbox.Data;
using BowInbox.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Bench;

/// <summary>
/// Puts N customers in open relay sessions with N providers, as if each ticket had been accepted:
/// the app itself creates contacts and tickets from one signed message per customer, then the bench
/// adds providers, sessions and the providers' open 24-hour windows on their pool numbers.
/// </summary>
internal sealed class RelaySeeder(AppDatabase database, TextWriter output)
{
    public const string CentralPhoneNumberId = "100000000000001";

    public static string PoolPhoneNumberId(int index) => (100000000000011L + index).ToString(CultureInfo.InvariantCulture);

    public async Task AddNumbersAsync(int poolNumbers, CancellationToken cancellationToken)
    {
        await using var db = await database.Contexts.CreateDbContextAsync(cancellationToken);
        var existing = await db.ProxyNumbers.Select(n => n.PhoneNumberId).ToListAsync(cancellationToken);
        var wanted = new[] { (CentralPhoneNumberId, NumberPurpose.Central) }
            .Concat(Enumerable.Range(0, poolNumbers).Select(i => (PoolPhoneNumberId(i), NumberPurpose.ProviderPool)));
        foreach (var (id, purpose) in wanted.Where(w => !existing.Contains(w.Item1)))
        {
            db.ProxyNumbers.Add(new ProxyNumber { PhoneNumberId = id, DisplayNumber = "+" + id[^11..], Purpose = purpose });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task PrimeCustomersAsync(LoadGenerator load, string appUrl, WebhookPayloads payloads, RelayTracker tracker, int customers, CancellationToken cancellationToken)
    {
        // Exactly one message per customer: anything more would still be in the app's queue when the steps start.
        var rate = Math.Min(200, customers);
        var result = await load.RunAsync(appUrl, rate, TimeSpan.FromSeconds(customers / (double)rate), i => payloads.CustomerText(i, tracker.NewToken()), null, cancellationToken);
        if (result.Errors > 0)
        {
            throw new InvalidOperationException($"The app refused {result.Errors} of {result.Sent} priming webhooks; is the app secret right?");
        }

        var hashes = CustomerHashes(customers);
        var clock = Stopwatch.StartNew();
        while (await OpenTicketsAsync(hashes, cancellationToken) < customers)
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(120))
            {
                throw new TimeoutException($"The app did not open a ticket for each of the {customers} customers within 2 minutes.");
            }

            await Task.Delay(200, cancellationToken);
        }

        output.WriteLine($"Primed {customers} customers through the webhook in {clock.Elapsed.TotalSeconds + result.ElapsedSeconds:0.0} s.");
    }

    public async Task OpenSessionsAsync(int customers, int poolNumbers, CancellationToken cancellationToken)
    {
        var now = DateTime.UtcNow;
        var hashes = CustomerHashes(customers);
        await using var db = await database.Contexts.CreateDbContextAsync(cancellationToken);
        var tickets = await db.Tickets.Include(t => t.Contact)
            .Where(t => hashes.Keys.Contains(t.Contact!.WaIdHash) && t.Status != TicketStatus.Resolved && t.Status != TicketStatus.Closed)
            .ToListAsync(cancellationToken);

        var role = await db.Roles.FirstOrDefaultAsync(r => r.Name == Roles.Technician, cancellationToken);
        if (role is null)
        {
            role = new IdentityRole(Roles.Technician) { NormalizedName = Roles.Technician.ToUpperInvariant() };
            db.Roles.Add(role);
        }

        var providers = new List<(Ticket Ticket, Provider Provider)>();
        foreach (var ticket in tickets)
        {
            var customer = hashes[ticket.Contact!.WaIdHash];
            var email = $"bench-tech{customer}-{Guid.NewGuid():N}@bench.local";
            var user = BenchUsers.New(email, $"Bench Tech{customer}");
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = role.Id });
            var waId = WebhookPayloads.ProviderWaId(customer);
            var provider = new Provider { UserId = user.Id, DisplayName = user.DisplayName, WaIdHash = database.Numbers.Hash(waId), WaIdProtected = database.Numbers.Protect(waId), Capacity = 100 };
            db.Providers.Add(provider);
            providers.Add((ticket, provider));
        }

        await db.SaveChangesAsync(cancellationToken);

        foreach (var (ticket, provider) in providers)
        {
            var pool = PoolPhoneNumberId(hashes[ticket.Contact!.WaIdHash] % poolNumbers);
            ticket.ProviderId = provider.Id;
            ticket.Status = TicketStatus.Assigned;
            ticket.OfferedAt = now;
            ticket.AcceptedAt = now;
            db.RelaySessions.Add(new RelaySession { TicketId = ticket.Id, ContactId = ticket.ContactId, ProviderId = provider.Id, PoolPhoneNumberId = pool, OpenedAt = now, LastActivityAt = now });
            db.ConversationWindows.Add(new ConversationWindow { PhoneNumberId = pool, WaIdHash = provider.WaIdHash!, LastInboundAt = now });
        }

        await db.SaveChangesAsync(cancellationToken);
        output.WriteLine($"Opened {providers.Count} relay sessions on {poolNumbers} pool numbers.");
    }

    private Dictionary<string, int> CustomerHashes(int customers)
        => Enumerable.Range(0, customers).ToDictionary(c => database.Numbers.Hash(WebhookPayloads.CustomerWaId(c)));

    private async Task<int> OpenTicketsAsync(Dictionary<string, int> hashes, CancellationToken cancellationToken)
    {
        await using var db = await database.Contexts.CreateDbContextAsync(cancellationToken);
        return await db.Tickets.CountAsync(t => hashes.Keys.Contains(t.Contact!.WaIdHash) && t.Status != TicketStatus.Resolved && t.Status != TicketStatus.Closed, cancellationToken);
    }
}
