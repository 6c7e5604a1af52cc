using System.Reflection;
using System.Text.Json.Nodes;
using BowInbox.Web.WhatsApp;

namespace BowInbox.Tests.WhatsApp;

public sealed class MessageTemplatesTests
{
    private static readonly string Root = FindRoot();

    [Fact]
    public void Every_template_sent_is_built_by_the_registry()
    {
        var callers = Directory.EnumerateFiles(Path.Combine(Root, "BowInbox.Web"), "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal)) && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains("OutboundPayloads.Template(", StringComparison.Ordinal))
            .Select(Path.GetFileName)
            .ToList();

        Assert.Equal(["MessageTemplates.cs"], callers);
        var declared = typeof(MessageTemplates).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(MessageTemplate)).Select(f => (MessageTemplate)f.GetValue(null)!).ToList();
        Assert.Equal(declared.Select(t => t.Name).Order(), MessageTemplates.All.Select(t => t.Name).Order());
        Assert.Equal(MessageTemplates.All.Count, MessageTemplates.All.Select(t => t.Name).Distinct().Count());
    }

    [Fact]
    public void A_body_filled_in_is_the_free_form_text_with_every_parameter_in_its_place()
    {
        Assert.Equal(
            "SLA breach on job #42: First response was due at 10:00. Open the supervisor page in BowInbox to act.",
            MessageTemplates.SlaBreachAlert.Text(["42", "First response was due at 10:00"]));
        Assert.Equal(
            "SLA breach on job #{{2}}: late. Open the supervisor page in BowInbox to act.",
            MessageTemplates.SlaBreachAlert.Text(["{{2}}", "late"]));
        Assert.Throws<ArgumentException>(() => MessageTemplates.SlaBreachAlert.Text(["42"]));
    }

    [Fact]
    public void Each_body_numbers_exactly_the_parameters_the_sender_passes()
    {
        foreach (var template in MessageTemplates.All)
        {
            for (var i = 1; i <= template.Parameters.Count; i++)
            {
                Assert.Contains("{{" + i + "}}", template.Body, StringComparison.Ordinal);
            }

            Assert.DoesNotContain("{{" + (template.Parameters.Count + 1) + "}}", template.Body, StringComparison.Ordinal);
        }

        var payload = JsonNode.Parse(MessageTemplates.RelayedMessage.Payload(["42", "Tom", "On my way"]))!;
        Assert.Equal("relayed_message", payload["template"]!["name"]!.GetValue<string>());
        Assert.Throws<ArgumentException>(() => MessageTemplates.RelayedMessage.Payload(["42", "Tom"]));
        Assert.Throws<ArgumentException>(() => MessageTemplates.NewLeadOffer.Payload(["42", "plumbing", "downtown", "urgent", "leak"]));
    }

    [Fact]
    public void Operations_guide_lists_every_template_an_operator_must_get_approved()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "docs", "operations.md")).ReplaceLineEndings("\n");

        Assert.Contains("## WhatsApp templates to approve", readme, StringComparison.Ordinal);
        Assert.True(
            readme.Contains(MessageTemplates.MarkdownTable(), StringComparison.Ordinal),
            "docs/operations.md's template table is out of date; replace it with:\n" + MessageTemplates.MarkdownTable());
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BowInbox.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("BowInbox.sln not found above the test output folder.");
    }
}
