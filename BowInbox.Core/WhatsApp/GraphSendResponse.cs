using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace BowInbox.Core.WhatsApp;

/// <summary>A successful send answers <c>{"messages":[{"id":WAMID}]}</c>; statuses later refer to that wamid.</summary>
public static class GraphSendResponse
{
    public static bool TryReadWamid(string? body, [NotNullWhen(true)] out string? wamid)
    {
        wamid = null;
        if (string.IsNullOrWhiteSpace(body))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            wamid = document.RootElement.OptionalArray("messages")
                .Select(m => m.OptionalString("id"))
                .FirstOrDefault(id => !string.IsNullOrEmpty(id));
            return wamid is not null;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
