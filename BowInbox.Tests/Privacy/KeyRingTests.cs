using BowInbox.Core.Numbers;
using BowInbox.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BowInbox.Tests.Privacy;

/// <summary>The key ring that encrypts numbers at rest: one in the database for every server, encrypted with a certificate.</summary>
public sealed class KeyRingTests
{
    private const string Number = "15557000123";

    [Fact]
    public async Task A_number_protected_on_one_server_is_read_on_another_and_the_stored_keys_are_encrypted()
    {
        await using var first = new InboxAppFactory { KeepFolder = true };
        var certificate = TestCertificates.Create(Path.Combine(first.Folder, "keyring.pfx"));
        UseCertificate(first, certificate);
        var protectedOnFirst = first.Services.GetRequiredService<INumberProtector>().Protect(Number);

        // Same database, another disk: the old per-server key folder would have given this server keys of its own.
        await using var second = new InboxAppFactory(first.Folder);
        second.Settings["Security:DataProtectionKeysPath"] = Path.Combine(first.Folder, "keys-of-the-second-server");
        UseCertificate(second, certificate);
        var onSecond = second.Services.GetRequiredService<INumberProtector>();

        Assert.Equal(Number, onSecond.Unprotect(protectedOnFirst));
        Assert.Equal(Number, first.Services.GetRequiredService<INumberProtector>().Unprotect(onSecond.Protect(Number)));

        await using var db = second.CreateDbContext();
        var stored = await db.DataProtectionKeys.AsNoTracking().ToListAsync();
        Assert.NotEmpty(stored);
        Assert.All(stored, key =>
        {
            Assert.Contains("encryptedSecret", key.Xml);
            Assert.Contains("EncryptedData", key.Xml);
            Assert.DoesNotContain("<masterKey", key.Xml);
        });
        Assert.False(Directory.Exists(Path.Combine(first.Folder, "keys")), "no key is written to the old folder any more");
    }

    [Fact]
    public async Task Keys_in_the_old_folder_are_imported_encrypted_and_numbers_stored_with_them_stay_readable()
    {
        await using var app = new InboxAppFactory();
        var legacyFolder = Path.Combine(app.Folder, "legacy-keys");
        var legacy = DataProtectionProvider.Create(new DirectoryInfo(legacyFolder), b => b.SetApplicationName("BowInbox"));
        var storedBefore = legacy.CreateProtector("BowInbox.PhoneNumbers.v1").Protect(Number);
        Assert.Contains("<masterKey", File.ReadAllText(Directory.GetFiles(legacyFolder, "key-*.xml").Single()));
        app.Settings["Security:DataProtectionKeysPath"] = legacyFolder;
        UseCertificate(app, TestCertificates.Create(Path.Combine(app.Folder, "keyring.pfx")));

        Assert.Equal(Number, app.Services.GetRequiredService<INumberProtector>().Unprotect(storedBefore));

        await using var db = app.CreateDbContext();
        var imported = await db.DataProtectionKeys.AsNoTracking().SingleAsync(k => k.FriendlyName == Path.GetFileNameWithoutExtension(Directory.GetFiles(legacyFolder, "key-*.xml").Single()));
        Assert.Contains("encryptedSecret", imported.Xml);
        Assert.DoesNotContain("<masterKey", imported.Xml);
    }

    [Fact]
    public async Task Outside_development_the_app_refuses_to_start_without_a_key_ring_certificate()
    {
        await using var app = new InboxAppFactory { EnvironmentName = "Production" };
        app.Settings["DataProtection:CertificatePath"] = "";

        var error = Assert.ThrowsAny<Exception>(() => app.Server);

        Assert.Contains("DataProtection:CertificatePath", Messages(error));
    }

    [Fact]
    public async Task A_wrong_certificate_password_stops_the_app_naming_the_setting()
    {
        await using var app = new InboxAppFactory { EnvironmentName = "Production" };
        app.Settings["DataProtection:CertificatePath"] = TestCertificates.Create(Path.Combine(app.Folder, "keyring.pfx"));
        app.Settings["DataProtection:CertificatePassword"] = "not-the-password";

        var error = Assert.ThrowsAny<Exception>(() => app.Server);

        Assert.Contains("DataProtection:CertificatePassword", Messages(error));
    }

    private static void UseCertificate(InboxAppFactory app, string path)
    {
        app.Settings["DataProtection:CertificatePath"] = path;
        app.Settings["DataProtection:CertificatePassword"] = TestCertificates.Password;
    }

    private static string Messages(Exception error)
    {
        var messages = new List<string>();
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
        }

        return string.Join(" | ", messages);
    }
}
