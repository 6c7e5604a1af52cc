using System.Text.Json.Nodes;
using BowInbox.Core.Channel;
using BowInbox.Core.Numbers;
using BowInbox.Core.Sms;
using BowInbox.Core.WhatsApp;
using BowInbox.Data;
using BowInbox.Web.WhatsApp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BowInbox.Web.Sms;

/// <summary>
/// STOP, START and HELP, answered as carriers require and before anything else reads the text: STOP keeps the phone's
/// keyed hash so nothing more is texted to it (the outbox refuses), START removes it, HELP answers the configured text.
/// Each answer is queued in the same transaction as the change, and only when something changed (HELP always), so the
/// provider delivering the same webhook twice changes nothing twice.
/// </summary>
public sealed class SmsKeywordReplies(
    IDbContextFactory<InboxDbContext> contexts, DatabaseWriteGate gate, OutboxWriter outbox, INumberProtector numbers, IOptions<SmsOptions> options, TimeProvider time)
{
    public const string StoppedText = "You will get no more texts from us. Reply START to receive them again.";

    public const string StartedText = "You will get our texts again. Reply STOP to stop, HELP for help.";

    public async Task HandleAsync(SmsKeyword keyword, string fromDigits, string ourDigits, CancellationToken cancellationToken)
    {
        var hash = numbers.Hash(fromDigits);
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        using (await gate.EnterAsync(cancellationToken))
        {
            var optOut = await db.SmsOptOuts.FirstOrDefaultAsync(o => o.NumberHash == hash, cancellationToken);
            string? answer = null;
            switch (keyword)
            {
                case SmsKeyword.Stop when optOut is null:
                    db.SmsOptOuts.Add(new SmsOptOut { NumberHash = hash, StoppedAt = now });
                    answer = StoppedText;
                    break;
                case SmsKeyword.Start when optOut is not null:
                    db.SmsOptOuts.Remove(optOut);
                    answer = StartedText;
                    break;
                case SmsKeyword.Help:
                    answer = options.Value.HelpText;
                    break;
            }

            if (answer is null)
            {
                return;
            }

            var payload = JsonNode.Parse(OutboundPayloads.Text(answer))!.AsObject();
            payload[SmsOutbox.KeywordReplyMarker] = true;
            await outbox.EnqueueFreeFormAsync(db, ourDigits, new Recipient(numbers.Protect(fromDigits), hash), OutboxKind.Text, payload.ToJsonString(), null, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        outbox.NotifySender();
    }
}
