using BowInbox.Core.Tickets;
using BowInbox.Web.Admin;
using BowInbox.Web.WhatsApp;

namespace BowInbox.Web.Api;

/// <summary>Checks the fields that leads and sessions share, adding each problem to <see cref="FieldErrors"/>.</summary>
public static class ApiRequests
{
    public const int MaxNameLength = 100;
    public const int MaxTextLength = 4096;
    public const int MaxFieldLength = 100;

    /// <summary>The customer as a WhatsApp identity: a phone becomes the address; a BSUID is the address and the user id.</summary>
    public static CustomerIdentity? Customer(string? whatsApp, string? name, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxNameLength)
        {
            errors.Add("name", $"Give the customer's name (1 to {MaxNameLength} characters).");
        }
        else if (Core.Audit.NumberMask.Mask(name) != name)
        {
            errors.Add("name", "The name must not contain a phone number or an email address.");
        }

        if (!WhatsAppAddresses.TryRead(whatsApp, out var address, out var error))
        {
            errors.Add("whatsApp", error);
            return null;
        }

        var isUserId = Core.WhatsApp.BusinessScopedUserId.IsOne(whatsApp);
        return string.IsNullOrWhiteSpace(name) ? null : new CustomerIdentity(address, isUserId ? address : null, null, name.Trim());
    }

    public static ExternalReference? Reference(ExternalReferenceBody? body, bool required, FieldErrors errors)
    {
        if (body is null)
        {
            if (required)
            {
                errors.Add("externalReference", "Give the booking's reference: {\"kind\": \"booking\", \"id\": \"...\"}.");
            }

            return null;
        }

        if (ExternalReference.Problem(body.Kind, body.Id) is { } problem)
        {
            errors.Add("externalReference", problem);
            return null;
        }

        return new ExternalReference { Kind = body.Kind!, Value = body.Id!.Trim() };
    }

    public static string? Optional(string? value, string field, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (value.Trim().Length > MaxFieldLength)
        {
            errors.Add(field, $"At most {MaxFieldLength} characters.");
        }

        return value.Trim();
    }

    public static Urgency UrgencyOf(string? value, FieldErrors errors)
    {
        if (value is null)
        {
            return Urgency.Normal;
        }

        if (Enum.TryParse<Urgency>(value, ignoreCase: true, out var urgency) && Enum.IsDefined(urgency) && !int.TryParse(value, out _))
        {
            return urgency;
        }

        errors.Add("urgency", "Normal or Urgent.");
        return Urgency.Normal;
    }
}
