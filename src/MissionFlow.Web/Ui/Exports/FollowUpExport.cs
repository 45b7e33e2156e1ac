using System.Globalization;
using CsvHelper;
using MiniExcelLibs;

namespace MissionFlow.Web.Ui.Exports;

/// <summary>
/// Follow-up status as a spreadsheet (MiniExcel: no dependencies, streams rows) or CSV (CsvHelper, UTF-8 with a
/// byte-order mark so Excel reads Vietnamese correctly). Headers are in the reader's language.
/// </summary>
internal sealed class FollowUpExport(UiText text)
{
    public const string ExcelType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvType = "text/csv; charset=utf-8";

    private static readonly string[] Columns =
        ["Export.Mission", "Export.Number", "Export.Agency", "Export.Text", "Export.Deadline", "Export.OriginalDeadline", "Export.State", "Export.Overdue", "Export.Escalation", "Export.Result"];

    public byte[] Excel(IEnumerable<FollowUpRow> rows)
    {
        var headers = Columns.Select(c => text[c]).ToArray();
        var sheet = rows.Select(r => headers.Zip(Cells(r)).ToDictionary(p => p.First, p => (object?)p.Second)).ToList();
        using var stream = new MemoryStream();
        if (sheet.Count == 0)
            sheet.Add(headers.ToDictionary(h => h, _ => (object?)""));
        stream.SaveAs(sheet, sheetName: text["Export.Sheet"]);
        return stream.ToArray();
    }

    public byte[] Csv(IEnumerable<FollowUpRow> rows)
    {
        using var stream = new MemoryStream();
        // Recommendation texts are typed by people: one starting with "=" must not run as a formula in Excel.
        var options = CsvWriterOptions.Default with { WriteByteOrderMark = true, Injection = CsvInjection.Escape };
        using (var csv = CsvWriter.Create(stream, options, true))
        {
            csv.WriteRecord(Columns.Select(c => text[c]).ToArray());
            foreach (var row in rows)
                csv.WriteRecord(Cells(row));
        }
        return stream.ToArray();
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
        r.Result is { } result ? text.Choice(result) : "",
    ];
}
