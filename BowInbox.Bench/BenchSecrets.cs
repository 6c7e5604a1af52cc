using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace BowInbox.Bench;

/// <summary>
/// The production secrets a benchmark run gives the app and its own database access: fresh for every run, never the
/// development values the app refuses outside Development. The key ring's certificate is self-signed, in the run folder.
/// </summary>
public sealed record BenchSecrets(string NumberHashKey, string AuditHmacKey, string CertificatePath, string CertificatePassword)
{
    public static BenchSecrets Create(string runFolder)
    {
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var path = Path.Combine(runFolder, "keyring.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=BowInbox key ring (benchmark)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
            Directory.CreateDirectory(runFolder);
            File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, password));
        }

        return new BenchSecrets(Convert.ToHexString(RandomNumberGenerator.GetBytes(16)), Convert.ToHexString(RandomNumberGenerator.GetBytes(32)), path, password);
    }

    /// <summary>The same secrets as configuration keys ("Section:Key").</summary>
    public IEnumerable<KeyValuePair<string, string>> Settings()
    {
        yield return new("Security:NumberHashKey", NumberHashKey);
        yield return new("Audit:HmacKey", AuditHmacKey);
        yield return new("DataProtection:CertificatePath", CertificatePath);
        yield return new("DataProtection:CertificatePassword", CertificatePassword);
    }
}
