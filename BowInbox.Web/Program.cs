using BowInbox.Data;
using BowInbox.Web.Alerts;
using BowInbox.Web.Api;
using BowInbox.Web.Audit;
using BowInbox.Web.Components;
using BowInbox.Web.Csat;
using BowInbox.Web.Database;
using BowInbox.Web.Hardening;
using BowInbox.Web.Identity;
using BowInbox.Web.Inbox;
using BowInbox.Web.Insurance;
using BowInbox.Web.Jobs;
using BowInbox.Web.Kpi;
using BowInbox.Web.Live;
using BowInbox.Web.Observability;
using BowInbox.Web.Privacy;
using BowInbox.Web.Relay;
using BowInbox.Web.Routing;
using BowInbox.Web.Security;
using BowInbox.Web.Seed;
using BowInbox.Web.Sla;
using BowInbox.Web.Sms;
using BowInbox.Web.Webhooks;
using BowInbox.Web.WhatsApp;
using MudBlazor.Services;

var builder = WebApplication.CreateBuilder(args);

// A build output (not a publish) finds its static assets (blazor.web.js, MudBlazor's files) through a manifest that
// ASP.NET Core reads by itself only in Development; this lets the benchmark run the build output in Production.
if (builder.Configuration.GetValue<bool>("StaticWebAssets:FromBuildOutput"))
{
    builder.WebHost.UseStaticWebAssets();
}

// First hosted service, registered before anything that adds its own (Razor components bring Data Protection, whose
// start reads the key ring from the database): the schema is in place before any of them touches it.
builder.Services.AddHostedService<DatabaseMigrator>();

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddProblemDetails();
builder.Services.AddSingleton(TimeProvider.System);
builder.AddObservability();

builder.AddHardening();
var (provider, connectionString) = builder.AddInboxDatabase();

builder.AddNumberProtection();
builder.AddPrivacyAtRest();
builder.AddInboxIdentity();
builder.AddBackgroundJobs(provider, connectionString);
builder.AddWhatsAppChannel();
builder.AddSmsChannel();
builder.AddInbox();
builder.AddLive();
BowInbox.Web.Languages.CustomerLanguagesSetup.AddCustomerLanguages(builder);
builder.AddRelay();
builder.AddInsurance();
BowInbox.Web.Review.ReviewSetup.AddMediaReview(builder);
BowInbox.Web.Media.MediaStoreSetup.AddMediaStore(builder);
builder.AddTicketRouting();
BowInbox.Web.Ai.AiSetup.AddAiAssistant(builder);
builder.AddSla();
builder.AddSupervisorAlerts();
builder.AddSupervisorAudit();
builder.AddKpis();
builder.AddCsat();
BowInbox.Web.Widget.WidgetSetup.AddWebChatWidget(builder);
builder.AddOutgoingWebhooks();
builder.AddIntegrationApi();

builder.Services.AddHealthChecks().AddDbContextCheck<InboxDbContext>("database");
builder.Services.AddScoped<DevelopmentSeed>();
builder.Services.AddSingleton<BowInbox.Web.Admin.UserAdministration>();
builder.Services.AddSingleton<BowInbox.Web.Admin.UserAccess>();

var app = builder.Build();

app.UseForwardedHeaders();
app.UseSecurityHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}

app.UseHubOriginCheck(InboxHub.Path);

app.UseWebhookTiming();
app.MapWhatsApp();
app.MapSmsWebhooks();

// Explicit, so that they run after the simulator's "/dev is 404 outside Development" above: a page that needs an
// Admin must not even redirect to the login page where it does not exist.
app.UseAuthentication();
app.UseAuthorization();
app.UseRequestLimits();
app.MapMetrics();
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseIntegrationApi();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapHealthChecks("/health", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { ResponseWriter = BowInbox.Web.Media.MediaScanningHealth.WriteAsync });
app.MapJobDashboard();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapLive();
app.MapRelay();
app.MapSupervisorAudit();
app.MapOutgoingWebhooks();
BowInbox.Web.Widget.WidgetSetup.MapWebChatWidget(app);
BowInbox.Web.Review.ReviewSetup.MapMediaReview(app);
app.MapAdditionalIdentityEndpoints();
app.MapIntegrationApi();

app.Run();

public partial class Program;
