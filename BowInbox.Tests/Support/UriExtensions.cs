namespace BowInbox.Tests.Support;

public static class UriExtensions
{
    /// <summary>The path of a redirect location, whether the server sent it relative or absolute.</summary>
    public static string AbsolutePath(this Uri location)
        => location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0];
}
