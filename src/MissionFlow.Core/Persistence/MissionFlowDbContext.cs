using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using MissionFlow.Core.Agencies;
using MissionFlow.Core.Documents;
using MissionFlow.Core.Idempotency;
using MissionFlow.Core.Missions;
using MissionFlow.Core.Notifications;
using MissionFlow.Core.People;
using MissionFlow.Core.Recommendations;
using MissionFlow.Core.Timers;
using MissionFlow.Core.Workflows;

namespace MissionFlow.Core.Persistence;

/// <summary>
/// MissionFlow's one database, the source of truth. Each provider has a subclass that owns its migrations
/// (<see cref="SqliteMissionFlowDbContext"/> and its siblings); services depend on this base type.
/// </summary>
public abstract class MissionFlowDbContext(DbContextOptions options) : IdentityDbContext<AppUser, IdentityRole, string>(options)
{
    public DbSet<StoredDefinition> Definitions => Set<StoredDefinition>();
    public DbSet<WorkflowInstance> Instances => Set<WorkflowInstance>();
    public DbSet<JournalEntry> Journal => Set<JournalEntry>();
    public DbSet<WorkflowTimer> Timers => Set<WorkflowTimer>();
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<Mission> Missions => Set<Mission>();
    public DbSet<Recommendation> Recommendations => Set<Recommendation>();
    public DbSet<StoredFile> Files => Set<StoredFile>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<OfficeTask> OfficeTasks => Set<OfficeTask>();
    public DbSet<UsedLinkToken> UsedLinkTokens => Set<UsedLinkToken>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(MissionFlowDbContext).Assembly);
    }
}
