using Microsoft.AspNetCore.Http.HttpResults;
using MissionFlow.Core.Agencies;
using MissionFlow.Web.Auth;

namespace MissionFlow.Web.Agencies;

public sealed record AgencyView(Guid Id, string Code, string Name, string Email, string HeadEmail, Guid? ParentId, bool Active)
{
    public static AgencyView Of(Agency a) => new(a.Id, a.Code, a.Name, a.Email, a.HeadEmail, a.ParentId, a.Active);
}

internal static class AgencyEndpoints
{
    public static void MapAgencies(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/agencies").WithTags("Agencies");
        group.MapGet("/", async (AgencyService agencies, CancellationToken ct) =>
            (await agencies.ListAsync(ct)).Select(AgencyView.Of).ToList());
        group.MapGet("/{id:guid}", async (Guid id, AgencyService agencies, CancellationToken ct) =>
            AgencyView.Of(await agencies.GetAsync(id, ct)));
        group.MapPost("/", async Task<Created<AgencyView>> (CreateAgencyRequest request, AgencyService agencies, CancellationToken ct) =>
        {
            var agency = await agencies.CreateAsync(request, ct);
            return TypedResults.Created($"/api/agencies/{agency.Id}", AgencyView.Of(agency));
        }).RequireAuthorization(Policies.Admin);
        group.MapPut("/{id:guid}", async (Guid id, UpdateAgencyRequest request, AgencyService agencies, CancellationToken ct) =>
            AgencyView.Of(await agencies.UpdateAsync(id, request, ct))).RequireAuthorization(Policies.Admin);
    }
}
