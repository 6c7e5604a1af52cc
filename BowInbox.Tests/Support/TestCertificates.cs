using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace BowInbox.Tests.Support;

/// <summary>Self-signed certificates for the Data Protection key ring, written as password-protected PKCS#12 files.</summary>
public static class TestCertificates
{
    public const string Password = "test-certificate-password";

    private static readonly Lazy<string> Shared = new(() => Create(Path.Combine(Path.GetTempPath(), "bowinbox-tests", $"keyring-{Guid.NewGuid():N}.pfx")));

    /// <summary>One certificate for every app of the test run that needs one (outside Development).</summary>
    public static string SharedPath => Shared.Value;

    public static string Create(string path, string subject = "CN=BowInbox key ring (test)")
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, Password));
        return path;
    }
}
