using BowInbox.Core.Channel;
using BowInbox.Core.Contacts;
using BowInbox.Core.Numbers;
using BowInbox.Core.WhatsApp;
using BowInbox.Data;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.WhatsApp;

/// <summary>
/// Before a group of messages is handled: each sender that comes with a business-scoped user id (BSUID) is matched to the
/// customer or provider it belongs to (BSUID, then parent BSUID, then phone), who learns the new identifiers, and the
/// message is addressed to that person's stored address. The handlers after this find people by address alone, so a
/// customer who hid their phone, or a provider who started writing with a BSUID, stays one person with one ticket.
/// Messages that carry only a phone (every message before Meta's usernames) cost nothing here.
/// </summary>
internal sealed class SenderIdentities(INumberProtector numbers)
{
    /// <summary>Rewrites the payloads' new messages in place; saves what people learnt before the group is read.</summary>
    public async Task ResolveAsync(
        InboxDbContext db, Dictionary<long, WebhookParseResult> payloads, IReadOnlyDictionary<string, NumberPurpose> ourNumbers, HashSet<string> seen, CancellationToken cancellationToken)
    {
        var toResolve = payloads.Values.SelectMany(p => p.Webhook?.Messages ?? [])
            .Where(m => !seen.Contains(m.Wamid) && ourNumbers.ContainsKey(m.PhoneNumberId)
                && (m.FromUserId is not null || m.FromParentUserId is not null || m.IdentityChange is not null))
            .ToList();
        if (toResolve.Count == 0)
        {
            return;
        }

        var hashes = toResolve.SelectMany(HashesOf).Distinct().ToList();
        var customers = toResolve.Any(m => ourNumbers[m.PhoneNumberId] == NumberPurpose.Central)
            ? await db.Contacts.Where(c => hashes.Contains(c.WaIdHash) || hashes.Contains(c.UserIdHash!) || hashes.Contains(c.ParentUserIdHash!)).ToListAsync(cancellationToken)
            : [];
        var providers = toResolve.Any(m => ourNumbers[m.PhoneNumberId] == NumberPurpose.ProviderPool)
            ? await db.Providers.Where(p => hashes.Contains(p.WaIdHash!) || hashes.Contains(p.UserIdHash!) || hashes.Contains(p.ParentUserIdHash!)).ToListAsync(cancellationToken)
            : [];
        var customerKeys = new IdentityKeys(numbers, customers);
        var providerKeys = new IdentityKeys(numbers, providers);

        var addressed = new Dictionary<string, InboundMessage>(StringComparer.Ordinal);
        foreach (var message in toResolve)
        {
            var keys = ourNumbers[message.PhoneNumberId] == NumberPurpose.Central ? customerKeys : providerKeys;
            if (keys.Learn(message) is { AddressHash: { } addressHash, AddressProtected: { } address }
                && numbers.Hash(message.From) != addressHash)
            {
                addressed[message.Wamid] = message with { From = numbers.Unprotect(address) };
            }
        }

        if (addressed.Count > 0)
        {
            foreach (var (id, parsed) in payloads.Where(p => p.Value.Webhook is not null).ToList())
            {
                var webhook = parsed.Webhook!;
                if (webhook.Messages.Any(m => addressed.ContainsKey(m.Wamid)))
                {
                    payloads[id] = WebhookParseResult.Success(webhook with { Messages = [.. webhook.Messages.Select(m => addressed.GetValueOrDefault(m.Wamid, m))] });
                }
            }
        }

        if (customerKeys.Changed || providerKeys.Changed)
        {
            await MoveWindowsAsync(db, [.. customerKeys.Moves, .. providerKeys.Moves], cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private IEnumerable<string> HashesOf(InboundMessage message)
        => new[] { message.From, message.FromUserId, message.FromParentUserId, message.IdentityChange?.PreviousUserId, message.IdentityChange?.NewPhone, message.IdentityChange?.NewUserId }
            .OfType<string>()
            .Select(numbers.Hash);

    /// <summary>Windows follow the address; where the new address already has one on that number, the later one stays.</summary>
    private static async Task MoveWindowsAsync(InboxDbContext db, List<AddressMove> moves, CancellationToken cancellationToken)
    {
        if (moves.Count == 0)
        {
            return;
        }

        var hashes = moves.SelectMany(m => new[] { m.OldHash, m.NewHash }).Distinct().ToList();
        var windows = await db.ConversationWindows.Where(w => hashes.Contains(w.WaIdHash)).ToListAsync(cancellationToken);
        foreach (var move in moves)
        {
            foreach (var window in windows.Where(w => w.WaIdHash == move.OldHash).ToList())
            {
                if (windows.FirstOrDefault(w => w.PhoneNumberId == window.PhoneNumberId && w.WaIdHash == move.NewHash) is { } existing)
                {
                    existing.LastInboundAt = existing.LastInboundAt > window.LastInboundAt ? existing.LastInboundAt : window.LastInboundAt;
                    db.ConversationWindows.Remove(window);
                    windows.Remove(window);
                }
                else
                {
                    window.WaIdHash = move.NewHash;
                }
            }
        }
    }
}
