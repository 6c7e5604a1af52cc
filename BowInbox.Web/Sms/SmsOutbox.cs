using System.Text.Json.Nodes;
using BowInbox.Core.Channel;
using BowInbox.Core.Numbers;
using BowInbox.Core.Sms;
using BowInbox.Core.WhatsApp;
using BowInbox.Data;
using BowInbox.Web.WhatsApp;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Sms;

/// <summary>
/// The outbox's path for rows sent from an SMS number: the same claims, retries, per-recipient order and crash rules as
/// WhatsApp (the outbox sender does all that), with the send itself made through the SMS provider. A phone that texted
/// STOP gets nothing but the answer to its keyword; texts over the provider's limit go as several API messages, in order.
/// </summary>
public sealed class SmsOutbox(IDbContextFactory<InboxDbContext> contexts, ISmsClient client, INumberProtector numbers)
{
    public const string OptedOutTitle = "Not sent: the customer replied STOP to our texts";

    /// <summary>Marks the payload of an answer to STOP/START/HELP, which goes even to a phone that just opted out.</summary>
    public const string KeywordReplyMarker = "sms_keyword_reply";

    public async Task<SendOutcome> SendAsync(OutboxMessage row, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var keywordReply = JsonNode.Parse(row.PayloadJson)?[KeywordReplyMarker] is not null;
        if (!keywordReply && row.RecipientHash is { } hash && await db.SmsOptOuts.AnyAsync(o => o.NumberHash == hash, cancellationToken))
        {
            return new SendOutcome(null, new SendFailure(SendErrorKind.Undeliverable, null, null, OptedOutTitle, "opted out by SMS keyword"));
        }

        var shown = row.MessageId is { } id ? await db.Messages.Where(m => m.Id == id).Select(m => m.Text).FirstOrDefaultAsync(cancellationToken) : null;
        if (SmsOutboundText.Of(row.PayloadJson, shown) is not { Length: > 0 } text)
        {
            return new SendOutcome(null, new SendFailure(SendErrorKind.OurBug, null, null, "Nothing in this message can be sent by SMS", row.Kind.ToString()));
        }

        var to = numbers.Unprotect(row.ToProtected);
        if (SmsWebhookTranslation.Digits(to) is not { } toDigits)
        {
            return new SendOutcome(null, new SendFailure(SendErrorKind.Undeliverable, null, null, "The recipient has no phone number SMS can reach", null));
        }

        // The first part's id is the message's: its status callbacks move the ticks. A retry after a later part failed
        // sends the earlier parts again; texts that long are rare (the provider joins up to 1,600 characters itself).
        SendOutcome? first = null;
        foreach (var part in SmsSegments.SplitForSending(text))
        {
            var outcome = await client.SendAsync(row.FromPhoneNumberId, toDigits, part, cancellationToken);
            if (!outcome.Succeeded)
            {
                return outcome;
            }

            first ??= outcome;
        }

        return first!;
    }
}
