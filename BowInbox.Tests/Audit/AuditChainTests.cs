using BowInbox.Core.Audit;
using BowInbox.Tests.Support;
using BowInbox.Web.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BowInbox.Tests.Audit;

public sealed class AuditChainTests
{
    private static readonly byte[] Key = System.Text.Encoding.UTF8.GetBytes(InboxAppFactory.AuditHmacKey);

    /// <summary>A chain of <paramref name="length"/> entries, the first <paramref name="unkeyed"/> of them written before the chain was keyed.</summary>
    private static List<AuditEntry> Chain(int length, int unkeyed = 0)
    {
        var entries = new List<AuditEntry>();
        var previous = AuditChain.Genesis;
        for (var i = 1; i <= length; i++)
        {
            var entry = new AuditEntry
            {
                Id = i,
                Sequence = i,
                HashVersion = i <= unkeyed ? AuditChain.UnkeyedVersion : AuditChain.KeyedVersion,
                At = new DateTime(2025, 1, 1, 0, 0, i, DateTimeKind.Utc),
                Actor = "sam",
                Action = "transcript-viewed",
                Target = $"ticket #{i}",
                Details = "",
                PreviousHash = previous,
            };
            entry.Hash = AuditChain.ComputeHash(entry, Key);
            previous = entry.Hash;
            entries.Add(entry);
        }

        return entries;
    }

    /// <summary>What someone who can write the table but lacks the key can do: rewrite from an entry on, recomputing every hash after it.</summary>
    private static void Rewrite(List<AuditEntry> entries, int fromIndex, Action<AuditEntry> edit, int version, byte[] key)
    {
        edit(entries[fromIndex]);
        var previous = fromIndex == 0 ? AuditChain.Genesis : entries[fromIndex - 1].Hash;
        foreach (var entry in entries.Skip(fromIndex))
        {
            entry.HashVersion = version;
            entry.PreviousHash = previous;
            entry.Hash = AuditChain.ComputeHash(entry, key);
            previous = entry.Hash;
        }
    }

    [Fact]
    public void Intact_chain_has_no_broken_link()
        => Assert.Null(AuditChain.FirstBrokenLink(Chain(5), Key));

    [Fact]
    public void Unkeyed_entries_from_before_the_key_still_verify_ahead_of_keyed_ones()
        => Assert.Null(AuditChain.FirstBrokenLink(Chain(6, unkeyed: 3), Key));

    [Fact]
    public void Rewritten_entry_fails_even_with_every_unkeyed_hash_after_it_recomputed()
    {
        var entries = Chain(6, unkeyed: 2);
        Rewrite(entries, 3, e => e.Actor = "someone-else", AuditChain.UnkeyedVersion, []);

        Assert.Equal(4, AuditChain.FirstBrokenLink(entries, Key));
    }

    [Fact]
    public void Rewritten_entry_fails_when_recomputed_with_another_key()
    {
        var entries = Chain(5);
        Rewrite(entries, 2, e => e.Details = "nothing to see", AuditChain.KeyedVersion, System.Text.Encoding.UTF8.GetBytes("a-guessed-key-that-is-not-the-real-one"));

        Assert.Equal(3, AuditChain.FirstBrokenLink(entries, Key));
    }

    [Fact]
    public void Keyed_chain_does_not_verify_without_the_key()
        => Assert.Equal(1, AuditChain.FirstBrokenLink(Chain(3), []));

    [Fact]
    public void Edited_entry_is_the_first_broken_link()
    {
        var entries = Chain(5);
        entries[2].Details = "nothing to see";

        Assert.Equal(3, AuditChain.FirstBrokenLink(entries, Key));
    }

    [Fact]
    public void Removed_entry_breaks_the_link_of_the_one_after_it()
    {
        var entries = Chain(5);
        entries.RemoveAt(1);

        Assert.Equal(3, AuditChain.FirstBrokenLink(entries, Key));
    }

    [Fact]
    public async Task Editing_a_row_in_the_database_makes_verification_fail_at_that_entry()
    {
        await using var app = new InboxAppFactory();
        var log = app.Services.GetRequiredService<AuditLog>();
        var queries = app.Services.GetRequiredService<AuditQueries>();
        for (var i = 1; i <= 4; i++)
        {
            await log.WriteAsync("supervisor@demo.local", AuditActions.TranscriptViewed, $"ticket #{i}", "viewed on the transcript page");
        }

        var before = await queries.VerifyAsync();
        Assert.True(before.Intact);
        Assert.True(before.EntriesChecked >= 4);

        await using var db = app.CreateDbContext();
        var victim = await db.AuditEntries.Where(e => e.Target == "ticket #3").Select(e => e.Id).SingleAsync();
        await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE AuditEntries SET Actor = 'someone-else' WHERE Id = {victim}");

        var after = await queries.VerifyAsync();

        Assert.False(after.Intact);
        Assert.Equal(victim, after.FirstBrokenId);
    }
}
