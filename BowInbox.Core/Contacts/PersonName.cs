namespace BowInbox.Core.Contacts;

public static class PersonName
{
    /// <summary>The first word of a profile name, which is all a provider is told about a customer.</summary>
    public static string? FirstName(string? fullName)
    {
        if (string.IsNullOrWhiteSpace(fullName))
        {
            return null;
        }

        var first = fullName.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        return first.Length > 40 ? first[..40] : first;
    }
}
