package org.cjkbook.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.TextPosition;
import org.cjkbook.Builds;
import org.cjkbook.Corpus;
import org.cjkbook.ExternalTool;
import org.cjkbook.PdfText;
import org.cjkbook.model.Block;
import org.cjkbook.model.Book;
import org.cjkbook.model.Chapter;
import org.cjkbook.model.Inline;
import org.cjkbook.model.Metadata;
import org.cjkbook.read.BookLoader;
import org.junit.jupiter.api.Test;

/** The paragraph composer, read back from the PDF: flush lines, compressed pairs, text once. */
class CompositionTest {

    private static final float BODY = PageGeometry.BODY_POINTS;

    /** A page size's text block: width and margins in points. */
    private record Page(float measure, float top, float bottom, float rectoLeft, float versoLeft, float width) {
        /** The text block's left edge: versos have the wider outer margin on the left. */
        float left(int page) {
            return page % 2 == 0 ? versoLeft : rectoLeft;
        }

        static Page of(PageGeometry page) {
            return new Page(page.measureEms() * BODY, (float) page.topMargin(), (float) page.bottomMargin(),
                    (float) page.innerMargin(), (float) page.outerMargin(), (float) page.widthPoints());
        }
    }

    private static final Page A5 = Page.of(PageGeometry.A5);
    private static final Page K32 = Page.of(PageGeometry.THIRTYTWOMO);
    /** The composition fixture on the narrowest page, where Latin words and spaces meet line ends. */
    private static final Path COMPOSITION_32K = Builds.composition32k();

    @Test
    void seedBodyLinesAreFlushAndPairsOneAndAHalfEm() throws IOException {
        check(Builds.SEED, "book", A5, Integer.MAX_VALUE, 100, 5);
    }

    @Test
    void novelsFirstTenChaptersAreFlushAndPairsOneAndAHalfEm() throws IOException {
        check(Corpus.require("novel-hongloumeng.txt"), "novel-hongloumeng", A5, 10, 100, 5);
    }

    @Test
    void markdownBodyLinesAreFlushInTextQuotationsAndLists() throws IOException {
        check(Builds.COMPOSITION, "composition", A5, Integer.MAX_VALUE, 15, 3);
        check(COMPOSITION_32K, "composition-32k", K32, Integer.MAX_VALUE, 15, 3);
        check(Builds.ALL_ELEMENTS, "all-elements", A5, Integer.MAX_VALUE, 1, 0);
    }

    @Test
    void eachChaptersTextIsDrawnOnceInReadingOrder() throws IOException {
        assertDrawnInOrder(Builds.SEED, "book", A5, Integer.MAX_VALUE);
        assertDrawnInOrder(Builds.COMPOSITION, "composition", A5, Integer.MAX_VALUE);
        assertDrawnInOrder(COMPOSITION_32K, "composition-32k", K32, Integer.MAX_VALUE);
        assertDrawnInOrder(Builds.ALL_ELEMENTS, "all-elements", A5, Integer.MAX_VALUE);
        assertDrawnInOrder(Corpus.require("novel-hongloumeng.txt"), "novel-hongloumeng", A5, 10);
    }

    /**
     * The text of each of the first {@code chapters} chapters, as PDFBox reads it in the
     * order it is drawn and as pdftotext reads it by position, equals the chapter's source
     * text: its title, its blocks in order, then its notes. Nothing is missing, added, or
     * read twice.
     */
    private static void assertDrawnInOrder(Path source, String name, Page page, int chapters) throws IOException {
        Path pdf = Builds.of(source).resolve(name + ".pdf");
        Book read = new BookLoader().load(source).book();
        List<Chapter> book = read.chapters();
        Path pdftotext = ExternalTool.require("pdftotext");
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            if (read.layout() == Book.Layout.ARTICLE) {
                assertArticleDrawnInOrder(pdf, document, name, page, book, pdftotext);
                return;
            }
            List<Integer> starts = chapterStarts(document);
            for (int n = 0; n < Math.min(chapters, book.size()); n++) {
                int first = starts.get(n);
                int last = n + 1 < starts.size() ? starts.get(n + 1) - 1 : lastTextPage(document, source, name);
                String expected = withoutSpace(SourceOrder.of(book.get(n)));
                String drawn = withoutSpace(PdfText.drawnText(document, first, last, page.top(), page.bottom()));
                assertThat(drawn).as(name + " chapter " + (n + 1) + ", PDFBox in drawing order").isEqualTo(expected);
                // The text block only: running heads and folios stand outside it.
                ExternalTool.Run run = ExternalTool.run(pdftotext, "-enc", "UTF-8", "-f", Integer.toString(first),
                        "-l", Integer.toString(last), "-x", "0", "-y", Integer.toString((int) page.top()),
                        "-W", Integer.toString((int) page.width()), "-H", Integer.toString((int) (pageHeight(document)
                                - page.top() - page.bottom())),
                        pdf.toString(), "-");
                assertThat(run.exitCode()).as(run.output()).isZero();
                // Poppler reads a spacing grave beside a glyph (the novel's ：`) as a combining one.
                String poppler = run.output().replace('\u0300', '`');
                assertThat(withoutSpace(poppler)).as(name + " chapter " + (n + 1) + ", pdftotext")
                        .isEqualTo(expected);
            }
        }
    }

    /**
     * An article's sections run on, sharing pages: between its headline and its colophon,
     * the whole text holds every section's text, in order, once.
     */
    private static void assertArticleDrawnInOrder(Path pdf, PDDocument document, String name, Page page,
                                                  List<Chapter> chapters, Path pdftotext) throws IOException {
        StringBuilder sections = new StringBuilder();
        chapters.forEach(chapter -> sections.append(SourceOrder.of(chapter)));
        String expected = withoutSpace(sections.toString());
        int pages = document.getNumberOfPages();
        String drawn = withoutSpace(PdfText.drawnText(document, 1, pages, page.top(), page.bottom()));
        assertThat(drawn).as(name + ", PDFBox in drawing order").contains(expected);
        assertThat(drawn.lastIndexOf(expected)).as(name + ", read once").isEqualTo(drawn.indexOf(expected));
        ExternalTool.Run run = ExternalTool.run(pdftotext, "-enc", "UTF-8", "-x", "0",
                "-y", Integer.toString((int) page.top()), "-W", Integer.toString((int) page.width()),
                "-H", Integer.toString((int) (pageHeight(document) - page.top() - page.bottom())), pdf.toString(), "-");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(withoutSpace(run.output())).as(name + ", pdftotext").contains(expected);
    }

    /** Text without its spaces, the ideographic and no-break spaces too: extraction adds and drops them. */
    private static String withoutSpace(String text) {
        return text.replaceAll("[\\s\u00A0\u3000]", "");
    }

    /** The last page of the last chapter: the one before the colophon, when the book has one. */
    private static int lastTextPage(PDDocument pdf, Path source, String name) throws IOException {
        boolean colophon = Builds.entries(Builds.of(source).resolve(name + ".epub")).containsKey("EPUB/colophon.xhtml");
        return pdf.getNumberOfPages() - (colophon ? 1 : 0);
    }

    /** The first page of each chapter, from the outline. */
    private static List<Integer> chapterStarts(PDDocument pdf) throws IOException {
        List<Integer> starts = new ArrayList<>();
        for (PDOutlineItem item : pdf.getDocumentCatalog().getDocumentOutline().children()) {
            starts.add(pdf.getPages().indexOf(((PDPageDestination) item.getDestination()).getPage()) + 1);
        }
        return starts;
    }

    /**
     * Body lines of the chapters, up to {@code chapters} of them: every line but a
     * paragraph's last ends within half a point of its measure (the text block's, or a
     * quotation's, two em in from either side), and every pair of marks that compression
     * joins takes one and a half em. At least {@code minLines} lines and {@code minPairs}
     * pairs are checked.
     */
    private static void check(Path source, String name, Page page, int chapters, int minLines, int minPairs)
            throws IOException {
        Path file = Builds.of(source).resolve(name + ".pdf");
        Book book = new BookLoader().load(source).book();
        List<SourceOrder.Part> parts = SourceOrder.parts(book.chapters());
        // Lines that stand alone, not lines of a paragraph: an article's run-on section
        // heads and its headline block share the body's pages and size.
        Set<String> alone = new HashSet<>();
        book.chapters().stream().filter(Chapter::hasTitle).forEach(c -> alone.add(withoutSpace(c.titleText())));
        Metadata metadata = book.metadata();
        for (String line : new String[] {metadata.kicker(), metadata.title(), metadata.column(), metadata.subtitle()}) {
            if (line != null) {
                alone.add(withoutSpace(line));
            }
        }
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            List<Integer> starts = chapterStarts(pdf);
            int first = starts.get(0);
            int last = chapters < starts.size() ? starts.get(chapters) - 1 : lastTextPage(pdf, source, name);
            List<PdfText.Line> body = PdfText.lines(pdf, page.top(), page.bottom()).stream()
                    .filter(l -> l.page() >= first && l.page() <= last && Math.abs(l.size() - BODY) < 0.1)
                    .toList();
            List<String> short_ = new ArrayList<>();
            List<String> pairs = new ArrayList<>();
            int pairCount = 0;
            for (int n = 0; n < body.size(); n++) {
                PdfText.Line line = body.get(n);
                float left = page.left(line.page());
                // A closing mark at a line's end may give up some or all of its blank right
                // half: its glyph box then reaches up to half an em past the measure, its ink
                // (in the left half) stays inside.
                String text = line.text().replaceAll("\\s", "");
                if (alone.contains(withoutSpace(text))) {
                    continue;
                }
                // A paragraph's last line ends it; a line may also hold a list item's number.
                boolean lastOfParagraph = parts.stream()
                        .anyMatch(p -> p.text().endsWith(text) || text.endsWith(p.text()));
                boolean inQuote = parts.stream().anyMatch(p -> p.quoted() && p.text().contains(text));
                boolean halfMark = org.cjkbook.text.PunctuationSqueeze.MAINLAND.closesWithBlank(text.charAt(text.length() - 1));
                float over = inkRight(line) - (left + page.measure() - (inQuote ? 2 * BODY : 0));
                boolean flush = Math.abs(over) <= 0.5f || (halfMark && over >= 0 && over <= BODY / 2 + 0.5f);
                if (!lastOfParagraph && !flush) {
                    short_.add("page " + line.page() + " ends at " + line.right() + ": " + line.text());
                }
                if (lastOfParagraph && over > BODY / 2 + 0.5f) {
                    short_.add("page " + line.page() + " runs past the measure to " + line.right() + ": " + text);
                }
                pairs.addAll(widePairs(line));
                pairCount += (int) PAIR.matcher(line.text()).results().count();
            }
            assertThat(body).as(file.getFileName() + ": body lines").hasSizeGreaterThanOrEqualTo(minLines);
            assertThat(short_).as(file.getFileName() + ": lines not flush").isEmpty();
            assertThat(pairCount).as(file.getFileName() + ": pairs checked").isGreaterThanOrEqualTo(minPairs);
            assertThat(pairs).as(file.getFileName() + ": pairs not 1.5 em").isEmpty();
        }
    }

    /** Where a line's last glyph that is not a space ends: spaces ending a line reach past the measure. */
    private static float inkRight(PdfText.Line line) {
        List<TextPosition> glyphs = line.glyphs();
        for (int i = glyphs.size() - 1; i >= 0; i--) {
            if (!glyphs.get(i).getUnicode().isBlank()) {
                return glyphs.get(i).getXDirAdj() + glyphs.get(i).getWidthDirAdj();
            }
        }
        return line.left();
    }

    private static float pageHeight(PDDocument pdf) {
        return pdf.getPage(0).getMediaBox().getHeight();
    }

    private static final Pattern PAIR = Pattern.compile("。”|，“|：“|！”");

    private static List<String> widePairs(PdfText.Line line) {
        List<String> wrong = new ArrayList<>();
        List<TextPosition> glyphs = line.glyphs();
        StringBuilder text = new StringBuilder();
        glyphs.forEach(g -> text.append(g.getUnicode().length() == 1 ? g.getUnicode() : "?"));
        Matcher m = PAIR.matcher(text);
        while (m.find()) {
            TextPosition a = glyphs.get(m.start());
            TextPosition b = glyphs.get(m.start() + 1);
            float width = b.getXDirAdj() + b.getWidthDirAdj() - a.getXDirAdj();
            if (Math.abs(width - 1.5f * BODY) > 0.3f) {
                wrong.add("page " + line.page() + " " + m.group() + " is " + width + " pt");
            }
        }
        return wrong;
    }
}
