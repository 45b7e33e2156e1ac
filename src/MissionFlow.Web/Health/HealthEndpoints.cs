using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using MissionFlow.Core.Persistence;

namespace MissionFlow.Web.Health;

internal static class HealthEndpoints
{
    /// <summary>
    /// /health is liveness (the database answers); /health/ready is what an operator or a load balancer reads:
    /// 503 when the database or the job server is down, 200 with "Degraded" when mail waits or timers failed.
    /// </summary>
    public static void MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", async Task<IResult> (MissionFlowDbContext db, CancellationToken ct) =>
                await db.Database.CanConnectAsync(ct)
                    ? TypedResults.Ok(new { status = "healthy" })
                    : TypedResults.Problem("The database does not answer.", statusCode: StatusCodes.Status503ServiceUnavailable))
            .WithTags("Health")
            .AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
            {
                Predicate = check => check.Tags.Contains(HealthRegistration.Ready),
                ResponseWriter = HealthJson.WriteAsync,
            })
            .WithTags("Health")
            .AllowAnonymous();
    }
}
