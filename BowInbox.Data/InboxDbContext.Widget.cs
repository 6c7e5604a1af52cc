using BowInbox.Core.Widget;
using Microsoft.EntityFrameworkCore;

namespace BowInbox.Data;

public partial class InboxDbContext
{
    public DbSet<WidgetKey> WidgetKeys => Set<WidgetKey>();

    public DbSet<WidgetVisitor> WidgetVisitors => Set<WidgetVisitor>();
}
