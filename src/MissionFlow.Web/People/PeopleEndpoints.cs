using Microsoft.AspNetCore.Http.HttpResults;
using MissionFlow.Core.People;
using MissionFlow.Web.Auth;

namespace MissionFlow.Web.People;

internal static class PeopleEndpoints
{
    public static void MapPeople(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/users").WithTags("People").RequireAuthorization(Policies.Admin);
        group.MapGet("/", (PeopleService people, CancellationToken ct) => people.ListAsync(ct));
        group.MapPost("/", async Task<Created<Person>> (CreateUserRequest request, PeopleService people, CancellationToken ct) =>
        {
            var person = await people.CreateAsync(request, ct);
            return TypedResults.Created($"/api/users/{person.Id}", person);
        });
    }
}
