namespace BowInbox.Web.WhatsApp;

/// <summary>The inbound path's log lines, source-generated: nothing is formatted or boxed when the level is off. Ids and counts only.</summary>
internal static partial class InboundLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Error, Message = "{Count} webhook event(s) could not be stored")]
    public static partial void NotStored(ILogger logger, Exception exception, int count);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Error, Message = "Inbound processing loop failed; retrying")]
    public static partial void LoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Debug, Message = "A group of {Count} inbound events failed; applying them one by one")]
    public static partial void GroupFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Error, Message = "Inbound event {EventId} failed {Attempts} times and is parked")]
    public static partial void Parked(ILogger logger, Exception exception, long eventId, int attempts);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Warning, Message = "Inbound event {EventId} failed (attempt {Attempts}); will retry")]
    public static partial void WillRetry(ILogger logger, Exception exception, long eventId, int attempts);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Warning, Message = "Stored inbound event {EventId} no longer parses: {Reason}")]
    public static partial void NoLongerParses(ILogger logger, long eventId, string? reason);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Warning, Message = "Message {Wamid} arrived on phone_number_id {PhoneNumberId}, which is not one of our numbers; kept unrouted")]
    public static partial void NotOurNumber(ILogger logger, string wamid, string phoneNumberId);
}
