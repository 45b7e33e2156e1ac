using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using MissionFlow.Core.OfficeTasks;
using MissionFlow.Core.Timers;
using MissionFlow.Engine.Calendar;
using MissionFlow.Engine.Runtime;

namespace MissionFlow.Core.Notifications;

public static class NotificationRegistration
{
    /// <summary>Timer sweep, notices, delivery, weekly digest and acknowledge links; the host adds Data Protection's key ring.</summary>
    public static IServiceCollection AddMissionFlowReminders(this IServiceCollection services, NotificationOptions options)
    {
        options.Smtp.Validate();
        services.AddSingleton(options);
        services.AddDataProtection();
        services.AddSingleton<IAckLinkProtector, DataProtectionAckLinkProtector>();
        services.AddSingleton(sp => new TimerRuntime(new TimerScheduler(sp.GetRequiredService<CouncilClock>())));
        services.AddScoped<RecipientDirectory>();
        services.AddScoped<AckLinkRecipient>();
        services.AddScoped<AckLinkService>();
        services.AddScoped<NoticeComposer>();
        services.AddScoped<LadderMail>();
        services.AddScoped<OfficeLadder>();
        services.AddScoped<TimerSweep>();
        services.AddScoped<OutboxDelivery>();
        services.AddScoped<WeeklyDigest>();
        return services;
    }
}
