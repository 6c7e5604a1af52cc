using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace BowInbox.Tests.Support;

/// <summary>
/// bUnit tests that render components, interactively, with the real services of a running app: a derived class
/// forwards the services its components use (<see cref="UseAppService{T}"/>) and signs someone in if needed.
/// </summary>
public abstract class AppComponentTest : BunitContext, IAsyncLifetime
{
    private readonly bool interactive;

    /// <param name="interactive">Render as an interactive server circuit (true) or without renderer information.</param>
    protected AppComponentTest(bool interactive = true)
    {
        this.interactive = interactive;
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(TimeProvider.System);
    }

    protected InboxAppFactory App { get; } = new();

    /// <summary>The component gets the running app's own instance of <typeparamref name="T"/>.</summary>
    protected void UseAppService<T>()
        where T : class
        => Services.AddSingleton(_ => App.Services.GetRequiredService<T>());

    protected void SignInAs(string name, string role)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized(name);
        auth.SetRoles(role);
    }

    /// <summary>Runs after the derived constructor has added its services (setting the renderer closes the service list).</summary>
    public ValueTask InitializeAsync()
    {
        if (interactive)
        {
            SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        }

        _ = App.Server;
        return ValueTask.CompletedTask;
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await base.DisposeAsync();
        await App.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
