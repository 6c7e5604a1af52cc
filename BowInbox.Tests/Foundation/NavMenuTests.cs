using BowInbox.Data.Identity;
using BowInbox.Web.Components.Layout;
using Bunit;
using MudBlazor.Services;

namespace BowInbox.Tests.Foundation;

public sealed class NavMenuTests : BunitContext
{
    private const string Password = "Account/Manage/ChangePassword";

    public NavMenuTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    public static TheoryData<string, string[]> LinksPerRole => new()
    {
        { Roles.Admin, ["inbox", "supervisor", "supervisor/held", "supervisor/audit", "supervisor/bookings", "supervisor/roi", "admin/users", "admin/canned-replies", "admin/numbers", "admin/content-policy", "admin/providers", "admin/routing", "admin/sla", "admin/api-keys", "admin/channels", "hangfire", Password] },
        { Roles.Supervisor, ["inbox", "supervisor", "supervisor/held", "supervisor/audit", "supervisor/bookings", "supervisor/roi", Password] },
        { Roles.IntakeAgent, ["inbox", Password] },
        { Roles.Technician, ["queue", Password] },
    };

    [Theory]
    [MemberData(nameof(LinksPerRole))]
    public void Navigation_shows_only_the_links_the_role_may_open(string role, string[] expected)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("someone@demo.local");
        auth.SetRoles(role);

        var menu = Render<NavMenu>();

        var links = menu.FindAll("a[href]").Select(a => a.GetAttribute("href")!).ToArray();
        Assert.Equal(expected.Order(), links.Order());
    }
}
