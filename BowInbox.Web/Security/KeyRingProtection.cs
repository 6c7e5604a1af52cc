using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace BowInbox.Web.Security;

/// <summary>
/// The Data Protection key ring (which encrypts numbers at rest) is encrypted in the database with a certificate from
/// configuration: <c>DataProtection:CertificatePath</c> (a PKCS#12 file with its private key) and
/// <c>DataProtection:CertificatePassword</c>. Outside Development the app refuses to start without it. During a
/// certificate rotation the one before goes in <c>DataProtection:PreviousCertificatePath</c> (and its password), so keys
/// it encrypted stay readable.
/// </summary>
public static class KeyRingProtection
{
    public const string Section = "DataProtection";

    public static void ProtectWithCertificate(IDataProtectionBuilder keyRing, IConfiguration configuration, IHostEnvironment environment)
    {
        var current = Load(configuration, "CertificatePath", "CertificatePassword");
        if (current is null)
        {
            if (!environment.IsDevelopment())
            {
                throw new InvalidOperationException(
                    $"Missing setting '{Section}:CertificatePath': outside Development the key ring that encrypts stored numbers is kept "
                    + $"in the database encrypted with a certificate. Give a PKCS#12 (.pfx) file with its private key, and its password in "
                    + $"'{Section}:CertificatePassword' (environment variables {Section}__CertificatePath, {Section}__CertificatePassword).");
            }

            return;
        }

        keyRing.ProtectKeysWithCertificate(current);
        var previous = Load(configuration, "PreviousCertificatePath", "PreviousCertificatePassword");
        keyRing.UnprotectKeysWithAnyCertificate(previous is null ? [current] : [current, previous]);
    }

    private static X509Certificate2? Load(IConfiguration configuration, string pathSetting, string passwordSetting)
    {
        var path = configuration[$"{Section}:{pathSetting}"];
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration[$"{Section}:{passwordSetting}"]);
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"Setting '{Section}:{pathSetting}': the certificate could not be opened with '{Section}:{passwordSetting}' ({ex.Message}).", ex);
        }

        if (!certificate.HasPrivateKey || certificate.GetRSAPrivateKey() is null)
        {
            throw new InvalidOperationException($"Setting '{Section}:{pathSetting}': the certificate needs its RSA private key to decrypt the key ring.");
        }

        return certificate;
    }
}
