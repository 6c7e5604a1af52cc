using BowInbox.Core.Insurance;
using BowInbox.Core.Intake;
using BowInbox.Core.Messaging;
using BowInbox.Core.Tickets;
using BowInbox.Core.WhatsApp;
using BowInbox.Data;
using BowInbox.Web.Languages;
using BowInbox.Web.Routing;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Insurance;

/// <summary>
/// What insurance intake decided for a ticket. <see cref="Applies"/>: the ticket is an insurance request, so service and
/// area are not asked; <see cref="Ask"/>: the question to send now; <see cref="Waiting"/>: the customer was asked and has
/// not answered yet, so the ticket is not routed.
/// </summary>
public sealed record InsuranceStep(bool Applies, IReadOnlyList<string> Filled, string? Ask, bool Waiting)
{
    public static InsuranceStep None { get; } = new(false, [], null, false);
}

/// <summary>
/// The insurance part of guided intake, only when insurers are configured: reads the insurer and policy number from the
/// customer's messages (never overwriting what staff set); for an insurance request asks for the insurer with a WhatsApp
/// list and then for the policy number, each once. A ticket with an insurer is routed to that insurer's desk, whatever service and area say.
/// </summary>
public sealed class InsuranceIntake(InsurerCatalog catalog, CustomerNotices customers, CustomerLanguages languages, TimeProvider time)
{
    public const string PolicyKind = "policy";
    public const string AskedInsurer = "asked-insurer";
    public const string AskedPolicy = "asked-policy";
    public const string InsurerFound = "insurer-found";

    public async Task<InsuranceStep> ReadAsync(InboxDbContext db, Ticket ticket, ICollection<string> done, CancellationToken cancellationToken)
    {
        var snapshot = await catalog.GetAsync(cancellationToken);
        if (!snapshot.Any)
        {
            return InsuranceStep.None;
        }

        var messages = await db.Messages.AsNoTracking()
            .Where(m => m.TicketId == ticket.Id && m.Direction == MessageDirection.FromCustomer && m.Text != null && (m.Type == "text" || m.Type == "interactive" || m.Type == "button"))
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).Select(m => new { m.Text, m.CreatedAt }).ToListAsync(cancellationToken);
        var found = PolicyContext.Extract([.. messages.Select(m => m.Text!)], snapshot.Insurers);
        var filled = new List<string>();
        var now = time.GetUtcNow().UtcDateTime;
        if (ticket.InsurerId is null && found.InsurerId is not null)
        {
            ticket.InsurerId = found.InsurerId;
            filled.Add(found.Reason!);
        }

        var hasPolicy = await db.ExternalReferences.AnyAsync(r => r.TicketId == ticket.Id && r.Kind == PolicyKind, cancellationToken);
        // The number matched an Admin's pattern, and patterns that match phone numbers are refused on save.
        if (!hasPolicy && found.PolicyNumber is { } number && number.Length <= ExternalReference.MaxValueLength)
        {
            db.ExternalReferences.Add(new ExternalReference { TicketId = ticket.Id, Kind = PolicyKind, Value = number, CreatedAt = now });
            filled.Add($"policy {number} from the customer's message");
            hasPolicy = true;
        }

        async Task<bool> AnsweredSinceAsync(string kind)
        {
            var asked = await db.TicketEvents.Where(e => e.TicketId == ticket.Id && e.Kind == kind).MaxAsync(e => (DateTime?)e.At, cancellationToken);
            return asked is { } at && messages.Any(m => m.CreatedAt > at);
        }

        if (ticket.InsurerId is null && ticket.ServiceType is null && InsuranceSaid(snapshot, [.. messages.Select(m => m.Text!)]) is { } said)
        {
            ticket.ServiceType = said.Service;
            filled.Add($"{said.Service} from '{said.Word}'");
        }

        if (ticket.InsurerId is null)
        {
            // An insurance request is one whose service is an insurer desk's ("insurance", chosen from the service list),
            // or any request in a marketplace of insurers only. Otherwise, or when the customer named no insurer when
            // asked, the usual service and area questions take over.
            var insurance = ticket.ServiceType is { } service ? snapshot.DeskServices.Contains(service) : snapshot.OnlyInsurance;
            if (!insurance || (done.Contains(AskedInsurer) && await AnsweredSinceAsync(AskedInsurer)))
            {
                return new InsuranceStep(false, filled, null, false);
            }

            return new InsuranceStep(true, filled, done.Contains(AskedInsurer) ? null : AskedInsurer, true);
        }

        if (hasPolicy)
        {
            return new InsuranceStep(true, filled, null, false);
        }

        if (!done.Contains(AskedPolicy))
        {
            return new InsuranceStep(true, filled, AskedPolicy, true);
        }

        // Asked once: the ticket goes to the desk on the customer's next message, policy number or not.
        return new InsuranceStep(true, filled, null, !await AnsweredSinceAsync(AskedPolicy));
    }

    // "my insurance", "mi seguro", or the Insurance row of the service list: the desks' service in any language.
    private (string Service, string Word)? InsuranceSaid(InsurerSnapshot snapshot, IReadOnlyList<string> messages)
    {
        foreach (var service in snapshot.DeskServices)
        {
            if (PolicyContext.FirstSaid(messages, languages.Texts.InEveryLanguage($"service.{service.Trim().ToLowerInvariant()}").Append(service)) is { } word)
            {
                return (service, word);
            }
        }

        return null;
    }

    /// <summary>Sends the question <paramref name="ask"/> names; false when it cannot go (no central number, window closed).</summary>
    public async Task<(bool Sent, string Shown)> AskAsync(InboxDbContext db, Ticket ticket, string ask, CancellationToken cancellationToken)
    {
        var language = await languages.OfAsync(db, ticket, cancellationToken);
        var texts = languages.Texts;
        if (ask == AskedPolicy)
        {
            var text = texts.Get(language, "ask.policy");
            return (await customers.SendAsync(db, ticket, text, cancellationToken), text);
        }

        var insurers = (await catalog.GetAsync(cancellationToken)).Insurers.Take(WhatsAppLimits.MaxListRows).ToList();
        var body = texts.Get(language, "ask.insurer");
        var rows = insurers.Select(i => new ListRow($"intake:insurer:{i.Id}", Short(i.Name, WhatsAppLimits.MaxListRowTitleLength), null)).ToList();
        var payload = OutboundPayloads.List(body, Short(texts.Get(language, "ask.insurer.button"), WhatsAppLimits.MaxListButtonTextLength), [new ListSection(null, rows)]);
        var shown = $"{body} [{string.Join(" / ", insurers.Select(i => i.Name))}]";
        return (await customers.AskAsync(db, ticket, shown, payload, cancellationToken), shown);
    }

    private static string Short(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
