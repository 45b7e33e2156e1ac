using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using MissionFlow.Core.People;
using MissionFlow.Web.Auth;

namespace MissionFlow.Web.People;

internal static class PeopleEndpoints
{
    public static void MapPeople(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/users").WithTags("People").RequireAuthorization(Policies.Admin);
        group.MapGet("/", (PeopleService people, CancellationToken ct) => people.ListAsync(ct));
        group.MapGet("/{id}", (string id, PeopleService people, CancellationToken ct) => people.GetAsync(id, ct));
        group.MapPost("/", async Task<Created<Person>> (CreateUserRequest request, ClaimsPrincipal admin, UserManager<AppUser> users, PeopleService people, CancellationToken ct) =>
        {
            var person = await people.CreateAsync(request, users.GetUserId(admin), ct);
            return TypedResults.Created($"/api/users/{person.Id}", person);
        });
        group.MapPut("/{id}", (string id, UpdateUserRequest request, ClaimsPrincipal admin, UserManager<AppUser> users, PeopleService people, CancellationToken ct) =>
            people.UpdateAsync(id, request, users.GetUserId(admin), ct));
        group.MapPost("/{id}/disable", (string id, ClaimsPrincipal admin, UserManager<AppUser> users, PeopleService people, CancellationToken ct) =>
            people.DisableAsync(id, users.GetUserId(admin), ct));
        group.MapPost("/{id}/enable", (string id, ClaimsPrincipal admin, UserManager<AppUser> users, PeopleService people, CancellationToken ct) =>
            people.EnableAsync(id, users.GetUserId(admin), ct));
    }
}
