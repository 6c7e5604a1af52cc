using System.Text;
using System.Text.Json;
using BowInbox.Tests.Support;
using Microsoft.Playwright;

namespace BowInbox.Tests.Browser;

/// <summary>
/// Runs axe-core (restored from npm into Browser/Axe by the test project's build) against the page as it stands
/// and fails with every WCAG 2 A/AA violation it finds: rule, impact and the elements concerned.
/// </summary>
public static class AxeAudit
{
    private static readonly Lazy<string?> Script = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Browser", "axe.min.js");
        return File.Exists(path) ? File.ReadAllText(path) : null;
    });

    public static async Task AssertAccessibleAsync(IPage page, string what)
    {
        if (await ViolationsAsync(page, what) is { } report)
        {
            Assert.Fail(report);
        }
    }

    /// <summary>The violations on the page as a readable report, or null when axe-core finds none.</summary>
    public static async Task<string?> ViolationsAsync(IPage page, string what)
    {
        var script = Script.Value;
        if (script is null)
        {
            TestEnvironment.SkipOrFail("axe-core not restored (run 'npm ci' in BowInbox.Tests/Browser/Axe)");
            return null;
        }

        // Evaluated through the DevTools protocol, so the page's Content-Security-Policy does not block it.
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
        {
            await page.EvaluateAsync(script);
        }

        var json = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
              return result.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' :: ' + (n.failureSummary || '').replace(/\s+/g, ' ')) }));
            }
            """);
        if (json.GetArrayLength() == 0)
        {
            return null;
        }

        var report = new StringBuilder($"axe-core found {json.GetArrayLength()} WCAG violation(s) on {what} ({page.Url}):");
        foreach (var violation in json.EnumerateArray())
        {
            report.Append($"\n- {violation.GetProperty("id").GetString()} ({violation.GetProperty("impact").GetString()}): {violation.GetProperty("help").GetString()}");
            foreach (var node in violation.GetProperty("nodes").EnumerateArray())
            {
                report.Append($"\n    {node.GetString()}");
            }
        }

        return report.ToString();
    }
}
