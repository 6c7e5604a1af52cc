namespace BowInbox.Core.Sms;

public enum SmsKeyword
{
    None = 0,
    Stop = 1,
    Start = 2,
    Help = 3,
}

/// <summary>
/// The keywords carriers require an SMS sender to honour (CTIA; the same words Twilio's opt-out handling reads): the
/// whole message, any case, surrounding spaces and punctuation ignored. A sentence that merely contains "stop" is a message.
/// </summary>
public static class SmsKeywords
{
    private static readonly Dictionary<string, SmsKeyword> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["STOP"] = SmsKeyword.Stop,
        ["STOPALL"] = SmsKeyword.Stop,
        ["UNSUBSCRIBE"] = SmsKeyword.Stop,
        ["CANCEL"] = SmsKeyword.Stop,
        ["END"] = SmsKeyword.Stop,
        ["QUIT"] = SmsKeyword.Stop,
        ["OPTOUT"] = SmsKeyword.Stop,
        ["REVOKE"] = SmsKeyword.Stop,
        ["START"] = SmsKeyword.Start,
        ["UNSTOP"] = SmsKeyword.Start,
        ["YES"] = SmsKeyword.Start,
        ["HELP"] = SmsKeyword.Help,
        ["INFO"] = SmsKeyword.Help,
    };

    public static SmsKeyword Read(string? body)
    {
        var word = (body ?? "").Trim().TrimEnd('.', '!', '?').Trim();
        return Words.GetValueOrDefault(word, SmsKeyword.None);
    }
}
