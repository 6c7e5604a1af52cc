using BowInbox.Core.Numbers;
using BowInbox.Core.Audit;
using BowInbox.Core.Tickets;
using BowInbox.Data;
using BowInbox.Web.Audit;
using BowInbox.Web.WhatsApp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BowInbox.Web.Relay;

/// <param name="PortfolioId">The business portfolio (WABA owner) the number belongs to.</param>
/// <param name="WabaId">The WhatsApp Business Account the number belongs to.</param>
/// <param name="MessagesPerSecond">The rate Meta granted the number; null for the default.</param>
/// <param name="Coexistence">Shared with the WhatsApp Business app (held to 20 messages a second).</param>
/// <param name="Channel">WhatsApp, or SMS (then the id is the number's digits).</param>
public sealed record NumberForm(
    int? Id, string? PhoneNumberId, string? DisplayNumber, NumberPurpose Purpose, string? Region, bool Active,
    string? PortfolioId = null, string? WabaId = null, int? MessagesPerSecond = null, bool Coexistence = false, string Channel = TicketChannels.WhatsApp);

/// <summary>The WhatsApp business numbers the marketplace owns, as Admins manage them at <c>/admin/numbers</c>; every edit is audited with it.</summary>
public sealed class BusinessNumbers(IDbContextFactory<InboxDbContext> contexts, AuditLog audit, SendingNumbers sending, IOptions<WhatsAppOptions> options)
{
    public async Task<IReadOnlyList<ProxyNumber>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ProxyNumbers.AsNoTracking().OrderBy(n => n.Purpose).ThenBy(n => n.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Adds or updates a number; returns an error a person can act on, or null when saved.</summary>
    public async Task<string?> SaveAsync(string actor, NumberForm form, CancellationToken cancellationToken = default)
    {
        var phoneNumberId = form.PhoneNumberId?.Trim() ?? "";
        if (form.Channel is not (TicketChannels.WhatsApp or TicketChannels.Sms))
        {
            return "The channel is WhatsApp or SMS.";
        }

        if (form.Channel == TicketChannels.Sms && phoneNumberId.Length == 0 && BowInbox.Web.Admin.PhoneNumbers.TryToWaId(form.DisplayNumber, out var smsDigits, out _))
        {
            phoneNumberId = smsDigits; // an SMS number is known by its digits
        }

        if (phoneNumberId.Length is < 5 or > 32 || !phoneNumberId.All(char.IsAsciiDigit))
        {
            return "The phone_number_id is the numeric id Meta shows for the number in WhatsApp Manager (5 to 32 digits).";
        }

        if (!BowInbox.Web.Admin.PhoneNumbers.TryToWaId(form.DisplayNumber, out var display, out var error))
        {
            return "Display number: " + error;
        }

        var region = string.IsNullOrWhiteSpace(form.Region) ? null : form.Region.Trim();
        if (region?.Length > 100)
        {
            return "The region is limited to 100 characters.";
        }

        var portfolioId = string.IsNullOrWhiteSpace(form.PortfolioId) ? null : form.PortfolioId.Trim();
        var wabaId = string.IsNullOrWhiteSpace(form.WabaId) ? null : form.WabaId.Trim();
        if (NumberAccountRules.CheckIds(portfolioId, wabaId) is { } idError)
        {
            return idError;
        }

        if (form.MessagesPerSecond is < 1 or > ProxyNumber.MaxMessagesPerSecond)
        {
            return $"The send rate is between 1 and {ProxyNumber.MaxMessagesPerSecond:N0} messages a second (leave it empty for Meta's default of {ProxyNumber.DefaultMessagesPerSecond}).";
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await NumberAccountRules.CheckPortfolioAsync(db, form.Id, form.Purpose, form.Active, portfolioId, options.Value.ParentBsuidsEnabled, cancellationToken) is { } portfolioError)
        {
            return portfolioError;
        }

        if (await db.ProxyNumbers.AnyAsync(n => n.PhoneNumberId == phoneNumberId && n.Id != form.Id, cancellationToken))
        {
            return $"The phone_number_id {phoneNumberId} is already listed.";
        }

        var number = form.Id is { } id ? await db.ProxyNumbers.FirstOrDefaultAsync(n => n.Id == id, cancellationToken) : new ProxyNumber();
        if (number is null)
        {
            return "That number no longer exists; reload the page.";
        }

        // One central number per channel: SMS customers text one number, WhatsApp customers write to one.
        var otherCentrals = await db.ProxyNumbers.CountAsync(n => n.Purpose == NumberPurpose.Central && n.Active && n.Id != form.Id && n.Channel == form.Channel, cancellationToken);
        if (form.Purpose == NumberPurpose.Central && form.Active && otherCentrals > 0)
        {
            return $"Another central number is active for {(form.Channel == TicketChannels.Sms ? "SMS" : "WhatsApp")}: customers write to one central number per channel. Deactivate it first.";
        }

        var wasActiveCentral = number.Id != 0 && number.Purpose == NumberPurpose.Central && number.Active && number.Channel == TicketChannels.WhatsApp;
        var otherWhatsAppCentrals = await db.ProxyNumbers.CountAsync(n => n.Purpose == NumberPurpose.Central && n.Active && n.Id != form.Id && n.Channel == TicketChannels.WhatsApp, cancellationToken);
        if (wasActiveCentral && !(form.Purpose == NumberPurpose.Central && form.Active && form.Channel == TicketChannels.WhatsApp) && otherWhatsAppCentrals == 0)
        {
            return "This is the only active central number: customers could no longer be answered. Add or activate another central number first.";
        }

        if (number.Id != 0 && number.PhoneNumberId != phoneNumberId
            && await db.RelaySessions.AnyAsync(s => s.PoolPhoneNumberId == number.PhoneNumberId && s.ClosedAt == null, cancellationToken))
        {
            return "Open relay sessions run on this number, so its phone_number_id cannot change. Deactivate it and add the new number instead.";
        }

        var before = number.Id == 0 ? "new" : Describe(number);
        number.PhoneNumberId = phoneNumberId;
        number.DisplayNumber = display;
        number.Purpose = form.Purpose;
        number.Channel = form.Channel;
        number.Region = region;
        number.Active = form.Active;
        number.PortfolioId = portfolioId;
        if (number.WabaId != wabaId)
        {
            (number.WabaId, number.WabaSubscribed, number.WabaCheckedAt) = (wabaId, null, null);
        }

        number.MessagesPerSecond = form.MessagesPerSecond;
        number.Coexistence = form.Coexistence;
        if (number.Id == 0)
        {
            db.ProxyNumbers.Add(number);
        }

        await audit.SaveWithAsync(db, new AuditRecord(actor, AuditActions.NumberChanged, $"number:{phoneNumberId}", $"before: {before}; after: {Describe(number)}"), cancellationToken);
        sending.Invalidate();
        return null;
    }

    /// <summary>Lets a number Meta restricted send again (once the restriction is lifted in WhatsApp Manager); audited with it.</summary>
    public async Task<string?> ResumeSendingAsync(string actor, int id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var number = await db.ProxyNumbers.FirstOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (number?.SendingStoppedAt is null)
        {
            return "Sending from that number is not stopped.";
        }

        var code = number.SendingStoppedCode;
        (number.SendingStoppedAt, number.SendingStoppedCode) = (null, null);
        await audit.SaveWithAsync(db, new AuditRecord(actor, AuditActions.NumberChanged, $"number:{number.PhoneNumberId}", $"sending resumed (stopped by error {code})"), cancellationToken);
        sending.Invalidate();
        return null;
    }

    // The display number goes masked, as everywhere a number is written down; the phone_number_id is Meta's id for it.
    private static string Describe(ProxyNumber number)
        => $"{number.PhoneNumberId} {NumberMask.Mask(number.DisplayNumber)}, {number.Purpose}, region {number.Region ?? "none"}, {(number.Active ? "active" : "inactive")}"
            + (number.IsSms ? ", SMS" : "") + $", portfolio {number.PortfolioId ?? "none"}, WABA {number.WabaId ?? "none"}, {number.MessagesPerSecond?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "default"} msg/s{(number.Coexistence ? ", coexistence" : "")}";
}
