using System.Text.Json;
using BowInbox.Core.Intake;
using BowInbox.Core.Messaging;
using BowInbox.Core.Numbers;
using BowInbox.Core.Tickets;
using BowInbox.Data;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Languages;

/// <summary>
/// The language each automatic message to a customer is written in, and the texts to write it with. The language
/// is read again from the customer's latest messages each time (nothing to keep in step), with the country of
/// their number as the hint; the number is decrypted only for that, never kept or logged.
/// </summary>
public sealed class CustomerLanguages(CustomerTexts texts, INumberProtector numbers)
{
    private const int MessagesRead = 20;

    public CustomerTexts Texts => texts;

    /// <summary>The language of the ticket's customer, from their latest messages on this ticket.</summary>
    public async Task<string> OfAsync(InboxDbContext db, Ticket ticket, CancellationToken cancellationToken)
    {
        var contact = ticket.Contact ?? await db.Contacts.AsNoTracking().SingleAsync(c => c.Id == ticket.ContactId, cancellationToken);
        var recent = await db.Messages.AsNoTracking()
            .Where(m => m.TicketId == ticket.Id && m.Direction == MessageDirection.FromCustomer && m.Text != null && m.Type == "text")
            .OrderByDescending(m => m.Id).Take(MessagesRead).Select(m => m.Text!)
            .ToListAsync(cancellationToken);
        return CustomerLanguage.Detect(recent, Hint(contact.WaIdProtected));
    }

    /// <summary>The text for <paramref name="key"/> in the ticket customer's language.</summary>
    public async Task<string> TextAsync(InboxDbContext db, Ticket ticket, string key, CancellationToken cancellationToken, params (string Name, string Value)[] values)
        => texts.Get(await OfAsync(db, ticket, cancellationToken), key, values);

    /// <summary>"plumber", "fontanero", "encanador": the role a customer is told, from the ticket's service type.</summary>
    public string Role(string language, string? serviceType)
        => (serviceType is null ? null : texts.Find(language, "role." + serviceType.Trim().ToLowerInvariant())) ?? texts.Get(language, "role.default");

    private string? Hint(string protectedAddress)
    {
        try
        {
            return CustomerLanguage.HintFrom(numbers.Unprotect(protectedAddress));
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}

public static class CustomerLanguagesSetup
{
    /// <summary>Configuration: <c>Intake:TextsFolder</c>, a folder of <c>{language}.json</c> files that add languages or reword texts.</summary>
    public const string TextsFolderSetting = "Intake:TextsFolder";

    public static void AddCustomerLanguages(this WebApplicationBuilder builder)
    {
        var texts = Load(CustomerTexts.BuiltIn, builder.Configuration[TextsFolderSetting]);
        builder.Services.AddSingleton(texts);
        builder.Services.AddSingleton<CustomerLanguages>();
    }

    /// <summary>The built-in texts with a marketplace's files laid over them; a broken file stops the app with its name.</summary>
    public static CustomerTexts Load(CustomerTexts builtIn, string? folder)
    {
        if (string.IsNullOrWhiteSpace(folder))
        {
            return builtIn;
        }

        if (!Directory.Exists(folder))
        {
            throw new InvalidOperationException($"{TextsFolderSetting}: the folder '{folder}' does not exist.");
        }

        var texts = builtIn;
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                texts = texts.With(Path.GetFileNameWithoutExtension(file), File.ReadAllText(file));
            }
            catch (JsonException ex)
            {
                throw new InvalidOperationException($"{TextsFolderSetting}: '{Path.GetFileName(file)}' is not a JSON object of texts: {ex.Message}", ex);
            }
        }

        return texts;
    }
}
