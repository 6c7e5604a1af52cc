using BowInbox.Core.Channel;
using BowInbox.Core.Messaging;
using BowInbox.Core.Providers;
using BowInbox.Core.Review;
using BowInbox.Core.Scanning;
using BowInbox.Core.Tickets;
using BowInbox.Core.WhatsApp;
using BowInbox.Data;
using BowInbox.Web.Live;
using BowInbox.Web.Media;
using BowInbox.Web.Review;
using BowInbox.Web.WhatsApp;

namespace BowInbox.Web.Relay;

/// <summary>
/// Files crossing the relay: their words (read before the turn, <see cref="MediaPrescan"/>) go through the scanner and
/// policy like a message's text. A file cannot be redacted: one showing a detail the policy redacts stays here and its
/// caption goes on as text; a blocked finding blocks the message; a flagged one passes and alerts. A file that could
/// not be read follows the unscannable-media policy of its sender's kind.
/// </summary>
public sealed partial class RelayForwarder
{
    public const string WithheldText = "[a file was not passed on: it showed contact details]";

    public const string UnscannableBlockedNotice = "Your file was not sent: files of this kind cannot be checked here. Please describe it in a message.";

    public const string WithheldNotice = "Your file was not passed on: it showed contact details, which are shared only through the platform. Describe it in a message instead.";

    private async Task<Outgoing> PrepareMediaAsync(
        InboxDbContext db, int ticketId, SenderKind sender, Provider? provider, Message message, InboundMessage inbound, InboundMessage safe,
        IReadOnlyList<ScanResult> fields, ContentPolicy policy, List<InboxChange> changes, CancellationToken cancellationToken)
    {
        var type = inbound.Type;
        var file = inbound.Media!;
        var read = mediaScans.Find(file.Id) ?? MediaScan.Failed("the file was not read before it was to be passed on", "none");
        if (read.Text is { Length: > 0 } words)
        {
            message.MediaText = originals.Protect(words);
        }

        var caption = string.IsNullOrWhiteSpace(file.Caption) ? null : file.Caption;
        var body = caption is null ? ScanResult.Clean("") : screening.ScanText(policy, caption, inbound.From);
        var inFile = read.Text is { Length: > 0 } text ? screening.ScanText(policy, text, inbound.From) : ScanResult.Clean("");
        string? hold = null;
        if (!read.Scanned)
        {
            var action = (await UnscannableMediaPolicy.ReadAsync(db, cancellationToken)).For(sender);
            RecordUnscanned(db, ticketId, sender, type, read.Unscannable!, action, captioned: caption is not null);
            if (action == UnscannableAction.Block)
            {
                Replace(message, BlockedText);
                return new Outgoing("none", null, new Screening(ScanResult.Clean(""), UnscannableBlockedNotice), safe);
            }

            hold = action == UnscannableAction.HoldForReview ? read.Unscannable : null;
        }

        if (body.IsClean && fields.Count == 0 && inFile.IsClean)
        {
            return new Outgoing(type, caption, null, safe, hold);
        }

        var withheld = inFile.Findings.Any(f => f.Action == PolicyAction.Redact) && inFile.Verdict != ScanVerdict.Blocked;
        var screened = await RecordScreeningAsync(db, WithFile(RelayFields.Merge(body, fields), inFile, withheld), ticketId, sender, provider, message, changes, cancellationToken);
        if (screened.Delivered is null)
        {
            Replace(message, BlockedText);
            return new Outgoing("none", null, screened, safe);
        }

        if (caption is not null)
        {
            Apply(message, caption, screened, caption: true);
        }
        else if (fields.Count > 0)
        {
            Replace(message, safe.DisplayText);
        }

        if (withheld)
        {
            // The file stays on the ticket for staff; the other side gets the (scanned) caption and a neutral note.
            var note = string.IsNullOrEmpty(screened.Delivered) ? WithheldText : $"{WithheldText} {screened.Delivered}";
            return new Outgoing("text", note, screened, safe);
        }

        return new Outgoing(type, string.IsNullOrEmpty(screened.Delivered) ? null : screened.Delivered, screened, safe, hold);
    }

    /// <summary>The caption's (and fields') result with the file's findings added; the strongest action decides.</summary>
    private static ScanResult WithFile(ScanResult message, ScanResult inFile, bool withheld)
    {
        if (inFile.IsClean)
        {
            return message;
        }

        var findings = message.Findings.Concat(inFile.Findings).ToList();
        if (message.Verdict == ScanVerdict.Blocked || inFile.Verdict == ScanVerdict.Blocked)
        {
            var notice = message.Verdict == ScanVerdict.Blocked ? message.SenderNotice : inFile.SenderNotice;
            return new ScanResult(findings, ScanVerdict.Blocked, null, notice);
        }

        if (withheld)
        {
            return new ScanResult(findings, ScanVerdict.Redacted, message.DeliveredText, WithheldNotice);
        }

        // Only flags in the file: it passes as it is, supervisors are alerted.
        var verdict = message.IsClean ? ScanVerdict.Flagged : message.Verdict;
        return new ScanResult(findings, verdict, message.DeliveredText, message.SenderNotice ?? inFile.SenderNotice);
    }

    private void RecordUnscanned(InboxDbContext db, int ticketId, SenderKind sender, string type, string why, UnscannableAction action, bool captioned)
        => db.TicketEvents.Add(new TicketEvent
        {
            TicketId = ticketId,
            At = time.GetUtcNow().UtcDateTime,
            Kind = "media-unscanned",
            Detail = $"The {(sender == SenderKind.Customer ? "customer" : "provider")}'s {type} could not be checked ({why}); unscannable-media policy: {UnscannableMediaPolicy.Label(action)}"
                + (captioned ? " (its caption and file name were scanned)." : " (its file name was scanned; it had no caption)."),
        });

    private async Task HoldAsync(
        InboxDbContext db, int ticketId, Message message, SenderKind sender, int? providerId, string why, (string From, Recipient To) send,
        (OutboxKind Kind, string Json) payload, string? fallback, (string From, Recipient To) senderSide, InboundMessage inbound, List<InboxChange> changes, CancellationToken cancellationToken,
        HeldReason reason = HeldReason.UnscannableMedia)
    {
        if (message.Id == 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        await held.HoldAsync(
            db,
            new HoldRequest(ticketId, message.Id, sender, providerId, reason, why, send.From, send.To, payload.Kind, payload.Json, fallback,
                senderSide.From, senderSide.To, inbound.Media?.Id, inbound.Media?.MimeType, TellBothSides: reason != HeldReason.SenderPaused),
            changes,
            cancellationToken);
    }
}
