using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace MissionFlow.Core.Drafts;

/// <summary>
/// Lays a <see cref="DraftLetter"/> out as a Word document in the form of Decree 30/2020/NĐ-CP (Appendix I): A4,
/// margins top and bottom 20 mm, left 30 mm, right 15 mm; Times New Roman 14 pt; the heading as a borderless
/// two-column table (issuing body, number and "V/v" subject on the left; the national title, motto and the
/// place-date line on the right); "Nơi nhận" (bold italic 12 pt, its lines 11 pt) at the bottom left and the
/// signature block on the right. The number and date stay blank: the Office fills them when the letter is signed.
/// The body is written with OpenXmlWriter, element by element, so a long table is never held whole in memory.
/// </summary>
public static class NationalDocx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    // Twips (1/1440 inch): A4 is 210 × 297 mm; 1 mm ≈ 56.7 twips.
    private const int PageWidth = 11906, PageHeight = 16838, Top = 1134, Bottom = 1134, Left = 1701, Right = 851;
    private const int TextWidth = PageWidth - Left - Right;
    private const string Font = "Times New Roman";

    // Half-points, as Word counts font sizes.
    private const int Size14 = 28, Size13 = 26, Size12 = 24, Size11 = 22;

    public static async Task WriteAsync(DraftLetter letter, Stream output, CancellationToken ct)
    {
        using var document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
        using (var writer = OpenXmlWriter.Create(main))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement(new Document());
            writer.WriteStartElement(new Body());
            writer.WriteElement(Heading(letter));
            if (letter.DocumentType is { } type)
            {
                writer.WriteElement(Line(type, Size14, bold: true, JustificationValues.Center, before: 240));
                writer.WriteElement(Line(letter.Subject, Size14, bold: true, JustificationValues.Center, after: 240));
            }
            if (letter.Addressee is { } to)
                writer.WriteElement(Line($"Kính gửi: {to}", Size14, bold: false, JustificationValues.Center, before: 240, after: 240));
            foreach (var text in letter.Paragraphs)
                writer.WriteElement(BodyParagraph(text));
            if (letter.Table is { } table)
                await WriteTableAsync(writer, table, ct);
            writer.WriteElement(new Paragraph());
            writer.WriteElement(Closing(letter));
            writer.WriteElement(Section());
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
    }

    private static Styles Styles() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                new FontSize { Val = Size14.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                new FontSizeComplexScript { Val = Size14.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                new Languages { Val = "vi-VN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { Before = "0", After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }))));

    private static SectionProperties Section() => new(
        new PageSize { Width = PageWidth, Height = PageHeight },
        new PageMargin { Top = Top, Bottom = Bottom, Left = Left, Right = Right, Header = 720, Footer = 720, Gutter = 0 });

    /// <summary>Issuing body | national title: "Số: …/symbol" and "V/v …" under the body; the place-date line under the motto.</summary>
    private static Table Heading(DraftLetter letter)
    {
        var left = new List<Paragraph>
        {
            Line(letter.Council.Body.ToUpperInvariant(), Size13, bold: false, JustificationValues.Center),
            Line(letter.Council.Issuer.ToUpperInvariant(), Size13, bold: true, JustificationValues.Center, after: 120),
            Line($"Số:        /{letter.Symbol}", Size13, bold: false, JustificationValues.Center),
        };
        if (letter.DocumentType is null)
            left.Add(Line($"V/v {letter.Subject}", Size12, bold: false, JustificationValues.Center));
        var right = new List<Paragraph>
        {
            Line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Size13, bold: true, JustificationValues.Center),
            Line("Độc lập - Tự do - Hạnh phúc", Size14, bold: true, JustificationValues.Center, after: 120, underline: true),
            Line($"{letter.Council.Place}, ngày      tháng      năm      ", Size14, bold: false, JustificationValues.Center, italic: true),
        };
        return Borderless(TextWidth * 2 / 5, left, TextWidth - TextWidth * 2 / 5, right);
    }

    /// <summary>"Nơi nhận" on the left, the signature block (authority, title, room to sign, name) on the right.</summary>
    private static Table Closing(DraftLetter letter)
    {
        var left = new List<Paragraph> { Line("Nơi nhận:", Size12, bold: true, JustificationValues.Left, italic: true) };
        left.AddRange(letter.Recipients.Select(r => Line($"- {r}", Size11, bold: false, JustificationValues.Left)));
        var right = new List<Paragraph>
        {
            Line(letter.Signer.Authority.ToUpperInvariant(), Size14, bold: true, JustificationValues.Center),
            Line(letter.Signer.Title.ToUpperInvariant(), Size14, bold: true, JustificationValues.Center),
        };
        right.AddRange(Enumerable.Range(0, 4).Select(_ => new Paragraph()));
        right.Add(Line(letter.Signer.Name ?? "", Size14, bold: true, JustificationValues.Center));
        return Borderless(TextWidth / 2, left, TextWidth - TextWidth / 2, right);
    }

    private static Table Borderless(int leftWidth, IEnumerable<Paragraph> left, int rightWidth, IEnumerable<Paragraph> right) => new(
        new TableProperties(
            new TableWidth { Width = TextWidth.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableBorders(
                new TopBorder { Val = BorderValues.None }, new BottomBorder { Val = BorderValues.None },
                new LeftBorder { Val = BorderValues.None }, new RightBorder { Val = BorderValues.None },
                new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None })),
        new TableGrid(new GridColumn { Width = Twips(leftWidth) }, new GridColumn { Width = Twips(rightWidth) }),
        new TableRow(Cell(leftWidth, left), Cell(rightWidth, right)));

    private static async Task WriteTableAsync(OpenXmlWriter writer, DraftTable table, CancellationToken ct)
    {
        var width = TextWidth / table.Columns.Count;
        var single = () => new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        writer.WriteStartElement(new Table());
        writer.WriteElement(new TableProperties(
            new TableWidth { Width = Twips(TextWidth), Type = TableWidthUnitValues.Dxa }, single()));
        writer.WriteElement(new TableGrid(table.Columns.Select(_ => new GridColumn { Width = Twips(width) })));
        writer.WriteElement(new TableRow(
            [new TableRowProperties(new TableHeader()), .. table.Columns.Select(c => Cell(width, [Line(c, Size12, bold: true, JustificationValues.Center)]))]));
        await foreach (var row in table.Rows.WithCancellation(ct))
        {
            if (row.Heading is { } heading)
            {
                var cell = Cell(TextWidth, [Line(heading, Size12, bold: true, JustificationValues.Left)]);
                cell.TableCellProperties!.Append(new GridSpan { Val = table.Columns.Count });
                writer.WriteElement(new TableRow(cell));
                continue;
            }
            writer.WriteElement(new TableRow(row.Cells.Select(c => Cell(width, [Line(c, Size12, bold: false, JustificationValues.Left)]))));
        }
        writer.WriteEndElement();
    }

    private static TableCell Cell(int width, IEnumerable<Paragraph> paragraphs) =>
        new([new TableCellProperties(new TableCellWidth { Width = Twips(width), Type = TableWidthUnitValues.Dxa }), .. paragraphs]);

    private static Paragraph BodyParagraph(string text) => new(
        new ParagraphProperties(
            new SpacingBetweenLines { Before = "120", After = "0" },
            new Indentation { FirstLine = "567" },
            new Justification { Val = JustificationValues.Both }),
        new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static Paragraph Line(string text, int size, bool bold, JustificationValues align,
        int before = 0, int after = 0, bool italic = false, bool underline = false)
    {
        var run = new RunProperties();
        if (bold)
            run.Append(new Bold());
        if (italic)
            run.Append(new Italic());
        if (underline)
            run.Append(new Underline { Val = UnderlineValues.Single });
        var half = size.ToString(System.Globalization.CultureInfo.InvariantCulture);
        run.Append(new FontSize { Val = half }, new FontSizeComplexScript { Val = half });
        return new Paragraph(
            new ParagraphProperties(
                new SpacingBetweenLines { Before = Twips(before), After = Twips(after) },
                new Justification { Val = align }),
            new Run(run, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    private static string Twips(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
