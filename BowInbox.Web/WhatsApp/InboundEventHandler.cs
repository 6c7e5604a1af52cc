using BowInbox.Core.Channel;
using BowInbox.Core.Numbers;
using BowInbox.Core.WhatsApp;
using BowInbox.Data;
using BowInbox.Web.Live;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.WhatsApp;

/// <summary>
/// Applies stored webhook events: every message and status in them, in one transaction with marking the
/// events processed. A message is stored once per wamid (a unique index), however often Meta delivers it.
/// Several events share a transaction when they are processed together; the turn on the database's write lock
/// is held for at most <see cref="MaxTurn"/>, so webhooks waiting to be stored are not held up for long. A server
/// database has no such lock (webhooks are stored beside a turn), so there a turn goes on for up to
/// <see cref="MaxServerTurn"/>: each turn's fixed round trips are shared by more events.
/// Within a turn, events go in groups: read together, with what their messages need read once into an
/// <see cref="InboundGroup"/> that is passed to the handlers, applied in order, and saved together.
/// </summary>
internal sealed class InboundEventHandler(
    IDbContextFactory<InboxDbContext> contexts,
    DatabaseWriteGate gate,
    CustomerMessageRecorder customers,
    UnroutedMessageRecorder unroutedMessages,
    SenderIdentities identities,
    IdentityChangeRecorder identityChanges,
    BowInbox.Web.Audit.SupervisorCommands supervisorCommands,
    BowInbox.Web.Csat.CsatReplies csatReplies,
    BowInbox.Web.Widget.WidgetHandover widgetHandover,
    DeliveryStatusRecorder statuses,
    MarketingPreferences preferences,
    IInboundRelay relay,
    BowInbox.Web.Sms.WhatsAppContinuations continuations,
    INumberProtector numbers,
    InboxEvents events,
    BowInbox.Web.Media.MediaStore media,
    TimeProvider time,
    ILogger<InboundEventHandler> logger)
{
    public static readonly TimeSpan MaxTurn = TimeSpan.FromMilliseconds(15);

    public static readonly TimeSpan MaxServerTurn = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Events read (and their contacts, tickets and sessions prefetched) together, at most; the turn's length usually
    /// sets fewer. On SQLite with 1,250 webhooks a second offered, 16 sustained it in none of ten runs (1,173 relayed
    /// msgs/s at best), 32 in four of six and 64 in three of three: a group's fixed reads and save serve more messages.
    /// </summary>
    private const int MaxChunk = 64;

    private TimeSpan TurnLength => gate.Serializes ? MaxTurn : MaxServerTurn;

    private static readonly CompiledPerProvider<Func<InboxDbContext, List<long>, IAsyncEnumerable<long>>> StillPending = new(() => EF.CompileAsyncQuery(
        (InboxDbContext db, List<long> ids) => db.InboundEvents.Where(e => ids.Contains(e.Id) && e.ProcessedAt == null).Select(e => e.Id)));

    private static readonly CompiledPerProvider<Func<InboxDbContext, List<string>, IAsyncEnumerable<string>>> StoredOf = new(() => EF.CompileAsyncQuery(
        (InboxDbContext db, List<string> wamids) => db.Messages.Where(m => wamids.Contains(m.Wamid!)).Select(m => m.Wamid!)
            .Concat(db.UnroutedMessages.Where(m => wamids.Contains(m.Wamid)).Select(m => m.Wamid))));

    private static readonly CompiledPerProvider<Func<InboxDbContext, IAsyncEnumerable<ProxyNumber>>> OurNumbers = new(() => EF.CompileAsyncQuery(
        (InboxDbContext db) => db.ProxyNumbers.AsNoTracking()));

    private readonly MovingAverage eventTime = new(TimeSpan.FromMilliseconds(1));

    private int ChunkFor(TimeSpan left)
    {
        var perEvent = eventTime.Value;
        return perEvent <= TimeSpan.Zero ? MaxChunk : (int)Math.Clamp(Math.Ceiling(left / perEvent), 1, MaxChunk);
    }

    /// <summary>
    /// Applies the events (parsed by the caller: a stored payload never changes, so it is read and parsed before the
    /// turn on the write lock) in order, in one transaction, until they are done or the turn (<see cref="MaxTurn"/> or
    /// <see cref="MaxServerTurn"/>) is spent. Returns how many were applied (at least one); the rest stay pending. If
    /// any fails, none is applied.
    /// </summary>
    public async Task<int> ProcessAsync(IReadOnlyList<ParsedEvent> events, CancellationToken cancellationToken)
    {
        try
        {
            return await ApplyAsync(events, cancellationToken);
        }
        catch (DbUpdateException) when (events.Count == 1)
        {
            // Another worker stored the same wamid between our check and our insert: the unique index
            // refused the duplicate. Redo the event; this time the check sees the stored message.
            return await ApplyAsync(events, cancellationToken);
        }
    }

    private sealed class Applied
    {
        public List<InboxChange> Changes { get; } = [];

        public List<string> UnmatchedStatuses { get; } = [];

        public List<BowInbox.Web.Audit.ServedAuditSession> Commands { get; } = [];

        /// <summary>Our SMS numbers: a customer writing to one is an SMS customer.</summary>
        public HashSet<string> SmsNumbers { get; } = new(StringComparer.Ordinal);

        /// <summary>Whether a received file was noted for download in this turn.</summary>
        public bool MediaDue { get; set; }

        /// <summary>Customer messages recorded but not yet saved, with where their MessageAdded belongs among the changes.</summary>
        public List<(int At, RecordedMessage Message)> Recorded { get; } = [];
    }

    private async Task<int> ApplyAsync(IReadOnlyList<ParsedEvent> events, CancellationToken cancellationToken)
    {
        var applied = new Applied();
        var done = new List<long>(events.Count);
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        using (await gate.EnterAsync(cancellationToken))
        {
            var turn = System.Diagnostics.Stopwatch.StartNew();
            var turnLength = TurnLength;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

            // The central number and the content policy are read once per turn; an Admin's change applies from the next turn.
            db.RememberReads();
            var proxyNumbers = await OurNumbers.For(db)(db).ToListAsync(cancellationToken);
            var ourNumbers = proxyNumbers.ToDictionary(n => n.PhoneNumberId, n => n.Purpose);
            applied.SmsNumbers.UnionWith(proxyNumbers.Where(n => n.IsSms).Select(n => n.PhoneNumberId));
            relay.BeginTurn(db, proxyNumbers);
            BowInbox.Web.Sms.CustomerChannels.Remember(db, proxyNumbers);

            // Every wamid stored before this turn or handled in it: a message is stored once, however often Meta sends it.
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (done.Count < events.Count && (done.Count == 0 || turn.Elapsed < turnLength))
            {
                // As many events as the rest of the turn probably has room for: what is read for a group is used.
                var started = turn.Elapsed;
                var chunk = events.Skip(done.Count).Take(ChunkFor(turnLength - started)).ToList();

                // Checked together; one processed meanwhile (by another instance) is simply not there.
                var pending = await StillPending.For(db)(db, chunk.ConvertAll(e => e.Id)).ToHashSetAsync(cancellationToken: cancellationToken);
                var payloads = chunk.Where(e => pending.Contains(e.Id)).ToDictionary(e => e.Id, e => e.Parsed);

                seen.UnionWith(await StoredWamidsAsync(db, payloads.Values, cancellationToken));
                await identities.ResolveAsync(db, payloads, ourNumbers, seen, cancellationToken);
                var group = await InboundGroup.LoadAsync(db, NewMessages(payloads.Values, seen), proxyNumbers, numbers, cancellationToken);
                var applying = done.Count;
                foreach (var eventId in chunk.Select(e => e.Id))
                {
                    if (done.Count > 0 && turn.Elapsed > turnLength)
                    {
                        break;
                    }

                    if (payloads.TryGetValue(eventId, out var payload))
                    {
                        await ApplyEventAsync(db, group, eventId, payload, ourNumbers, seen, applied, cancellationToken);
                    }

                    done.Add(eventId);
                }

                await SaveGroupAsync(db, applied, cancellationToken);
                if (done.Count > applying)
                {
                    eventTime.Add((turn.Elapsed - started) / (done.Count - applying));
                }

                // Everything is saved (inside the transaction); the next group starts with an empty change tracker.
                db.ChangeTracker.Clear();
            }

            var now = time.GetUtcNow().UtcDateTime;
            await db.InboundEvents.Where(e => done.Contains(e.Id) && e.ProcessedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.ProcessedAt, now).SetProperty(e => e.Attempts, e => e.Attempts + 1), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await AfterCommitAsync(applied, cancellationToken);
        return done.Count;
    }

    private static IEnumerable<InboundMessage> NewMessages(IEnumerable<WebhookParseResult> payloads, HashSet<string> seen)
        => payloads.SelectMany(p => p.Webhook?.Messages ?? []).Where(m => !seen.Contains(m.Wamid));

    /// <summary>Which of the messages in these payloads are already stored (routed or not): one read for the chunk.</summary>
    private static async Task<List<string>> StoredWamidsAsync(InboxDbContext db, IEnumerable<WebhookParseResult> payloads, CancellationToken cancellationToken)
    {
        var wamids = payloads.SelectMany(p => p.Webhook?.Messages ?? []).Select(m => m.Wamid).Distinct().ToList();
        return wamids.Count == 0
            ? []
            : await StoredOf.For(db)(db, wamids).ToListAsync(cancellationToken);
    }

    private async Task ApplyEventAsync(
        InboxDbContext db, InboundGroup group, long eventId, WebhookParseResult parsed, IReadOnlyDictionary<string, NumberPurpose> ourNumbers, HashSet<string> seen, Applied applied, CancellationToken cancellationToken)
    {
        if (parsed.Webhook is not { } webhook)
        {
            InboundLog.NoLongerParses(logger, eventId, parsed.Error);
            await db.InboundEvents.Where(e => e.Id == eventId).ExecuteUpdateAsync(s => s.SetProperty(e => e.LastError, parsed.Error), cancellationToken);
            return;
        }

        foreach (var message in webhook.Messages)
        {
            // Before the duplicate check: a redelivered message is stored once, but its file, if not fetched yet, is due again.
            applied.MediaDue |= await media.NoteAsync(db, message, time.GetUtcNow().UtcDateTime, cancellationToken);
            if (seen.Add(message.Wamid))
            {
                await HandleMessageAsync(db, group, message, ourNumbers, applied, cancellationToken);
            }
        }

        foreach (var status in webhook.Statuses)
        {
            if (!await statuses.RecordAsync(db, status, applied.Changes, cancellationToken))
            {
                applied.UnmatchedStatuses.Add(status.Wamid);
            }
        }

        foreach (var preference in webhook.Preferences)
        {
            await preferences.RecordAsync(db, preference, applied.Changes, cancellationToken);
        }
    }

    /// <summary>
    /// Saves what the group's events added to the unit of work (in the turn's transaction). Customer messages have
    /// their ids now, and each one's MessageAdded goes where it was recorded among the changes, in order.
    /// </summary>
    private static async Task SaveGroupAsync(InboxDbContext db, Applied applied, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        for (var i = 0; i < applied.Recorded.Count; i++)
        {
            applied.Changes.Insert(applied.Recorded[i].At + i, applied.Recorded[i].Message.Added);
        }

        applied.Recorded.Clear();
    }

    private async Task AfterCommitAsync(Applied applied, CancellationToken cancellationToken)
    {
        await DeliveryStatusRecorder.ReconcileAsync(contexts, applied.UnmatchedStatuses, applied.Changes, cancellationToken);
        relay.NotifySender();
        if (applied.MediaDue)
        {
            media.FetchSoon();
        }

        foreach (var change in applied.Changes)
        {
            await events.PublishAsync(change);
        }

        if (applied.Commands.Count > 0)
        {
            await supervisorCommands.AfterCommitAsync(applied.Commands, cancellationToken);
        }
    }

    private async Task HandleMessageAsync(
        InboxDbContext db,
        InboundGroup group,
        InboundMessage message,
        IReadOnlyDictionary<string, NumberPurpose> ourNumbers,
        Applied applied,
        CancellationToken cancellationToken)
    {
        var changes = applied.Changes;
        var fromHash = numbers.Hash(message.From);
        if (message.IdentityChange is not null)
        {
            // Not a message from the person: their keys moved (above, before the group was read); only the timeline hears of it.
            await identityChanges.RecordAsync(db, message, fromHash, ourNumbers.TryGetValue(message.PhoneNumberId, out var to) ? to : null, cancellationToken);
            return;
        }

        await ConversationWindows.TouchAsync(db, group, message.PhoneNumberId, fromHash, message.Timestamp, cancellationToken);

        if (ourNumbers.TryGetValue(message.PhoneNumberId, out var purpose) && purpose == NumberPurpose.Central)
        {
            if (await supervisorCommands.TryHandleAsync(db, message, fromHash, cancellationToken) is { } served)
            {
                applied.Commands.Add(served);
                return;
            }

            // A web visitor's one-time code: their web ticket becomes this sender's, and the message is recorded on it below.
            if (await widgetHandover.TryContinueAsync(db, group, message, fromHash, cancellationToken) is { } moved)
            {
                changes.Add(moved);
            }
            else if (await csatReplies.TryHandleAsync(db, group, message, fromHash, changes, cancellationToken) is { } answer)
            {
                // A rating or its comment stays on the surveyed (resolved) ticket instead of opening a new one.
                applied.Recorded.Add((changes.Count, answer));
                return;
            }

            var channel = applied.SmsNumbers.Contains(message.PhoneNumberId) ? BowInbox.Core.Tickets.TicketChannels.Sms : BowInbox.Core.Tickets.TicketChannels.WhatsApp;
            if (channel == BowInbox.Core.Tickets.TicketChannels.WhatsApp && await continuations.TryRedeemAsync(db, group, message, fromHash, cancellationToken))
            {
                // The code lands on the SMS customer's ticket, which goes on here; it is not passed on to the technician.
                applied.Recorded.Add((changes.Count, await customers.RecordAsync(db, group, message, fromHash, channel, cancellationToken)));
                return;
            }

            var added = await customers.RecordAsync(db, group, message, fromHash, channel, cancellationToken);
            applied.Recorded.Add((changes.Count, added));
            if (channel == BowInbox.Core.Tickets.TicketChannels.Sms && added.NewTicket)
            {
                await continuations.OfferAsync(db, group, message, fromHash, added.Message.TicketId, cancellationToken);
            }

            await relay.CustomerMessageAsync(db, group, message, added.Message, changes, cancellationToken);
            return;
        }

        var reason = ourNumbers.ContainsKey(message.PhoneNumberId) ? UnroutedReason.ProviderPool : UnroutedReason.UnknownNumber;
        if (reason == UnroutedReason.UnknownNumber)
        {
            InboundLog.NotOurNumber(logger, message.Wamid, message.PhoneNumberId);
        }

        var unrouted = unroutedMessages.Record(db, message, fromHash, reason);
        if (reason != UnroutedReason.ProviderPool)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        else if (await relay.PoolMessageAsync(db, group, unrouted, message, changes, cancellationToken) is { } relayed)
        {
            // A relayed reply is saved with the group (if not already), like a customer's message; its MessageAdded goes here among the changes.
            applied.Recorded.Add((changes.Count, new RecordedMessage(relayed, NewTicket: false)));
        }
    }
}

/// <summary>A stored webhook event with its payload parsed.</summary>
internal sealed record ParsedEvent(long Id, WebhookParseResult Parsed);
