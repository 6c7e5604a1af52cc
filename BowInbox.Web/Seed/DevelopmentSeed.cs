using BowInbox.Core.Numbers;
using BowInbox.Core.Providers;
using BowInbox.Core.Sla;
using BowInbox.Data;
using BowInbox.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Web.Seed;

/// <summary>Demo users, groups and numbers for Development. Idempotent: running it twice changes nothing.</summary>
internal sealed class DevelopmentSeed(
    InboxDbContext db,
    UserManager<ApplicationUser> users,
    RoleManager<IdentityRole> roles,
    INumberProtector numbers,
    TimeProvider time,
    ILogger<DevelopmentSeed> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        foreach (var number in DemoData.Numbers)
        {
            if (!await db.ProxyNumbers.AnyAsync(n => n.PhoneNumberId == number.PhoneNumberId, cancellationToken))
            {
                db.ProxyNumbers.Add(new ProxyNumber { PhoneNumberId = number.PhoneNumberId, DisplayNumber = number.DisplayNumber, Purpose = number.Purpose, Channel = number.Channel });
            }
        }

        foreach (var group in DemoData.Groups)
        {
            if (!await db.ProviderGroups.AnyAsync(g => g.Name == group.Name, cancellationToken))
            {
                db.ProviderGroups.Add(new ProviderGroup { Name = group.Name, ServiceType = group.ServiceType, Area = group.Area });
            }
        }

        foreach (var (shortcut, text) in DemoData.CannedReplies)
        {
            if (!await db.CannedReplies.AnyAsync(c => c.Shortcut == shortcut, cancellationToken))
            {
                db.CannedReplies.Add(new BowInbox.Core.Inbox.CannedReply { Shortcut = shortcut, Text = text });
            }
        }

        await db.SaveChangesAsync(cancellationToken);

        foreach (var demo in DemoData.Users)
        {
            await EnsureUserAsync(demo, cancellationToken);
        }

        await EnsureSlaPoliciesAsync(cancellationToken);
        await EnsureInsurerAsync(cancellationToken);
        await RegisterSupervisorWhatsAppAsync();

        logger.LogInformation("Development seed is in place ({Count} demo users)", DemoData.Users.Count);
    }

    /// <summary>Adds the demo policies that are missing; an Admin's edits to existing ones are kept.</summary>
    private async Task EnsureInsurerAsync(CancellationToken cancellationToken)
    {
        var demo = DemoData.Insurer;
        if (await db.Insurers.AnyAsync(i => i.Name == demo.Name, cancellationToken))
        {
            return;
        }

        db.Insurers.Add(new BowInbox.Core.Insurance.Insurer
        {
            Name = demo.Name,
            Aliases = demo.Aliases,
            PolicyPatterns = demo.PolicyPatterns,
            DeskGroupId = await db.ProviderGroups.Where(g => g.Name == demo.DeskGroup).Select(g => g.Id).SingleAsync(cancellationToken),
            UnderwritingGroupId = await db.ProviderGroups.Where(g => g.Name == demo.UnderwritingGroup).Select(g => g.Id).SingleAsync(cancellationToken),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task EnsureSlaPoliciesAsync(CancellationToken cancellationToken)
    {
        foreach (var demo in DemoData.SlaPolicies)
        {
            int? groupId = demo.Group is null ? null : await db.ProviderGroups.Where(g => g.Name == demo.Group).Select(g => g.Id).SingleAsync(cancellationToken);
            if (!await db.SlaPolicies.AnyAsync(p => p.GroupId == groupId && p.Urgency == demo.Urgency, cancellationToken))
            {
                db.SlaPolicies.Add(new SlaPolicyRecord
                {
                    GroupId = groupId,
                    Urgency = demo.Urgency,
                    TargetsJson = SlaPolicyJson.SerializeTargets(demo.Targets),
                    CalendarJson = SlaPolicyJson.SerializeCalendar(demo.Calendar),
                    UpdatedAt = time.GetUtcNow().UtcDateTime,
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task RegisterSupervisorWhatsAppAsync()
    {
        var supervisor = await users.FindByEmailAsync(DemoData.SupervisorEmail);
        if (supervisor is not null && supervisor.WhatsAppHash is null)
        {
            supervisor.WhatsAppHash = numbers.Hash(DemoData.SupervisorWhatsApp);
            supervisor.WhatsAppProtected = numbers.Protect(DemoData.SupervisorWhatsApp);
            await users.UpdateAsync(supervisor);
        }
    }

    private async Task EnsureUserAsync(DemoUser demo, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(demo.Email);
        if (user is null)
        {
            user = new ApplicationUser { UserName = demo.Email, Email = demo.Email, EmailConfirmed = true, DisplayName = demo.DisplayName };
            var created = await users.CreateAsync(user, DemoData.Password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Seeding {demo.Email} failed: {string.Join("; ", created.Errors.Select(e => e.Description))}");
            }
        }

        if (!await users.IsInRoleAsync(user, demo.Role))
        {
            await users.AddToRoleAsync(user, demo.Role);
        }

        if (demo.WaId is null)
        {
            return;
        }

        var provider = await db.Providers.Include(p => p.Groups).FirstOrDefaultAsync(p => p.UserId == user.Id, cancellationToken);
        if (provider is null)
        {
            provider = new Provider
            {
                UserId = user.Id,
                DisplayName = demo.DisplayName,
                WaIdHash = numbers.Hash(demo.WaId),
                WaIdProtected = numbers.Protect(demo.WaId),
            };
            db.Providers.Add(provider);
        }

        var group = await db.ProviderGroups.SingleAsync(g => g.Name == demo.Group, cancellationToken);
        if (provider.Groups.All(m => m.GroupId != group.Id))
        {
            provider.Groups.Add(new ProviderGroupMember { GroupId = group.Id });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
