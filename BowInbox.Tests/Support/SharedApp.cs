namespace BowInbox.Tests.Support;

/// <summary>One app per test class for read-only checks, so the class does not pay for a start per test.</summary>
public sealed class SharedApp : IAsyncLifetime
{
    public InboxAppFactory App { get; } = new();

    public ValueTask InitializeAsync()
    {
        _ = App.Server;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
