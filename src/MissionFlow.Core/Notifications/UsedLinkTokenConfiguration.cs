using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MissionFlow.Core.Notifications;

internal sealed class UsedLinkTokenConfiguration : IEntityTypeConfiguration<UsedLinkToken>
{
    public void Configure(EntityTypeBuilder<UsedLinkToken> e) => e.HasKey(t => t.TokenId);
}
