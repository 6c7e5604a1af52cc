using System.Xml.Linq;
using BowInbox.Data;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BowInbox.Web.Security;

/// <summary>
/// Before the key ring moved into the database, each server kept it in a folder (<c>Security:DataProtectionKeysPath</c>,
/// by default <c>App_Data/keys</c>). At start, every key or revocation found there that the database does not hold yet is
/// copied in, encrypted with the configured certificate on the way, so numbers stored before the move stay readable on
/// every server. The folder is only read; it can be deleted once every server has started on the database ring.
/// </summary>
internal sealed class LegacyKeyRingImport(
    IOptions<KeyManagementOptions> keyManagement,
    IOptions<SecurityOptions> security,
    IHostEnvironment environment,
    ILogger<LegacyKeyRingImport> logger)
{
    private static readonly XNamespace DataProtectionNamespace = "http://schemas.asp.net/2015/03/dataProtection";

    public string Folder => string.IsNullOrWhiteSpace(security.Value.DataProtectionKeysPath)
        ? Path.Combine(environment.ContentRootPath, "App_Data", "keys")
        : security.Value.DataProtectionKeysPath;

    /// <summary>Copies the folder's keys missing from the database; returns how many.</summary>
    public async Task<int> ImportAsync(InboxDbContext db, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Folder))
        {
            return 0;
        }

        var repository = keyManagement.Value.XmlRepository
            ?? throw new InvalidOperationException("The Data Protection key ring has no repository.");
        var known = (await db.DataProtectionKeys.AsNoTracking().Select(k => k.FriendlyName).ToListAsync(cancellationToken)).ToHashSet();
        var imported = 0;
        foreach (var file in Directory.EnumerateFiles(Folder, "*.xml").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (known.Contains(name))
            {
                continue;
            }

            var element = XElement.Load(file);
            repository.StoreElement(Encrypted(element), name);
            imported++;
        }

        if (imported > 0)
        {
            logger.LogWarning("Imported {Count} Data Protection key file(s) from {Folder} into the database; the folder is no longer used", imported, Folder);
        }

        return imported;
    }

    /// <summary>The element with each part marked as secret replaced by its encryption under the configured certificate.</summary>
    private XElement Encrypted(XElement element)
    {
        var encryptor = keyManagement.Value.XmlEncryptor;
        if (encryptor is null)
        {
            return element;
        }

        var copy = new XElement(element);
        var secrets = copy.Descendants()
            .Where(e => (bool?)e.Attribute(DataProtectionNamespace + "requiresEncryption") == true)
            .Where(e => !e.Ancestors().Any(a => (bool?)a.Attribute(DataProtectionNamespace + "requiresEncryption") == true))
            .ToList();
        foreach (var secret in secrets)
        {
            var encrypted = encryptor.Encrypt(new XElement(secret));
            secret.ReplaceWith(new XElement(
                DataProtectionNamespace + "encryptedSecret",
                new XAttribute("decryptorType", encrypted.DecryptorType.AssemblyQualifiedName!),
                encrypted.EncryptedElement));
        }

        return copy;
    }
}
