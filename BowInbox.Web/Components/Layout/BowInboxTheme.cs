using MudBlazor;

namespace BowInbox.Web.Components.Layout;

internal static class BowInboxTheme
{
    public static readonly MudTheme Theme = new()
    {
        // MudBlazor's default status colours fall below WCAG AA (4.5:1) as text and under white text; these pass.
        PaletteLight = new PaletteLight
        {
            Primary = "#00695c",
            AppbarBackground = "#00695c",
            Secondary = "#3f51b5",
            Success = "#1b6e20",
            Warning = "#9a4a00",
            Error = "#c62828",
            Info = "#1565c0",
        },
        PaletteDark = new PaletteDark { Primary = "#4db6ac", Secondary = "#7986cb" },
    };
}
