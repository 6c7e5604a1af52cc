using BowInbox.Core.WhatsApp;
using BowInbox.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace BowInbox.Web.WhatsApp;

/// <summary>
/// Degraded (the app works, an admin must look) when a number was stopped after Meta restricted it, when the app is
/// not subscribed to a number's WhatsApp Business Account, when a number has an open conversation window but no webhook
/// came for <see cref="WhatsAppOptions.WebhookSilenceMinutes"/> (webhooks blocked or unsubscribed), or when the configured
/// Graph API version is near its end of life. Names our numbers by Meta's phone_number_id only.
/// </summary>
public sealed class NumberHealth(IDbContextFactory<InboxDbContext> contexts, IOptions<WhatsAppOptions> options, TimeProvider time) : IHealthCheck
{
    public const string Name = "whatsapp-numbers";

    /// <summary>Silence is counted from this server's start at the earliest: an upgrade has no webhook time recorded yet.</summary>
    private readonly DateTime startedAt = time.GetUtcNow().UtcDateTime;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var problems = await ProblemsAsync(cancellationToken);
        return problems.Count == 0 ? HealthCheckResult.Healthy() : HealthCheckResult.Degraded(string.Join(" ", problems));
    }

    public async Task<List<string>> ProblemsAsync(CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var now = time.GetUtcNow().UtcDateTime;
        if (GraphApiVersions.EndOfLifeWarning(GraphApiVersions.VersionOf(options.Value.EffectiveGraphApiBaseUrl), time.GetUtcNow()) is { } version)
        {
            problems.Add(version);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var numbers = await db.ProxyNumbers.AsNoTracking().Where(n => n.Active).ToListAsync(cancellationToken);
        foreach (var number in numbers.Where(n => n.SendingStoppedAt is not null))
        {
            problems.Add($"Sending from number {number.PhoneNumberId} is stopped: Meta answered error {number.SendingStoppedCode}; resume it at /admin/numbers once Meta lifts the restriction.");
        }

        foreach (var number in numbers.Where(n => n.WabaSubscribed == false))
        {
            problems.Add($"The app is not subscribed to the WhatsApp Business Account of number {number.PhoneNumberId}: no webhook arrives; subscribe at /admin/numbers.");
        }

        var silence = TimeSpan.FromMinutes(options.Value.WebhookSilenceMinutes);
        var windowsFrom = now - Core.Channel.ConversationWindow.Length;
        var silent = numbers.Where(n => (n.LastWebhookAt is { } last && last > startedAt ? last : startedAt) < now - silence).Select(n => n.PhoneNumberId).ToList();
        if (silent.Count > 0)
        {
            var open = await db.ConversationWindows.AsNoTracking()
                .Where(w => silent.Contains(w.PhoneNumberId) && w.LastInboundAt > windowsFrom)
                .Select(w => w.PhoneNumberId).Distinct().ToListAsync(cancellationToken);
            foreach (var id in open.Order(StringComparer.Ordinal))
            {
                problems.Add($"Number {id} has open conversations but no webhook arrived for {options.Value.WebhookSilenceMinutes} minutes: check the app's subscription and that Meta can reach the webhook.");
            }
        }

        return problems;
    }
}
