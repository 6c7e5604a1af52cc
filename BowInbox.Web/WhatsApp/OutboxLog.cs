namespace BowInbox.Web.WhatsApp;

/// <summary>The outbox's log lines, source-generated: nothing is formatted or boxed when the level is off. Ids, codes and counts only.</summary>
internal static partial class OutboxLog
{
    [LoggerMessage(EventId = 1200, Level = LogLevel.Error, Message = "Outbox loop failed; retrying")]
    public static partial void LoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Error, Message = "Outbox row {OutboxId} could not be sent")]
    public static partial void NotSent(ILogger logger, Exception exception, long outboxId);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Warning, Message = "Recording {Count} outbox answer(s) failed (attempt {Attempt}); trying again")]
    public static partial void RecordRetry(ILogger logger, Exception exception, int count, int attempt);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Error, Message = "Recording {Count} outbox answer(s) failed; their rows stay claimed until the lease ends")]
    public static partial void RecordFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(EventId = 1204, Level = LogLevel.Warning, Message = "Outbox row {OutboxId} failed with {Code} ({Title}); retry {Attempt} at {Next:O}")]
    public static partial void WillRetry(ILogger logger, long outboxId, int? code, string title, int attempt, DateTime next);

    [LoggerMessage(EventId = 1205, Level = LogLevel.Error, Message = "Outbox row {OutboxId} failed with {Code} ({Title}); not retried")]
    public static partial void FailedForGood(ILogger logger, long outboxId, int? code, string title);

    [LoggerMessage(EventId = 1206, Level = LogLevel.Warning, Message = "{Count} outbox row(s) were interrupted mid-send and marked failed")]
    public static partial void Interrupted(ILogger logger, int count);
}
