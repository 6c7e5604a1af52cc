using System.Collections.Concurrent;
using BowInbox.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using BowInbox.Web.WhatsApp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BowInbox.Tests.Support;

/// <summary>
/// The real app in-process on its own fresh SQLite file (migrated and seeded at start, as in Development).
/// Extra settings go through <see cref="Settings"/> before the first client is created.
/// </summary>
public class InboxAppFactory : WebApplicationFactory<Program>
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "bowinbox-tests", Guid.NewGuid().ToString("N"));

    public const string AppSecret = "test-app-secret";
    public const string AccessToken = "test-access-token";
    public const string VerifyToken = "test-verify-token";
    public const string DefaultNumberHashKey = "test-number-hash-key-0123456789";
    public const string AuditHmacKey = "test-audit-hmac-key-0123456789-abcdef";

    private readonly bool useTemplate;

    /// <param name="existingFolder">Reuse another factory's database and keys, as a restarted app would.</param>
    /// <param name="useTemplate">Start a Development app from a copy of the run's migrated and seeded database.</param>
    public InboxAppFactory(string? existingFolder = null, bool useTemplate = true)
    {
        this.useTemplate = useTemplate && existingFolder is null;
        folder = existingFolder ?? folder;
        Directory.CreateDirectory(folder);
        DatabaseFile = Path.Combine(folder, "inbox.db");
        Settings["ConnectionStrings:Inbox"] = $"Data Source={DatabaseFile}";
        Settings["Security:DataProtectionKeysPath"] = Path.Combine(folder, "keys");
        Settings["Security:NumberHashKey"] = DefaultNumberHashKey;
        Settings["Audit:HmacKey"] = AuditHmacKey;
        Settings["WhatsApp:AppSecret"] = AppSecret;
        Settings["WhatsApp:AccessToken"] = AccessToken;
        Settings["WhatsApp:VerifyToken"] = VerifyToken;
        Settings["WhatsApp:GraphApiBaseUrl"] = FakeGraphApi.BaseUrl;

        // Tests sign in, post webhooks and reveal far faster than people do, all from one address; the limits' own tests
        // set them low again.
        Settings["RateLimits:WebhookPerIpPerMinute"] = "1000000";
        Settings["RateLimits:LoginPerIpPerMinute"] = "100000";
        Settings["RateLimits:ExportsPerUserPerMinute"] = "100000";
        Settings["RateLimits:RevealsPerUserPerMinute"] = "100000";

        // Each OpenTelemetry pipeline keeps large metric arrays for as long as its host lives, and a thousand hosts a run
        // outgrew the machine's memory; the observability tests switch it back on.
        Settings["Metrics:Enabled"] = "false";

        // Channel and inbox tests look at the channel alone; routing tests switch automatic intake back on.
        Settings["Routing:AutomaticIntake"] = "false";
    }

    public string Folder => folder;

    /// <summary>Keeps the folder when disposed, so a second factory can start on the same database.</summary>
    public bool KeepFolder { get; set; }

    /// <summary>Meta's Graph API as the app sees it in tests (unless the simulator is switched on).</summary>
    public FakeGraphApi Graph { get; } = new();

    public string DatabaseFile { get; }

    /// <summary>Every log line of the app at every level (see <see cref="CapturedLogs"/>).</summary>
    public CapturedLogs Logs { get; } = new();

    public string EnvironmentName { get; set; } = "Development";

    public ConcurrentDictionary<string, string?> Settings { get; } = new();

    /// <summary>Serves on a real Kestrel port (for the browser) and returns its base address.</summary>
    public string StartKestrel()
    {
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        return addresses.Addresses.First().Replace("[::]", "localhost", StringComparison.Ordinal).TrimEnd('/');
    }

    public InboxDbContext CreateDbContext()
        => Services.GetRequiredService<IDbContextFactory<InboxDbContext>>().CreateDbContext();

    public HttpClient CreateBrowserlessClient()
        => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        if (StartsLikeTheTemplate())
        {
            TemplateDatabase.CopyTo(DatabaseFile);
        }

        // Outside Development the key ring must be encrypted with a certificate; tests that start such an app get one.
        if (EnvironmentName != "Development" && !Settings.ContainsKey("DataProtection:CertificatePath"))
        {
            builder.UseSetting("DataProtection:CertificatePath", TestCertificates.SharedPath);
            builder.UseSetting("DataProtection:CertificatePassword", TestCertificates.Password);
        }
        builder.ConfigureLogging(logging => logging.AddProvider(Logs)
            .AddFilter<CapturedLogs>(null, LogLevel.Information)
            .AddFilter<CapturedLogs>("BowInbox", LogLevel.Debug));
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        if (Settings.GetValueOrDefault("WhatsApp:GraphApiBaseUrl") == FakeGraphApi.BaseUrl)
        {
            builder.ConfigureTestServices(services =>
            {
                services.AddHttpClient<IWhatsAppClient, WhatsAppClient>().ConfigurePrimaryHttpMessageHandler(() => Graph);
                services.AddHttpClient<WabaSubscriptionClient>().ConfigurePrimaryHttpMessageHandler(() => Graph);
            });
        }
    }

    /// <summary>
    /// Only an app that would build the very same database itself starts from the copy: Development, the default SQLite
    /// file not made yet, the default keys, and no key folder of an earlier version to import.
    /// </summary>
    private bool StartsLikeTheTemplate()
        => useTemplate
            && EnvironmentName == "Development"
            && !File.Exists(DatabaseFile)
            && !Directory.Exists(Path.Combine(folder, "keys"))
            && !Settings.ContainsKey("Database:Provider")
            && !Settings.ContainsKey("DataProtection:CertificatePath")
            && Settings.GetValueOrDefault("Audit:HmacKey") == AuditHmacKey
            && Settings.GetValueOrDefault("ConnectionStrings:Inbox") == $"Data Source={DatabaseFile}"
            && Settings.GetValueOrDefault("Security:NumberHashKey") == DefaultNumberHashKey
            && Settings.GetValueOrDefault("Security:DataProtectionKeysPath") == Path.Combine(folder, "keys");

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        ForgetTheApp();
        GC.SuppressFinalize(this);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (KeepFolder)
        {
            return;
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finishing background task is left for the OS temp cleaner.
        }
    }

    /// <summary>
    /// A timer that a library starts while the host builds (and never stops) keeps the host builder's context, and
    /// through it this factory, alive for the rest of the run; this factory then held the whole disposed app (about
    /// 80 MB each, over a thousand apps a run). Once disposed it lets go of the server, host and clients it made.
    /// </summary>
    private void ForgetTheApp()
    {
        for (var type = GetType().BaseType; type is not null && type != typeof(object); type = type.BaseType)
        {
            foreach (var field in type.GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic))
            {
                if (field.GetValue(this) is System.Collections.IList list && !field.FieldType.IsArray)
                {
                    list.Clear();
                }
                else if (!field.FieldType.IsValueType && field.FieldType != typeof(string) && !field.IsInitOnly)
                {
                    field.SetValue(this, null);
                }
            }
        }
    }
}
