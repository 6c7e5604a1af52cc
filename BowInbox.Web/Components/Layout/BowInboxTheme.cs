using MudBlazor;

namespace BowInbox.Web.Components.Layout;

internal static class BowInboxTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight { Primary = "#00796b", AppbarBackground = "#00695c", Secondary = "#5c6bc0" },
        PaletteDark = new PaletteDark { Primary = "#4db6ac", Secondary = "#7986cb" },
    };
}
