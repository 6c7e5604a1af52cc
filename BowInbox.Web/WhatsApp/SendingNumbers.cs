using BowInbox.Core.Alerts;
using BowInbox.Core.WhatsApp;
using BowInbox.Data;
using BowInbox.Web.Alerts;
using BowInbox.Web.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BowInbox.Web.WhatsApp;

/// <summary>What the outbox needs to know about one of our numbers before sending from it.</summary>
/// <param name="Sms">An SMS number: the outbox sends from it through the SMS provider.</param>
public sealed record NumberSending(int MessagesPerSecond, bool Stopped, int? StoppedCode, bool Sms = false);

/// <summary>
/// Our numbers' send rates and stops, read from the database every few seconds (a change made on another server, or
/// at /admin/numbers, takes effect within <see cref="RefreshEvery"/>), and the stop itself: when Meta restricts a number
/// (131048, 368) it is marked stopped in the database, with an alert in the same transaction, and nothing more is sent
/// from it until an admin resumes it. Sends waiting for it fail visibly rather than going out later, unannounced.
/// </summary>
public sealed class SendingNumbers(
    IDbContextFactory<InboxDbContext> contexts, InboxEvents events, IOptions<WhatsAppOptions> options, TimeProvider time, ILogger<SendingNumbers> logger)
{
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim loading = new(1, 1);
    private volatile Dictionary<string, NumberSending> numbers = [];
    private long loadedAt = long.MinValue;

    public async ValueTask<NumberSending> ForAsync(string phoneNumberId, CancellationToken cancellationToken)
    {
        var loaded = Interlocked.Read(ref loadedAt);
        if (loaded == long.MinValue || time.GetElapsedTime(loaded) >= RefreshEvery)
        {
            await LoadAsync(loaded, cancellationToken);
        }

        return numbers.TryGetValue(phoneNumberId, out var number) ? number : new NumberSending(options.Value.DefaultMessagesPerSecond, false, null);
    }

    /// <summary>Reads the numbers again on the next send (after an admin's edit on this server).</summary>
    public void Invalidate() => Interlocked.Exchange(ref loadedAt, long.MinValue);

    /// <summary>Stops sending from the number Meta restricted, raising an alert once per stop; never throws.</summary>
    public async Task StopAsync(string phoneNumberId, SendFailure failure, CancellationToken cancellationToken)
    {
        lock (this)
        {
            var current = numbers.GetValueOrDefault(phoneNumberId) ?? new NumberSending(options.Value.DefaultMessagesPerSecond, false, null);
            numbers = new Dictionary<string, NumberSending>(numbers) { [phoneNumberId] = current with { Stopped = true, StoppedCode = failure.Code } };
        }

        try
        {
            var now = time.GetUtcNow().UtcDateTime;
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var number = await db.ProxyNumbers.FirstOrDefaultAsync(n => n.PhoneNumberId == phoneNumberId, cancellationToken);
            if (number is null || number.SendingStoppedAt is not null)
            {
                return;
            }

            number.SendingStoppedAt = now;
            number.SendingStoppedCode = failure.Code;
            var summary = $"Meta restricted the number ending {Last(number.DisplayNumber)} (error {failure.Code}: {failure.Title}). "
                + "Nothing is sent from it until an admin resumes it at /admin/numbers; waiting sends from it fail.";
            var raised = await SupervisorAlerts.RaiseAsync(
                db, SupervisorAlertKind.SendingStopped, $"sending-stopped:{phoneNumberId}:{now.Ticks}", null, null, summary, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            logger.LogError("Sending stopped from number {PhoneNumberId}: Meta answered error {Code}", phoneNumberId, failure.Code);
            if (raised is not null)
            {
                await events.PublishAsync(raised);
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Could not record that sending stopped from number {PhoneNumberId}", phoneNumberId);
        }
    }

    private async Task LoadAsync(long seen, CancellationToken cancellationToken)
    {
        await loading.WaitAsync(cancellationToken);
        try
        {
            if (Interlocked.Read(ref loadedAt) != seen)
            {
                return; // another send loaded them meanwhile
            }

            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var rows = await db.ProxyNumbers.AsNoTracking().ToListAsync(cancellationToken);
            var rate = options.Value.DefaultMessagesPerSecond;
            numbers = rows.ToDictionary(n => n.PhoneNumberId, n => new NumberSending(n.EffectiveMessagesPerSecond(rate), n.SendingStoppedAt is not null, n.SendingStoppedCode, n.IsSms));
            Interlocked.Exchange(ref loadedAt, time.GetTimestamp());
        }
        finally
        {
            loading.Release();
        }
    }

    private static string Last(string digits) => digits.Length <= 2 ? "••" : digits[^2..];
}
