using BowInbox.Core.Contacts;
using BowInbox.Core.Messaging;
using BowInbox.Core.Scanning;
using BowInbox.Data;
using BowInbox.Web.Live;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Offenders;

/// <summary>What the relay does with a message from a sender: pass it on, or hold it back.</summary>
public enum PauseDecision
{
    Relay = 0,
    Hold = 1,
}

/// <summary>
/// The one seam that decides whether a customer's message crosses the relay while the customer is paused
/// (<see cref="Decide"/>), and what holding it means (<see cref="HoldAsync"/>): the message stays in the staff
/// thread, marked held with a visible system note, the provider gets nothing, and the customer is told neutrally,
/// once per pause, in their language. A hold-for-review queue takes the held message from here.
/// </summary>
public sealed class CustomerPause(IntentLexicon lexicon, TimeProvider time)
{
    public const string HeldReason = "customer paused";

    public const string HeldNote = "Held: customer paused. This message was not passed on to the provider; a supervisor can lift the pause.";

    private static readonly Dictionary<string, string> Notices = new(StringComparer.Ordinal)
    {
        ["en"] = "Thank you, we have your message. It is being checked before it is passed on; we will be in touch.",
        ["es"] = "Gracias, hemos recibido tu mensaje. Lo estamos revisando antes de transmitirlo; te contactaremos.",
        ["pt"] = "Obrigado, recebemos a sua mensagem. Ela está sendo verificada antes de ser encaminhada; entraremos em contato.",
        ["fr"] = "Merci, nous avons bien reçu votre message. Il est en cours de vérification avant d'être transmis ; nous revenons vers vous.",
        ["de"] = "Danke, wir haben Ihre Nachricht erhalten. Sie wird geprüft, bevor sie weitergeleitet wird; wir melden uns.",
        ["hi"] = "Dhanyavaad, aapka message mil gaya hai. Aage bhejne se pehle iski jaanch ho rahi hai; hum aapse sampark karenge.",
    };

    /// <summary>Hold when the customer is paused; otherwise relay as usual.</summary>
    public static PauseDecision Decide(Contact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return contact.IsPaused ? PauseDecision.Hold : PauseDecision.Relay;
    }

    /// <summary>The neutral line a held customer is told, in the language of what they wrote (English when unsure).</summary>
    public string NoticeFor(string? text)
        => Notices.TryGetValue(lexicon.LanguageOf(text ?? "", null) ?? "en", out var notice) ? notice : Notices["en"];

    /// <summary>
    /// Marks <paramref name="message"/> held and adds the system note, in the caller's unit of work. Returns what to tell
    /// the customer, or null when this pause already told them (one notice per pause, not one per message).
    /// </summary>
    public async Task<string?> HoldAsync(InboxDbContext db, Contact contact, Message message, string? text, List<InboxChange> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(contact);
        ArgumentNullException.ThrowIfNull(message);
        var pausedAt = contact.PausedAt ?? time.GetUtcNow().UtcDateTime;
        var toldBefore = db.FirstTracked<Message>(m => m.TicketId == message.TicketId && m.Direction == MessageDirection.System && m.Text == HeldNote && m.CreatedAt >= pausedAt) is not null
            || await HeldNoteSinceAsync(db, contact.Id, pausedAt, cancellationToken);
        message.HeldReason = HeldReason;
        db.Messages.Add(new Message
        {
            TicketId = message.TicketId,
            Direction = MessageDirection.System,
            AuthorName = "BowInbox",
            Type = "text",
            Text = HeldNote,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        });
        changes.Add(new TicketChanged(message.TicketId, "message-held"));
        return toldBefore ? null : NoticeFor(text);
    }

    private static Task<bool> HeldNoteSinceAsync(InboxDbContext db, int contactId, DateTime pausedAt, CancellationToken cancellationToken)
        => db.Messages.AnyAsync(
            m => m.Direction == MessageDirection.System && m.Text == HeldNote && m.CreatedAt >= pausedAt && db.Tickets.Any(t => t.Id == m.TicketId && t.ContactId == contactId),
            cancellationToken);
}
