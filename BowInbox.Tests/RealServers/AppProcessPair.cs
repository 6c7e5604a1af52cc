using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using BowInbox.Bench;
using BowInbox.Core.Audit;
using BowInbox.Data;
using BowInbox.Data.Identity;
using BowInbox.Tests.Support;
using BowInbox.Web.Alerts;
using BowInbox.Web.Audit;
using BowInbox.Web.Live;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BowInbox.Tests.RealServers;

/// <summary>
/// What the two-process test needs around the real app: the production settings both servers share (one PostgreSQL,
/// one Redis, one fake Graph API, secrets of their own), each server's own key folder, a supervisor who signs in through
/// the login form, and the audit chain checked with the install's key.
/// </summary>
internal sealed class AppProcessPair(string connectionString, string redis, string graphApi, string folder)
{
    public const string SupervisorEmail = "two-process-supervisor@bench.local";
    private const string SupervisorPassword = "Two-process-pass-42";

    public string AppSecret { get; } = "two-process-app-secret-" + Guid.NewGuid().ToString("N");

    public BenchSecrets Secrets { get; } = BenchSecrets.Create(folder);

    public string KeysPath(string server) => Directory.CreateDirectory(Path.Combine(folder, "keys-" + server)).FullName;

    /// <summary>Starts the built BowInbox.Web.dll as server <paramref name="server"/>, as an operator would, and waits for /health.</summary>
    public Task<AppProcess> StartAsync(string server)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Inbox"] = connectionString,
            ["ConnectionStrings__Redis"] = redis,
            ["Security__DataProtectionKeysPath"] = KeysPath(server),
            ["WhatsApp__AppSecret"] = AppSecret,
            ["WhatsApp__VerifyToken"] = "two-process-verify-token",
            ["WhatsApp__AccessToken"] = "two-process-access-token",
            ["WhatsApp__GraphApiBaseUrl"] = graphApi,

            // A send cut off by the kill is failed as interrupted once its claim runs out: 20 s instead of 2 min here.
            ["WhatsApp__SendLeaseSeconds"] = "20",
            ["RateLimits__WebhookPerIpPerMinute"] = "1000000",
            ["RateLimits__LoginPerIpPerMinute"] = "1000",
        };
        foreach (var (key, value) in Secrets.Settings())
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var dll = AppProcess.AppDll(MachineProbe.RepoRoot(), new BenchOptions().Configuration);
        return AppProcess.StartAsync(dll, environment, TimeSpan.FromSeconds(90));
    }

    /// <summary>A supervisor account, written as Identity writes one, so they can sign in on either server.</summary>
    public static async Task AddSupervisorAsync(AppDatabase database)
    {
        await using var db = await database.Contexts.CreateDbContextAsync();
        var role = await db.Roles.FirstOrDefaultAsync(r => r.Name == Roles.Supervisor);
        if (role is null)
        {
            role = new IdentityRole(Roles.Supervisor) { NormalizedName = Roles.Supervisor.ToUpperInvariant() };
            db.Roles.Add(role);
        }

        var user = new ApplicationUser
        {
            UserName = SupervisorEmail,
            NormalizedUserName = SupervisorEmail.ToUpperInvariant(),
            Email = SupervisorEmail,
            NormalizedEmail = SupervisorEmail.ToUpperInvariant(),
            EmailConfirmed = true,
            DisplayName = "Two Process Supervisor",
            SecurityStamp = Guid.NewGuid().ToString("N"),
        };
        user.PasswordHash = new PasswordHasher<ApplicationUser>().HashPassword(user, SupervisorPassword);
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = role.Id });
        await db.SaveChangesAsync();
    }

    /// <summary>Signs the supervisor in through the login form of <paramref name="app"/> (which audits the sign-in) and returns the cookie header.</summary>
    public static async Task<string> SignInAsync(AppProcess app)
    {
        var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(app.BaseUrl) };
        var response = await Login.PostAsync(http, SupervisorEmail, SupervisorPassword);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in on {app.BaseUrl} answered {response.StatusCode}");
        return handler.CookieContainer.GetCookieHeader(http.BaseAddress);
    }

    /// <summary>The supervisor's live connection to <paramref name="app"/>'s hub, recording the alerts pushed to it.</summary>
    public static async Task<(HubConnection Connection, ConcurrentQueue<string> Alerts)> ListenForAlertsAsync(AppProcess app, string cookie)
    {
        var alerts = new ConcurrentQueue<string>();
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(new Uri(app.BaseUrl), InboxHub.Path.TrimStart('/')), options =>
            {
                options.Transports = HttpTransportType.LongPolling;
                options.Headers["Cookie"] = cookie;
            })
            .Build();
        connection.On<JsonElement>(SupervisorAlertNotifier.ClientMethod, payload => alerts.Enqueue(payload.GetProperty("alert").GetProperty("kind").GetString() ?? ""));
        await connection.StartAsync();
        return (connection, alerts);
    }

    /// <summary>The first entry whose keyed link does not hold, or null: the chain written by both servers is intact.</summary>
    public async Task<long?> FirstBrokenAuditLinkAsync(InboxDbContext db)
    {
        var key = new AuditKey(Options.Create(new AuditOptions { HmacKey = Secrets.AuditHmacKey }));
        var entries = await db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
        Assert.NotEmpty(entries);
        return AuditChain.FirstBrokenLink(entries, key.Bytes);
    }
}
