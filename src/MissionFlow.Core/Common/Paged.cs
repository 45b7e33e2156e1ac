namespace MissionFlow.Core.Common;

/// <summary>One page of a list, with the count of everything the filter matched.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

public static class Paging
{
    public const int MaxPageSize = 500;

    public static void Check(int page, int pageSize)
    {
        if (page < 1)
            throw new InvalidRequestException("page", "'page' starts at 1.");
        if (pageSize is < 1 or > MaxPageSize)
            throw new InvalidRequestException("pageSize", $"'pageSize' is between 1 and {MaxPageSize}.");
    }
}
