namespace BowInbox.Tests.Support;

public static class TestEnvironment
{
    /// <summary>Set by CI: a missing browser or database server fails the test instead of skipping it.</summary>
    public static bool RequireAll => Environment.GetEnvironmentVariable("BOWINBOX_REQUIRE_ALL_TESTS") == "1";

    /// <summary>Skips with a printed reason on a developer machine, fails under <see cref="RequireAll"/>.</summary>
    public static void SkipOrFail(string reason)
    {
        if (RequireAll)
        {
            Assert.Fail($"{reason} (BOWINBOX_REQUIRE_ALL_TESTS=1, so this is a failure, not a skip)");
        }

        Console.WriteLine($"SKIPPED: {reason}");
        Assert.Skip(reason);
    }
}
