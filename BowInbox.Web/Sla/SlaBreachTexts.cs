using System.Security.Claims;
using BowInbox.Data;
using BowInbox.Data.Identity;
using BowInbox.Web.Audit;
using BowInbox.Web.Inbox;
using BowInbox.Web.Relay;
using BowInbox.Web.WhatsApp;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Sla;

/// <summary>
/// The optional WhatsApp text to supervisors on an SLA breach: off until an Admin turns it on at <c>/admin/sla</c>.
/// It goes from the central number to every Supervisor's own registered command number, free-form inside their
/// 24-hour window and by the <c>sla_breach_alert</c> template outside it; it says which job and which target, and
/// nothing about the customer or the provider.
/// </summary>
public sealed class SlaBreachTexts(IDbContextFactory<InboxDbContext> contexts, RelayDelivery delivery, AuditLog audit, TimeProvider time)
{
    public const string SettingKey = "sla.breach-whatsapp";

    public static async Task<bool> EnabledAsync(InboxDbContext db, CancellationToken cancellationToken)
        => await db.SettingJsonAsync(SettingKey, cancellationToken) == "true";

    /// <summary>Supervisors (not Admins) with a registered command number.</summary>
    private static IQueryable<ApplicationUser> SupervisorsWithNumbers(InboxDbContext db) =>
        from u in db.Users
        join ur in db.UserRoles on u.Id equals ur.UserId
        join r in db.Roles on ur.RoleId equals r.Id
        where r.Name == Roles.Supervisor && u.WhatsAppHash != null && u.WhatsAppProtected != null
        select u;

    /// <summary>Queues the texts in the caller's transaction (with the alert row, so a breach is texted once); returns how many.</summary>
    public async Task<int> QueueAsync(InboxDbContext db, int ticketId, string whatIsLate, CancellationToken cancellationToken)
    {
        if (!await EnabledAsync(db, cancellationToken) || await RelayDelivery.CentralAsync(db, cancellationToken) is not { } central)
        {
            return 0;
        }

        var supervisors = await SupervisorsWithNumbers(db).Select(u => new { u.WhatsAppHash, u.WhatsAppProtected }).Distinct().ToListAsync(cancellationToken);
        string[] parameters = [ticketId.ToString(System.Globalization.CultureInfo.InvariantCulture), whatIsLate];
        var text = MessageTemplates.SlaBreachAlert.Text(parameters);
        var template = MessageTemplates.SlaBreachAlert.Payload(parameters);
        foreach (var supervisor in supervisors)
        {
            await delivery.SendTextAsync(db, central.PhoneNumberId, new Recipient(supervisor.WhatsAppProtected!, supervisor.WhatsAppHash!), text, template, null, cancellationToken);
        }

        return supervisors.Count;
    }

    public void NotifySender() => delivery.NotifySender();

    /// <summary>Whether breaches are texted, and to how many supervisors (those with a registered number).</summary>
    public async Task<(bool Enabled, int Supervisors)> StatusAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var supervisors = await SupervisorsWithNumbers(db).Select(u => u.Id).Distinct().CountAsync(cancellationToken);
        return (await EnabledAsync(db, cancellationToken), supervisors);
    }

    /// <summary>Turns the texts on or off (Admins only; audited).</summary>
    public async Task<ActionResult> SetEnabledAsync(ClaimsPrincipal user, bool enabled, CancellationToken cancellationToken = default)
    {
        if (!user.IsInRole(Roles.Admin))
        {
            return ActionResult.Fail("Only Admins change SLA alerts.");
        }

        var actor = SlaPolicyAdministration.Actor(user);
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            await db.StoreSettingAsync(SettingKey, enabled ? "true" : "false", actor, time.GetUtcNow().UtcDateTime, cancellationToken);
            await audit.SaveWithAsync(db, new AuditRecord(actor, AuditActions.SlaChanged, SettingKey, enabled ? "breach texts on" : "breach texts off"), cancellationToken);
        }
        return ActionResult.Ok(enabled ? "Supervisors are now texted on WhatsApp when a target is breached." : "Breaches are no longer texted on WhatsApp.");
    }
}
