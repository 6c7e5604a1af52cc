using BowInbox.Data;
using BowInbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BowInbox.Tests.Foundation;

/// <summary>Lookups that run per message must not scan tables that grow with every message.</summary>
public sealed class QueryPlanTests
{
    [Theory]
    [InlineData("SELECT PayloadJson FROM Outbox WHERE Wamid = 'wamid.X' AND FromPhoneNumberId = '1'", "IX_Outbox_Wamid")]
    [InlineData("SELECT Id FROM Messages WHERE Wamid = 'wamid.X'", "IX_Messages_Wamid")]
    [InlineData("SELECT Id FROM InboundEvents WHERE ProcessedAt IS NULL ORDER BY Id LIMIT 200", "IX_InboundEvents_ProcessedAt")]
    [InlineData("SELECT Id FROM Outbox WHERE Status = 0 AND NextAttemptAt <= '2026-01-01' ORDER BY Id LIMIT 64", "IX_Outbox_Status_NextAttemptAt")]

    // The relay finds a provider by number only while its user is an active Technician (UserStanding): every step a search.
    [InlineData(
        "SELECT p.Id FROM Providers AS p WHERE p.WaIdHash = 'h' AND EXISTS (SELECT 1 FROM AspNetUsers AS u WHERE u.Id = p.UserId "
        + "AND (u.LockoutEnd <> '9999-12-31 23:59:59.9999999+00:00' OR u.LockoutEnd IS NULL) AND EXISTS (SELECT 1 FROM AspNetUserRoles AS ur "
        + "WHERE ur.UserId = u.Id AND EXISTS (SELECT 1 FROM AspNetRoles AS r WHERE r.Id = ur.RoleId AND r.NormalizedName = 'TECHNICIAN')))",
        "IX_Providers_WaIdHash")]
    public async Task Per_message_lookups_use_an_index(string sql, string index)
    {
        await using var app = new InboxAppFactory();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<InboxDbContext>>().CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(3));
            }
        }

        Assert.Contains(plan, step => step.Contains(index, StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN ", StringComparison.Ordinal) && !step.Contains("USING", StringComparison.Ordinal));
    }
}
