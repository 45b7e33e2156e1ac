using System.Text;

namespace MissionFlow.Core.Seeding;

/// <summary>
/// A one-page PDF of a few lines, standing in for the signed scan of a demo letter so that the recorded rung has a
/// file that opens. The standard Helvetica font has no Vietnamese glyphs, so the lines are written without marks.
/// </summary>
internal static class LetterPdf
{
    public static byte[] Of(IReadOnlyList<string> lines)
    {
        var text = new StringBuilder("BT /F1 12 Tf 72 760 Td 16 TL");
        foreach (var line in lines)
            text.Append(" (").Append(line.Replace(@"\", @"\\").Replace("(", @"\(").Replace(")", @"\)")).Append(") Tj T*");
        text.Append(" ET");
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            $"<< /Length {text.Length} >>\nstream\n{text}\nendstream",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
            pdf.Append($"{offset:D10} 00000 n \n");
        pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        // ASCII throughout, so string lengths are byte offsets.
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
