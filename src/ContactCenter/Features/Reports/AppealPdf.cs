using System.Globalization;
using ContactCenter.Core.Appeals;
using ContactCenter.Features.Console;
using ContactCenter.Infrastructure;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace ContactCenter.Features.Reports;

/// <summary>
/// The appeal card and the answer letter as PDF (PDFsharp, MIT): A4, the same content as the print pages, DejaVu Sans
/// embedded (Debian <c>fonts-dejavu-core</c>) so Cyrillic renders everywhere. A small flow layout: word-wrapped
/// paragraphs, label/value lines, signature lines, and a new page when the current one is full.
/// </summary>
public sealed class AppealPdf
{
    static AppealPdf() => DejaVuFontResolver.Install();

    public byte[] Render(PrintModel p)
    {
        using var document = new PdfDocument();
        document.Info.Title = p.Kind == PrintKind.Card ? Text.Get("print.card.title", p.Appeal.RegistrationNumber) : Text.Get("print.letter.title", p.Appeal.RegistrationNumber);
        document.Info.Creator = "ContactCenter";
        var w = new Writer(document);
        Letterhead(w, p.Head);
        if (p.Kind == PrintKind.Card)
            Card(w, p);
        else
            Letter(w, p);
        w.Dispose();
        using var output = new MemoryStream();
        document.Save(output, false);
        return output.ToArray();
    }

    private static string When(DateTimeOffset? at) => at is { } x ? x.ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture) : "—";
    private static string Date(DateTimeOffset? at) => at is { } x ? x.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture) : "—";

    private static void Letterhead(Writer w, Letterhead head)
    {
        if (head.Organisation is { Length: > 0 } org)
            w.Paragraph(org.ToUpperInvariant(), w.Small, center: true);
        w.Paragraph(head.Community.ToUpperInvariant(), w.Title, center: true);
        w.Paragraph($"{head.Address} · {Text.Get("print.phone")} {head.Phone}{(head.Email is { Length: > 0 } e ? " · " + e : "")}", w.Small, center: true);
        w.Rule(1.5);
        w.Space(8);
    }

    private static void Card(Writer w, PrintModel p)
    {
        var a = p.Appeal;
        w.Paragraph(Text.Get("print.card.title", a.RegistrationNumber), w.Heading, center: true);
        w.Space(6);
        w.Field(Text.Get("register.col.number"), a.RegistrationNumber);
        w.Field(Text.Get("register.col.received"), When(a.ReceivedAt));
        w.Field(Text.Get("print.registered"), When(a.RegisteredAt));
        w.Field(Text.Get("register.col.channel"), $"{T.Enum(a.Channel)} · {Text.Get("report.form." + a.Form)}");
        w.Field(Text.Get("register.col.kind"), $"{T.Enum(a.Kind)} · {Text.Get(a.IsCollective ? "report.subject.collective" : "report.subject.individual")}");
        if (a.Flags.RepeatOf is { } rep)
            w.Field(Text.Get("report.section.sign"), $"{Text.Get("report.sign.repeated")} ({rep})");
        if (a.Flags.DuplicateOf is { } dup)
            w.Field(Text.Get("report.section.sign"), $"{Text.Get("report.sign.duplicate")} ({dup})");
        w.Field(Text.Get("register.col.status"), Text.Status(a.Status));
        w.Field(Text.Get("register.col.due"), When(a.DueAt));
        w.Space(6);
        w.Paragraph(Text.Get("print.applicant"), w.Bold);
        if (p.Masked)
        {
            w.Paragraph($"{a.Applicant.FullName} — {Text.Get("print.hiddenNote")}", w.Body);
        }
        else
        {
            w.Field(Text.Get("register.col.applicant"), a.Applicant.FullName + (a.Applicant.RepresentativeOf is { Length: > 0 } of ? $" ({Text.Get("register.onBehalfOf")} {of})" : ""));
            w.Field(Text.Get("register.col.address"), a.Applicant.Address ?? "—");
            w.Field(Text.Get("register.col.registeredAddress"), a.Applicant.RegisteredAddress ?? "—");
            w.Field(Text.Get("register.col.phone"), a.Applicant.Phone ?? "—");
            w.Field(Text.Get("export.col.email"), a.Applicant.Email ?? "—");
            w.Field(Text.Get("report.section.applicantCategory"), a.Applicant.PrivilegeCategory ?? "—");
            w.Field(Text.Get("report.section.socialStatus"), a.Applicant.SocialStatus ?? "—");
        }
        w.Space(6);
        w.Paragraph(Text.Get("register.col.substance"), w.Bold);
        w.Paragraph(a.Description, w.Body);
        foreach (var q in a.Questions)
        {
            w.Space(6);
            w.Rule(0.5);
            w.Paragraph($"{Text.Get("print.question", q.Number)}: {q.CategoryName ?? q.CategoryCode}", w.Bold);
            w.Field(Text.Get("register.col.substance"), q.Description);
            if (q.Location.Address is { Length: > 0 } place)
                w.Field(Text.Get("print.place"), place);
            w.Field(Text.Get("register.col.executor"), (q.Executor?.Name ?? "—") + (q.Assignee is { } who ? $" ({who})" : ""));
            w.Field(Text.Get("register.col.due"), When(q.DueAt) + (q.ExtendedWorkingDays > 0 ? $" (+{q.ExtendedWorkingDays} {Text.Get("print.workingDays")})" : ""));
            w.Field(Text.Get("register.col.status"), Text.Status(q.Status));
            if (q.Result is { } r)
            {
                w.Field(Text.Get("register.col.result"), $"{T.Enum(r.Code)}, {When(r.At)}");
                w.Field(Text.Get("print.answer"), r.Text ?? "");
                if (r.LegalBasis is { Length: > 0 } basis)
                    w.Field(Text.Get("print.legalBasis"), basis);
                if (r.ForwardedTo is { Length: > 0 } to)
                    w.Field(Text.Get("print.forwardedTo"), to);
            }
        }
        w.Space(18);
        w.Signature(Text.Get("print.sign.registered"), null);
        w.Signature(Text.Get("print.sign.executor"), null);
        w.Signature(Text.Get("print.sign.control"), null);
        w.Space(12);
        w.Paragraph(Text.Get("print.printedAt", When(p.PrintedAt)), w.Small);
    }

    private static void Letter(Writer w, PrintModel p)
    {
        var a = p.Appeal;
        w.Paragraph(Text.Get("print.letter.outgoing", a.RegistrationNumber, Date(p.PrintedAt)), w.Body);
        w.Paragraph(Text.Get("print.letter.onYours", a.RegistrationNumber, Date(a.ReceivedAt)), w.Body);
        w.Space(10);
        w.Indent = 0.55;
        w.Paragraph(a.Applicant.FullName, w.Bold);
        if (!p.Masked)
        {
            if (a.Applicant.Address is { Length: > 0 } address)
                w.Paragraph(address, w.Body);
            if (a.Applicant.Email is { Length: > 0 } email)
                w.Paragraph(email, w.Body);
        }
        w.Indent = 0;
        w.Space(12);
        w.Paragraph(Text.Get("print.letter.heading"), w.Heading, center: true);
        w.Space(6);
        w.Paragraph(Text.Get("print.letter.intro", Date(a.ReceivedAt), a.RegistrationNumber), w.Body);
        foreach (var q in a.Questions)
        {
            w.Space(6);
            if (a.Questions.Count > 1)
                w.Paragraph($"{Text.Get("print.question", q.Number)}: {q.CategoryName ?? q.CategoryCode}", w.Bold);
            w.Paragraph(q.Description, w.Italic);
            if (q.Result is { } r)
            {
                w.Paragraph($"{Text.Get("register.col.result")}: {T.Enum(r.Code)}.", w.Body);
                w.Paragraph(r.Text ?? "", w.Body);
                if (r.LegalBasis is { Length: > 0 } basis)
                    w.Paragraph($"{Text.Get("print.legalBasis")}: {basis}", w.Body);
                if (r.ForwardedTo is { Length: > 0 } to)
                    w.Paragraph(Text.Get("print.letter.forwarded", to), w.Body);
                if (r.Code == ResultCode.Refused)
                    w.Paragraph(Text.Get("print.letter.appealRoute"), w.Body);
            }
            else
            {
                w.Paragraph(Text.Get("print.letter.pending", Text.Status(q.Status), Date(q.DueAt)), w.Body);
            }
        }
        w.Space(24);
        w.Signature(p.Head.SignatoryTitle, p.Head.SignatoryName);
        var executors = a.Questions.Where(q => q.Executor is not null).Select(q => q.Executor!.Name).Distinct().ToList();
        if (executors.Count > 0)
        {
            w.Space(18);
            w.Paragraph($"{Text.Get("print.letter.executor")} {string.Join("; ", executors)}", w.Small);
        }
    }

    /// <summary>A top-to-bottom flow on A4 pages with 20/15 mm margins.</summary>
    private sealed class Writer : IDisposable
    {
        private const double Margin = 42.5, LeftMargin = 56.7;
        private readonly PdfDocument _document;
        private XGraphics _g = null!;
        private PdfPage _page = null!;
        private double _y;

        // The whole font file is embedded: PDFsharp's subset drops the parts of composite glyphs, and Ukrainian «ї» is one.
        private static readonly XPdfFontOptions Embed = new(PdfFontEncoding.Unicode, PdfFontEmbedding.EmbedCompleteFontFile);
        public readonly XFont Body = new(DejaVuFontResolver.Family, 10.5, XFontStyleEx.Regular, Embed);
        public readonly XFont Bold = new(DejaVuFontResolver.Family, 10.5, XFontStyleEx.Bold, Embed);
        public readonly XFont Italic = new(DejaVuFontResolver.Family, 10.5, XFontStyleEx.Italic, Embed);
        public readonly XFont Small = new(DejaVuFontResolver.Family, 8.5, XFontStyleEx.Regular, Embed);
        public readonly XFont Title = new(DejaVuFontResolver.Family, 14, XFontStyleEx.Bold, Embed);
        public readonly XFont Heading = new(DejaVuFontResolver.Family, 12, XFontStyleEx.Bold, Embed);

        /// <summary>Left indent as a share of the text width (the addressee block of a letter).</summary>
        public double Indent { get; set; }

        public Writer(PdfDocument document)
        {
            _document = document;
            NewPage();
        }

        private double Width => _page.Width.Point - LeftMargin - Margin;
        private double Left => LeftMargin + Width * Indent;
        private double Bottom => _page.Height.Point - Margin;

        private void NewPage()
        {
            _g?.Dispose();
            _page = _document.AddPage();
            _page.Size = PdfSharp.PageSize.A4;
            _g = XGraphics.FromPdfPage(_page);
            _y = Margin;
        }

        private void Ensure(double height)
        {
            if (_y + height > Bottom)
                NewPage();
        }

        public void Space(double points) => _y += points;

        public void Rule(double thickness)
        {
            Ensure(thickness + 2);
            _g.DrawLine(new XPen(XColors.Black, thickness), LeftMargin, _y, LeftMargin + Width, _y);
            _y += thickness + 2;
        }

        public void Paragraph(string text, XFont font, bool center = false) => Lines(text, font, Left, Width * (1 - Indent), center);

        /// <summary>A label in the left third and its value wrapped in the rest.</summary>
        public void Field(string label, string value)
        {
            var labelWidth = Width * 0.34;
            var lines = Wrap(value, Body, Width - labelWidth);
            var height = LineHeight(Body);
            Ensure(height);
            _g.DrawString(label, Small, XBrushes.DimGray, new XRect(LeftMargin, _y, labelWidth - 6, height), XStringFormats.TopLeft);
            foreach (var line in lines)
            {
                Ensure(height);
                _g.DrawString(line, Body, XBrushes.Black, new XRect(LeftMargin + labelWidth, _y, Width - labelWidth, height), XStringFormats.TopLeft);
                _y += height;
            }
        }

        public void Signature(string role, string? name)
        {
            var height = LineHeight(Body) + 14;
            Ensure(height + 10);
            _y += 14;
            var roleWidth = Width * 0.42;
            _g.DrawString(role, Body, XBrushes.Black, new XRect(LeftMargin, _y, roleWidth, LineHeight(Body)), XStringFormats.TopLeft);
            var lineFrom = LeftMargin + roleWidth + 6;
            var lineTo = LeftMargin + Width * 0.72;
            var baseline = _y + LineHeight(Body);
            _g.DrawLine(new XPen(XColors.Black, 0.6), lineFrom, baseline, lineTo, baseline);
            _g.DrawString(Text.Get("print.sign.caption"), Small, XBrushes.DimGray, new XRect(lineFrom, baseline + 1, lineTo - lineFrom, 10), XStringFormats.TopCenter);
            if (name is { Length: > 0 })
                _g.DrawString(name, Body, XBrushes.Black, new XRect(lineTo + 6, _y, LeftMargin + Width - lineTo - 6, LineHeight(Body)), XStringFormats.TopRight);
            _y += height;
        }

        private void Lines(string text, XFont font, double left, double width, bool center)
        {
            var height = LineHeight(font);
            foreach (var line in Wrap(text, font, width))
            {
                Ensure(height);
                _g.DrawString(line, font, XBrushes.Black, new XRect(left, _y, width, height), center ? XStringFormats.TopCenter : XStringFormats.TopLeft);
                _y += height;
            }
        }

        private static double LineHeight(XFont font) => font.Size * 1.35;

        private List<string> Wrap(string text, XFont font, double width)
        {
            var result = new List<string>();
            foreach (var paragraph in text.Replace("\r\n", "\n").Split('\n'))
            {
                var line = "";
                foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var candidate = line.Length == 0 ? word : line + " " + word;
                    if (_g.MeasureString(candidate, font).Width <= width)
                    {
                        line = candidate;
                        continue;
                    }
                    if (line.Length > 0)
                        result.Add(line);
                    line = word;
                    // A single word wider than the line is cut.
                    while (_g.MeasureString(line, font).Width > width && line.Length > 1)
                    {
                        var cut = line.Length - 1;
                        while (cut > 1 && _g.MeasureString(line[..cut], font).Width > width)
                            cut--;
                        result.Add(line[..cut]);
                        line = line[cut..];
                    }
                }
                result.Add(line);
            }
            return result;
        }

        public void Dispose() => _g?.Dispose();
    }
}

/// <summary>DejaVu Sans from the Debian font folder (Linux has no font PDFsharp could find by itself).</summary>
public sealed class DejaVuFontResolver : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private static readonly string[] Folders = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/TTF", "/usr/local/share/fonts"];
    private static readonly Lock Gate = new();

    public static void Install()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not DejaVuFontResolver)
                GlobalFontSettings.FontResolver = new DejaVuFontResolver();
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        new((isBold, isItalic) switch
        {
            (true, true) => "DejaVuSans-BoldOblique",
            (true, false) => "DejaVuSans-Bold",
            (false, true) => "DejaVuSans-Oblique",
            _ => "DejaVuSans",
        });

    public byte[]? GetFont(string faceName)
    {
        foreach (var folder in Folders)
        {
            var path = Path.Combine(folder, faceName + ".ttf");
            if (File.Exists(path))
                return File.ReadAllBytes(path);
        }
        throw new FileNotFoundException($"Font {faceName}.ttf not found (install the Debian package fonts-dejavu-core).");
    }
}
