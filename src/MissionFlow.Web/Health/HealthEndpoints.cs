using MissionFlow.Core.Persistence;

namespace MissionFlow.Web.Health;

internal static class HealthEndpoints
{
    public static void MapHealth(this IEndpointRouteBuilder app) =>
        app.MapGet("/health", async Task<IResult> (MissionFlowDbContext db, CancellationToken ct) =>
                await db.Database.CanConnectAsync(ct)
                    ? TypedResults.Ok(new { status = "healthy" })
                    : TypedResults.Problem("The database does not answer.", statusCode: StatusCodes.Status503ServiceUnavailable))
            .WithTags("Health")
            .AllowAnonymous();
}
