using System.Globalization;
using System.Runtime.CompilerServices;
using CsvHelper;
using Microsoft.AspNetCore.Mvc;
using MiniExcelLibs;
using MissionFlow.Web.Ui;
using MissionFlow.Web.Ui.Exports;

namespace MissionFlow.Web.Recommendations;

/// <summary>
/// Follow-up status as a spreadsheet (MiniExcel: no dependencies, streams rows) or CSV (CsvHelper, UTF-8 with a
/// byte-order mark so Excel reads Vietnamese correctly). Headers are in the reader's language. Both are written as
/// the rows are read, so memory stays bounded however many rows the list holds.
/// </summary>
internal sealed class FollowUpExport(UiText text)
{
    public const string ExcelType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvType = "text/csv; charset=utf-8";

    private static readonly string[] Columns =
        ["Export.Mission", "Export.Number", "Export.Agency", "Export.Text", "Export.Deadline", "Export.OriginalDeadline", "Export.State", "Export.Overdue", "Export.Escalation", "Export.Field", "Export.Result", "Export.History"];

    /// <summary>The rows as a spreadsheet, written to a temporary file as they are read (the file goes with the answer).</summary>
    public Task<FileStreamResult> ExcelAsync(IAsyncEnumerable<FollowUpRow> rows, string fileName, CancellationToken ct) =>
        TemporaryFile.WriteAsync(ExcelType, fileName, (stream, token) =>
            stream.SaveAsAsync(Sheet(rows, token), sheetName: text["Export.Sheet"], cancellationToken: token), ct);

    public Task<FileStreamResult> CsvAsync(IAsyncEnumerable<FollowUpRow> rows, string fileName, CancellationToken ct) =>
        TemporaryFile.WriteAsync(CsvType, fileName, async (stream, token) =>
        {
            // Recommendation texts are typed by people: one starting with "=" must not run as a formula in Excel.
            var options = CsvWriterOptions.Default with { WriteByteOrderMark = true, Injection = CsvInjection.Escape };
            await using var csv = CsvWriter.Create(stream, options, true);
            await csv.WriteRecordAsync(Columns.Select(c => text[c]).ToArray(), token);
            await foreach (var row in rows.WithCancellation(token))
                await csv.WriteRecordAsync(Cells(row), token);
            await csv.FlushAsync(token);
        }, ct);

    /// <summary>Rows keyed by the headers; an empty list still gets its header row, so the reader sees the columns.</summary>
    private async IAsyncEnumerable<Dictionary<string, object?>> Sheet(IAsyncEnumerable<FollowUpRow> rows, [EnumeratorCancellation] CancellationToken ct)
    {
        var headers = Columns.Select(c => text[c]).ToArray();
        var any = false;
        await foreach (var row in rows.WithCancellation(ct))
        {
            any = true;
            yield return headers.Zip(Cells(row)).ToDictionary(p => p.First, p => (object?)p.Second);
        }
        if (!any)
            yield return headers.ToDictionary(h => h, _ => (object?)"");
    }

    private string[] Cells(FollowUpRow r) =>
    [
        r.MissionCode,
        r.Recommendation.Number.ToString(CultureInfo.InvariantCulture),
        r.AgencyName,
        r.Recommendation.Text,
        text.Date(r.Recommendation.Deadline),
        text.Date(r.Recommendation.OriginalDeadline),
        r.StateName,
        r.Overdue ? text["Common.Yes"] : text["Common.No"],
        r.Recommendation.EscalationLevel.ToString(CultureInfo.InvariantCulture),
        r.Recommendation.Field ?? "",
        r.Result is { } result ? text.Result(result) : "",
        r.History,
    ];
}
