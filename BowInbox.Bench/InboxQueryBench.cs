using System.Diagnostics;
using System.Security.Claims;
using BowInbox.Core.Contacts;
using BowInbox.Data;
using BowInbox.Data.Identity;
using BowInbox.Web.Inbox;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BowInbox.Bench;

/// <summary>
/// Times the real <see cref="InboxQueries.ListAsync"/> (the inbox's first page and a search) over a database
/// of many tickets, each with a contact and a message, as an intake agent who sees every ticket.
/// </summary>
internal static class InboxQueryBench
{
    public const string SearchTerm = "boiler";
    private const int PageSize = 50;

    /// <summary>Creates and fills the database; returns how long seeding took, in seconds.</summary>
    public static async Task<double> PrepareAsync(string folder, int tickets, CancellationToken cancellationToken)
    {
        await using var provider = Services(folder);
        await using (var db = await provider.GetRequiredService<IDbContextFactory<InboxDbContext>>().CreateDbContextAsync(cancellationToken))
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        var seeding = Stopwatch.StartNew();
        await SeedAsync(ConnectionString(folder), tickets, cancellationToken);
        return Math.Round(seeding.Elapsed.TotalSeconds, 1);
    }

    public static async Task<InboxQueryResult> TimeQueriesAsync(string folder, int tickets, double seedSeconds, int runs, CancellationToken cancellationToken)
    {
        await using var provider = Services(folder);
        var queries = provider.GetRequiredService<InboxQueries>();
        var agent = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "bench-intake-agent"), new Claim(ClaimTypes.Role, Roles.IntakeAgent)], "bench"));
        return new InboxQueryResult(tickets, seedSeconds,
        [
            await TimeAsync("first page, all open", runs, () => queries.ListAsync(agent, InboxFilter.AllOpen, null, 0, PageSize, cancellationToken)),
            await TimeAsync($"search \"{SearchTerm}\" in messages", runs, () => queries.ListAsync(agent, InboxFilter.AllOpen, SearchTerm, 0, PageSize, cancellationToken)),
        ], null);
    }

    private static string ConnectionString(string folder) => $"Data Source={Path.Combine(folder, "inbox-queries.db")}";

    private static ServiceProvider Services(string folder)
    {
        var services = new ServiceCollection()
            .AddInboxDatabase(DatabaseProvider.Sqlite, ConnectionString(folder))
            .AddSingleton(TimeProvider.System)
            .AddSingleton<BowInbox.Web.Privacy.OriginalTexts>()
            .AddSingleton<InboxQueries>();

        // The list reads no protected text; the threads' decryption needs a key ring, and this database has its own.
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        return services.BuildServiceProvider();
    }

    private static async Task<InboxQueryTiming> TimeAsync(string name, int runs, Func<Task<InboxPage>> query)
    {
        var page = await query(); // warm-up: compile the query, fill the page cache
        var samples = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            page = await query();
            samples.Add(clock.Elapsed.TotalMilliseconds);
        }

        return new InboxQueryTiming(name, runs, page.Rows.Count, page.TotalCount, Percentiles.Of(samples));
    }

    /// <summary>One transaction of prepared inserts: contacts, tickets (four in five open) and one customer message each.</summary>
    private static async Task SeedAsync(string connectionString, int tickets, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var contact = Prepare(connection, transaction, """
            INSERT INTO "Contacts" ("Id", "WaIdHash", "WaIdProtected", "ProfileName", "Alias", "CreatedAt") VALUES ($id, $hash, $protected, $name, $alias, $at)
            """, "$id", "$hash", "$protected", "$name", "$alias", "$at");
        await using var ticket = Prepare(connection, transaction, """
            INSERT INTO "Tickets" ("Id", "ContactId", "Channel", "Status", "Urgency", "UnreadCount", "CreatedAt", "LastActivityAt", "LastCustomerMessageAt", "WaitingSince", "LastMessagePreview")
            VALUES ($id, $id, 'WhatsApp', $status, 0, 1, $at, $at, $at, $at, $text)
            """, "$id", "$status", "$at", "$text");
        await using var message = Prepare(connection, transaction, """
            INSERT INTO "Messages" ("TicketId", "Direction", "AuthorName", "Type", "Text", "Wamid", "PhoneNumberId", "Status", "CreatedAt")
            VALUES ($id, 0, $author, 'text', $text, $wamid, '100000000000001', 0, $at)
            """, "$id", "$author", "$text", "$wamid", "$at");

        var now = DateTime.UtcNow;
        for (var id = 1; id <= tickets; id++)
        {
            var at = now.AddSeconds(-id * 7);
            var alias = ContactAlias.FromId(id);
            var name = $"Customer{id}";
            var text = id % 100 == 1 ? $"My {SearchTerm} stopped working, number {id}" : $"Need help with the kitchen sink, request {id}";

            // Bench rows, not people: the hash and the protected value are placeholders no real number produces.
            Run(contact, id, $"bench{id:D59}", $"bench-placeholder-{id}", name, alias, at);
            Run(ticket, id, id % 5 == 0 ? 4 : id % 2 == 0 ? 3 : 0, at, text);
            Run(message, id, $"{alias} {name}", text, $"wamid.SEED{id}", at);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        command.ExecuteNonQuery();
    }
}
