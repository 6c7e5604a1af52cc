using Microsoft.Playwright;

namespace BowInbox.Tests.Browser;

[Trait("Category", "Browser")]
public sealed class LoginBrowserTests
{
    [Fact]
    public async Task Supervisor_logs_in_through_the_form_and_sees_the_supervisor_home()
    {
        await using var session = await BrowserSession.StartAsync();

        var page = await session.LoginAsync("supervisor@demo.local");

        await page.WaitForURLAsync("**/supervisor");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Supervisor" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToContainTextAsync("supervisor@demo.local");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Users" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Wrong_password_shows_an_error_and_stays_on_login()
    {
        await using var session = await BrowserSession.StartAsync();

        var page = await session.LoginAsync("supervisor@demo.local", "wrong-password-1");

        await Assertions.Expect(page.GetByTestId("status-message")).ToContainTextAsync("Invalid login attempt");
        Assert.Contains("/Account/Login", page.Url);
    }
}
