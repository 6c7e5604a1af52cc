using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace BowInbox.Web.Components.Pages.Alerts;

/// <summary>A toast that stays until dismissed and opens the ticket, for alerts a supervisor must not miss.</summary>
public static class AlertToast
{
    public static void Show(ISnackbar snackbar, NavigationManager navigation, string text, Severity severity, int ticketId, string key)
        => snackbar.Add(
            text,
            severity,
            options =>
            {
                options.RequireInteraction = true;
                options.Action = "Open";
                options.OnClick = _ =>
                {
                    navigation.NavigateTo(ticketId == 0 ? "admin/numbers" : $"inbox/{ticketId}");
                    return Task.CompletedTask;
                };
            },
            key: key);
}
