package org.cjkbook.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
import org.cjkbook.model.Chapter;
import org.cjkbook.model.Inline;
import org.cjkbook.read.BookLoader;
import org.junit.jupiter.api.Test;

/** The paragraph composer, read back from the PDF: flush lines, compressed pairs, text once. */
class CompositionTest {

    private static final float BODY = 10.5f;
    private static final float MEASURE = 28 * BODY;
    private static final float TOP = 54f;
    private static final float BOTTOM = 45f;

    @Test
    void seedBodyLinesAreFlushAndPairsOneAndAHalfEm() throws IOException {
        check(Builds.of(Builds.SEED).resolve("book.pdf"), Integer.MAX_VALUE);
    }

    @Test
    void novelsFirstTenChaptersAreFlushAndPairsOneAndAHalfEm() throws IOException {
        check(Builds.of(Corpus.require("novel-hongloumeng.txt")).resolve("novel-hongloumeng.pdf"), 10);
    }

    @Test
    void everyParagraphIsExtractedExactlyOnceByPdfBoxAndPdftotext() throws IOException {
        Path pdf = Builds.of(Builds.SEED).resolve("book.pdf");
        String pdfbox;
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            StringBuilder text = new StringBuilder();
            PdfText.lines(document, TOP, BOTTOM).forEach(l -> text.append(l.text()));
            pdfbox = text.toString().replaceAll("\\s", "");
        }
        Path pdftotext = ExternalTool.require("pdftotext");
        // The text block only: running heads and folios stand outside it.
        ExternalTool.Run run = ExternalTool.run(pdftotext, "-enc", "UTF-8", "-x", "0", "-y", "54", "-W", "420",
                "-H", "496", pdf.toString(), "-");
        assertThat(run.exitCode()).as(run.output()).isZero();
        String poppler = run.output().replaceAll("\\s", "");
        for (Chapter chapter : new BookLoader().load(Builds.SEED).book().chapters()) {
            for (Block block : chapter.blocks()) {
                String paragraph = Inline.plainText(((Block.Paragraph) block).content()).replaceAll("\\s", "");
                assertThat(occurrences(pdfbox, paragraph)).as("PDFBox: " + paragraph).isOne();
                assertThat(occurrences(poppler, paragraph)).as("pdftotext: " + paragraph).isOne();
            }
        }
    }

    private static int occurrences(String text, String part) {
        return (int) Pattern.compile(Pattern.quote(part)).matcher(text).results().count();
    }

    /**
     * Body lines of the chapters, up to {@code chapters} of them: every line but a
     * paragraph's last ends within half a point of the measure, and every pair of marks
     * that compression joins takes one and a half em.
     */
    private static void check(Path file, int chapters) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            List<Integer> starts = new ArrayList<>();
            for (PDOutlineItem item : pdf.getDocumentCatalog().getDocumentOutline().children()) {
                starts.add(pdf.getPages().indexOf(((PDPageDestination) item.getDestination()).getPage()) + 1);
            }
            int first = starts.get(0);
            int last = chapters < starts.size() ? starts.get(chapters) - 1 : pdf.getNumberOfPages() - 1;
            List<PdfText.Line> body = PdfText.lines(pdf, TOP, BOTTOM).stream()
                    .filter(l -> l.page() >= first && l.page() <= last && Math.abs(l.size() - BODY) < 0.1)
                    .toList();
            List<String> short_ = new ArrayList<>();
            List<String> pairs = new ArrayList<>();
            int pairCount = 0;
            for (int n = 0; n < body.size(); n++) {
                PdfText.Line line = body.get(n);
                float left = leftEdge(line.page());
                boolean lastOfParagraph = n + 1 == body.size() || startsParagraph(body.get(n + 1), body.get(n));
                // A closing mark at a line's end may give up some or all of its blank right
                // half: its glyph box then reaches up to half an em past the measure, its ink
                // (in the left half) stays inside.
                String text = line.text().strip();
                boolean halfMark = org.cjkbook.text.PunctuationSqueeze.closesWithBlank(text.charAt(text.length() - 1));
                float over = line.right() - (left + MEASURE);
                boolean flush = Math.abs(over) <= 0.5f || (halfMark && over >= 0 && over <= BODY / 2 + 0.5f);
                if (!lastOfParagraph && !flush) {
                    short_.add("page " + line.page() + " ends at " + line.right() + ": " + line.text());
                }
                pairs.addAll(widePairs(line));
                pairCount += (int) PAIR.matcher(line.text()).results().count();
            }
            assertThat(body).as(file.getFileName() + ": body lines").hasSizeGreaterThan(100);
            assertThat(short_).as(file.getFileName() + ": lines not flush").isEmpty();
            assertThat(pairCount).as(file.getFileName() + ": pairs checked").isGreaterThan(5);
            assertThat(pairs).as(file.getFileName() + ": pairs not 1.5 em").isEmpty();
        }
    }

    /** The text block's left edge on A5 (page-A5.css): versos have the wider outer margin on the left. */
    private static float leftEdge(int page) {
        return page % 2 == 0 ? 65.53f : 60f;
    }

    /** A line starts a paragraph when it is indented two em, or stands apart from the one before. */
    private static boolean startsParagraph(PdfText.Line next, PdfText.Line line) {
        boolean indented = Math.abs(next.left() - (leftEdge(next.page()) + 2 * BODY)) < 1f;
        boolean apart = next.page() == line.page() && next.y() - line.y() > 1.3f * 1.75f * BODY;
        return indented || apart;
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
