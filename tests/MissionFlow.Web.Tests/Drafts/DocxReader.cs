using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace MissionFlow.Web.Tests.Drafts;

/// <summary>
/// A downloaded .docx opened with the Open XML SDK, as Word would read it, and the layout Decree 30/2020/NĐ-CP asks
/// of it checked in its XML: A4, the margins, Times New Roman, and the national heading.
/// </summary>
internal sealed record DocxReader(string Text, string StylesXml, PageSize Page, PageMargin Margin, IReadOnlyList<Table> Tables)
{
    public static DocxReader Open(byte[] bytes)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), isEditable: false);
        var main = document.MainDocumentPart!;
        var body = main.Document.Body!;
        var section = body.Elements<SectionProperties>().Single();
        return new DocxReader(
            string.Join("\n", body.Descendants<Paragraph>().Select(p => p.InnerText)),
            main.StyleDefinitionsPart!.Styles!.OuterXml,
            section.GetFirstChild<PageSize>()!,
            section.GetFirstChild<PageMargin>()!,
            body.Elements<Table>().ToList());
    }

    /// <summary>Everything a draft in the national format has, whatever it says.</summary>
    public void AssertNationalFormat()
    {
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Text);
        Assert.Contains("Độc lập - Tự do - Hạnh phúc", Text);
        Assert.Contains("HỘI ĐỒNG NHÂN DÂN TỈNH THANH HÓA", Text);
        Assert.Contains("THƯỜNG TRỰC", Text);
        Assert.Contains("Thanh Hóa, ngày", Text);
        Assert.Matches(@"Số:\s+/", Text); // the number is left blank for the Office
        Assert.Contains("Nơi nhận:", Text);
        Assert.Contains("TM. THƯỜNG TRỰC HĐND", Text);
        Assert.Contains("w:ascii=\"Times New Roman\"", StylesXml);
        Assert.Contains("w:sz w:val=\"28\"", StylesXml); // 14 pt
        Assert.Equal((11906u, 16838u), (Page.Width!.Value, Page.Height!.Value));
        Assert.InRange(Margin.Top!.Value, 1134, 1418);     // 20–25 mm
        Assert.InRange(Margin.Bottom!.Value, 1134, 1418);
        Assert.InRange(Margin.Left!.Value, 1701u, 1985u);   // 30–35 mm
        Assert.InRange(Margin.Right!.Value, 850u, 1134u);   // 15–20 mm
        // The heading is a borderless two-column table: the issuing body beside the national title.
        var heading = Tables[0];
        Assert.Equal(2, heading.Descendants<TableCell>().Count());
        Assert.Contains("THƯỜNG TRỰC", heading.Descendants<TableCell>().First().InnerText);
        Assert.StartsWith("CỘNG HÒA", heading.Descendants<TableCell>().Last().InnerText);
    }
}
