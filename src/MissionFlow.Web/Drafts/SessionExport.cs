using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Mvc;
using MiniExcelLibs;
using MissionFlow.Core.Drafts;
using MissionFlow.Web.Ui.Exports;

namespace MissionFlow.Web.Drafts;

/// <summary>
/// The list for the Council's session as the report to the Council prints it (.docx in the national format, the
/// agencies as group rows numbered I, II…) or as a spreadsheet (.xlsx, one row per item with its agency). The
/// columns are the session-list template's, so a council renames them without a release; both stream the rows.
/// </summary>
internal sealed class SessionExport(SessionList list, DraftComposer composer)
{
    public const string ExcelType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const string FileName = "danh-sach-kien-nghi-chua-giai-quyet";

    private LetterTemplate Template => composer.Library.Get(LetterLibrary.SessionList);

    public Task<FileStreamResult> DocxAsync(CancellationToken ct)
    {
        var letter = composer.Compose(LetterLibrary.SessionList, composer.Values(), []) with
        {
            Table = new DraftTable(Template.Columns, Grouped(list.StreamAsync(ct), ct)),
        };
        return DraftDownload.AsDocxAsync(letter, FileName, ct);
    }

    public Task<FileStreamResult> ExcelAsync(CancellationToken ct) =>
        TemporaryFile.WriteAsync(ExcelType, $"{FileName}.xlsx", (stream, token) =>
            stream.SaveAsAsync(Sheet(list.StreamAsync(token), token), sheetName: "Kiến nghị", cancellationToken: token), ct);

    private async IAsyncEnumerable<DraftRow> Grouped(IAsyncEnumerable<SessionItem> items, [EnumeratorCancellation] CancellationToken ct)
    {
        Guid? agency = null;
        string? field = null;
        var (group, number) = (0, 0);
        await foreach (var item in items.WithCancellation(ct))
        {
            if (item.AgencyId != agency)
            {
                (agency, field, group, number) = (item.AgencyId, null, group + 1, 0);
                yield return new DraftRow([], $"{Roman(group)}. {item.Agency}");
            }
            if (item.Field is { } named && named != field)
            {
                field = named;
                yield return new DraftRow([], $"Lĩnh vực: {named}");
            }
            yield return new DraftRow(Cells(item, (++number).ToString(CultureInfo.InvariantCulture)));
        }
    }

    private async IAsyncEnumerable<Dictionary<string, object?>> Sheet(IAsyncEnumerable<SessionItem> items, [EnumeratorCancellation] CancellationToken ct)
    {
        // The agency leads each row: a spreadsheet is filtered by it rather than grouped under it.
        string[] headers = ["Cơ quan", "Lĩnh vực", .. Template.Columns];
        var (any, number) = (false, 0);
        await foreach (var item in items.WithCancellation(ct))
        {
            any = true;
            yield return headers.Zip([item.Agency, item.Field ?? "", .. Cells(item, (++number).ToString(CultureInfo.InvariantCulture))]).ToDictionary(p => p.First, p => (object?)p.Second);
        }
        if (!any)
            yield return headers.ToDictionary(h => h, _ => (object?)"");
    }

    /// <summary>STT, mission, text, deadline, days overdue, results, last recorded rung: the template's seven columns.</summary>
    private string[] Cells(SessionItem item, string number) =>
    [
        number,
        item.MissionCode,
        $"{item.Number}. {item.Text}",
        DraftComposer.Date(item.Deadline),
        item.DaysOverdue.ToString(CultureInfo.InvariantCulture),
        DraftItem.Results(new ItemHistory(item.Results, []), composer.Library.Wording),
        item.LastRung is { } rung ? DraftItem.LastRung(rung, composer.Library.Wording) : composer.Library.Wording.NoRung,
    ];

    private static string Roman(int n)
    {
        var (values, letters) = (new[] { 1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1 }, new[] { "M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I" });
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < values.Length; i++)
            for (; n >= values[i]; n -= values[i])
                text.Append(letters[i]);
        return text.ToString();
    }
}
