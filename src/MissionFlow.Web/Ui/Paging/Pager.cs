namespace MissionFlow.Web.Ui.Paging;

/// <summary>Where a paged list stands, and how to link to another of its pages with the same filters.</summary>
internal sealed record Pager(int Page, int PageSize, int Total, Func<int, string> Link)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public int First => Total == 0 ? 0 : (Page - 1) * PageSize + 1;
    public int Last => Math.Min(Total, Page * PageSize);
}
