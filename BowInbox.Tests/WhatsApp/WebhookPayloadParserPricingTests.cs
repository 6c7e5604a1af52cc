using BowInbox.Core.WhatsApp;
using BowInbox.Web.WhatsApp;

namespace BowInbox.Tests.WhatsApp;

/// <summary>The 2026 webhook additions: a status's pricing and the user_preferences change.</summary>
public class WebhookPayloadParserPricingTests
{
    [Fact]
    public void Per_message_pricing_of_a_utility_template_is_read_as_reported()
    {
        var status = Assert.Single(Parse("status_sent_template_utility_pmp.json").Statuses);

        Assert.Equal("wamid.HBgLMTU1NTAxMDAwMDEVAgARGBJBQkNERUYwMTIzNDU2Nzg5MAA=", status.Wamid);
        Assert.Equal(new MessagePricing("PMP", "utility", true, "regular"), status.Pricing);
    }

    [Fact]
    public void Older_conversation_based_pricing_is_kept_too_and_a_failure_has_none()
    {
        Assert.Equal(new MessagePricing("CBP", "service", true, null), Assert.Single(Parse("status_sent.json").Statuses).Pricing);
        Assert.Null(Assert.Single(Parse("status_failed_131026.json").Statuses).Pricing);
    }

    [Fact]
    public void A_non_boolean_billable_and_an_upper_case_category_are_read_tolerantly()
    {
        var json = Fixtures.Text("status_sent_template_utility_pmp.json")
            .Replace("\"billable\": true", "\"billable\": \"yes\"", StringComparison.Ordinal)
            .Replace("\"utility\"", "\"MARKETING\"", StringComparison.Ordinal);

        Assert.Equal(new MessagePricing("PMP", "marketing", null, "regular"), Assert.Single(Parse(json, raw: true).Statuses).Pricing);
    }

    [Fact]
    public void A_marketing_stop_is_read_with_both_identifiers_and_its_time()
    {
        var webhook = Parse("user_preferences_marketing_stop.json");

        Assert.Empty(webhook.Messages);
        Assert.Empty(webhook.Statuses);
        var preference = Assert.Single(webhook.Preferences);
        Assert.Equal("15557000001", preference.WaId);
        Assert.Equal("US.13491208655302741918", preference.UserId);
        Assert.Equal(UserPreference.MarketingMessages, preference.Category);
        Assert.Equal("stop", preference.Value);
        Assert.True(preference.StopsMarketing);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1796000420).UtcDateTime, preference.Timestamp);
        Assert.Equal("100000000000001", preference.PhoneNumberId);
    }

    [Theory]
    [InlineData("marketing_messages", "resume", false)]
    [InlineData("marketing_messages", "later", null)]
    [InlineData("something_else", "stop", null)]
    public void Only_a_marketing_stop_or_resume_changes_what_is_sent(string category, string value, bool? stops)
    {
        var json = Fixtures.Text("user_preferences_marketing_stop.json")
            .Replace("\"marketing_messages\"", $"\"{category}\"", StringComparison.Ordinal)
            .Replace("\"value\": \"stop\"", $"\"value\": \"{value}\"", StringComparison.Ordinal);

        Assert.Equal(stops, Assert.Single(Parse(json, raw: true).Preferences).StopsMarketing);
    }

    [Fact]
    public void A_preference_without_a_category_names_the_path()
    {
        var json = Fixtures.Text("user_preferences_marketing_stop.json").Replace("\"category\"", "\"kategorie\"", StringComparison.Ordinal);

        var result = WebhookPayloadParser.Parse(json);

        Assert.False(result.IsOk);
        Assert.Contains("user_preferences[0]", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("15557000001", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Template_categories_come_from_the_registry_and_an_unknown_template_counts_as_marketing()
    {
        Assert.Equal(TemplateCategory.Utility, TemplateCategories.OfPayload(MessageTemplates.VisitReminder.Payload(["Maria", "42"])));
        Assert.Equal(TemplateCategory.Marketing, TemplateCategories.OfPayload(OutboundPayloads.Template("spring_sale", "en")));
        Assert.All(MessageTemplates.All, t => Assert.NotEqual(TemplateCategory.Marketing, t.Category));
    }

    private static ParsedWebhook Parse(string fixtureOrJson, bool raw = false)
    {
        var result = WebhookPayloadParser.Parse(raw ? fixtureOrJson : Fixtures.Text(fixtureOrJson));
        Assert.True(result.IsOk, result.Error);
        return result.Webhook;
    }
}
