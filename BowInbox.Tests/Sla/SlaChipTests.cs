using BowInbox.Core.Sla;
using BowInbox.Web.Components.Pages.Sla;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;

namespace BowInbox.Tests.Sla;

public sealed class SlaChipTests : BunitContext
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));

    public SlaChipTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<TimeProvider>(clock);
    }

    [Fact]
    public void Chip_turns_from_green_to_amber_at_the_warning_and_red_at_the_breach_as_time_passes()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var chip = Render<SlaChip>(p => p
            .Add(c => c.Kind, SlaTargetKind.FirstResponse)
            .Add(c => c.WarnAt, DateTime.SpecifyKind(now.AddMinutes(8), DateTimeKind.Unspecified))
            .Add(c => c.DueAt, DateTime.SpecifyKind(now.AddMinutes(10), DateTimeKind.Unspecified)));

        AssertChip(chip, "Ok", "mud-chip-color-success", "First response · 10 min left");

        clock.Advance(TimeSpan.FromMinutes(8));
        chip.WaitForAssertion(() => AssertChip(chip, "Warning", "mud-chip-color-warning", "First response · 2 min left"));

        clock.Advance(TimeSpan.FromMinutes(5));
        chip.WaitForAssertion(() => AssertChip(chip, "Breached", "mud-chip-color-error", "First response · 3 min late"));
    }

    [Fact]
    public void No_running_clock_shows_no_chip()
    {
        var chip = Render<SlaChip>(p => p.Add(c => c.Kind, null).Add(c => c.DueAt, null));

        Assert.Empty(chip.FindAll("[data-testid=sla-chip]"));
    }

    private static void AssertChip(IRenderedComponent<SlaChip> chip, string state, string colourClass, string text)
    {
        var element = chip.Find("[data-testid=sla-chip]");
        Assert.Equal(state, element.GetAttribute("data-sla-state"));
        Assert.Contains(colourClass, element.ClassName, StringComparison.Ordinal);
        Assert.Equal(text, element.TextContent.Trim());
    }
}
