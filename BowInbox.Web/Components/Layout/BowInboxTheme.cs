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
        // In the dark the colours are light, so what is written on them (filled buttons and chips) is dark, not white.
        PaletteDark = new PaletteDark
        {
            Primary = "#4db6ac",
            PrimaryContrastText = "#000000",
            Secondary = "#9fa8da",
            SecondaryContrastText = "#000000",
            Success = "#81c784",
            SuccessContrastText = "#000000",
            Warning = "#ffb74d",
            WarningContrastText = "#000000",
            Error = "#ef9a9a",
            ErrorContrastText = "#000000",
            Info = "#90caf9",
            InfoContrastText = "#000000",
            // MudBlazor's dark secondary text (labels, captions) is 4.25:1 on its surface; this is over 7:1.
            TextSecondary = "#c7c7cc",
        },
    };
}
