using Microsoft.Extensions.DependencyInjection;

namespace MissionFlow.Core.Drafts;

public static class DraftRegistration
{
    /// <summary>The drafts' services, on a library already loaded and checked at start.</summary>
    public static IServiceCollection AddMissionFlowDrafts(this IServiceCollection services, LetterLibrary library, CouncilIdentity council)
    {
        services.AddSingleton(library);
        services.AddSingleton(new DraftComposer(library, council.Checked()));
        services.AddScoped<FollowUpHistory>();
        services.AddScoped<DraftService>();
        services.AddScoped<SessionList>();
        return services;
    }
}
