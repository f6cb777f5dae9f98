using MudBlazor;

namespace ContactCenter.Components.Layout;

/// <summary>A calm, dense theme for people who work in the console all day.</summary>
public static class ConsoleTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f4e79",
            Secondary = "#c8a400",
            AppbarBackground = "#1f4e79",
            Background = "#f4f6f8",
            DrawerBackground = "#ffffff",
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "6px" },
    };
}
