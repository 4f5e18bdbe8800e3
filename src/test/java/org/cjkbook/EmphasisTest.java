package org.cjkbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;
import org.cjkbook.epub.EpubCheckReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Emphasis looks the same in both editions, as clreq sets it: in the face around it, a dot
 * centred under each Han character and none under a mark, its Latin in italic. The
 * fixture's first chapter holds emphasis in headings, in a composed paragraph, around
 * strong text and code; its second chapter is the same paragraph without emphasis.
 */
class EmphasisTest {

    private static final Path SOURCE = Path.of("src/test/resources/markdown/emphasis.md");
    /** A5: the top and bottom margins, which hold the running heads and folios. */
    private static final float TOP = 50, BOTTOM = 50;
    /** The slant of italic Latin: about 12°. */
    private static final double SLANT = Math.tan(Math.toRadians(12));
    /** How far the top of a line's Han reaches above its baseline, in em. */
    private static final float ASCENT = 0.88f;

    /** A character of the source, with the markup it stands in. */
    private record Marked(int c, boolean heading, boolean emphasis, boolean strong, boolean code) {
        boolean dotted() {
            return emphasis && !code && Character.isLetterOrDigit(c) && !latin();
        }

        boolean slanted() {
            return emphasis && !code && latin();
        }

        private boolean latin() {
            return Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN;
        }

        String face() {
            return heading ? "NotoSansSC-Bold" : strong ? "NotoSerifSC-Bold" : "NotoSerifSC-Regular";
        }
    }

    /** The lines of each chapter, in reading order. */
    private static List<PdfText.Line> first, second;
    /** The filled round shapes of the first chapter's pages, their y from the page top. */
    private static List<Rectangle2D> dots;

    @BeforeAll
    static void build() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(Builds.of(SOURCE).resolve("emphasis.pdf").toFile())) {
            List<PdfText.Line> lines = PdfText.lines(pdf, TOP, BOTTOM);
            int opening = chapterStart(lines, "第一章");
            int next = chapterStart(lines, "第二章");
            first = lines.subList(opening, next);
            second = lines.subList(next, lines.size());
            dots = new ArrayList<>();
            for (int page = first.get(0).page(); page < second.get(0).page(); page++) {
                dots.addAll(dots(pdf, page));
            }
        }
    }

    /** The chapter's heading: the last line that starts with its label, the first being its contents entry. */
    private static int chapterStart(List<PdfText.Line> lines, String label) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).text().startsWith(label)) {
                return i;
            }
        }
        throw new AssertionError("no chapter " + label + " in " + lines);
    }

    @Test
    void emphasisedTextIsTheSourcesTextInTheFaceAroundIt() throws IOException {
        List<Marked> source = firstChapterSource();
        List<TextPosition> glyphs = glyphs(first);
        StringBuilder drawn = new StringBuilder();
        glyphs.forEach(g -> drawn.append(g.getUnicode()));
        StringBuilder expected = new StringBuilder();
        source.forEach(m -> expected.appendCodePoint(m.c()));
        assertThat(drawn.toString()).as("the dots add no characters").isEqualTo(expected.toString());
        for (int i = 0; i < glyphs.size(); i++) {
            if (!source.get(i).code()) {
                assertThat(font(glyphs.get(i))).as(glyphs.get(i).getUnicode() + " at " + i)
                        .isEqualTo(source.get(i).face());
            }
        }
    }

    @Test
    void aDotIsCentredUnderEachEmphasisedHanCharacterAndNoneElsewhere() throws IOException {
        List<Marked> source = firstChapterSource();
        assertThat(glyphs(first)).hasSameSizeAs(source);
        List<Rectangle2D> unclaimed = new ArrayList<>(dots);
        int index = 0;
        for (int n = 0; n < first.size(); n++) {
            PdfText.Line line = first.get(n);
            PdfText.Line next = n + 1 < first.size() ? first.get(n + 1) : null;
            for (TextPosition glyph : visible(line)) {
                Marked marked = source.get(index++);
                List<Rectangle2D> under = unclaimed.stream().filter(d -> Math.abs(d.getCenterX() - centre(glyph)) < 0.3
                        && d.getCenterY() > glyph.getYDirAdj() && d.getCenterY() < glyph.getYDirAdj() + glyph.getFontSizeInPt())
                        .toList();
                String what = glyph.getUnicode() + " in " + line.text();
                if (!marked.dotted()) {
                    assertThat(under).as("no dot under " + what).isEmpty();
                    continue;
                }
                assertThat(under).as("one dot under " + what).hasSize(1);
                Rectangle2D dot = under.get(0);
                unclaimed.remove(dot);
                float em = glyph.getFontSizeInPt();
                assertThat(dot.getWidth() / em).as("the diameter of the dot under " + what).isBetween(0.18, 0.25);
                assertThat(dot.getHeight()).as("a round dot under " + what).isCloseTo(dot.getWidth(), within(0.05));
                assertThat(dot.getCenterX()).as("the dot centred under " + what).isCloseTo(centre(glyph), within(0.1));
                assertThat((dot.getCenterY() - glyph.getYDirAdj()) / em).as("the depth of the dot under " + what)
                        .isBetween(0.25, 0.4);
                if (next != null && next.page() == line.page()) {
                    assertThat(dot.getMaxY()).as("the dot under " + what + " clear of the next line")
                            .isLessThan(next.y() - ASCENT * next.size() - 1);
                }
            }
        }
        assertThat(unclaimed).as("dots under no emphasised Han character").isEmpty();
        assertThat(dots).hasSize((int) source.stream().filter(Marked::dotted).count());
    }

    @Test
    void emphasisedLatinIsSlantedAndAllElseUpright() throws IOException {
        List<Marked> source = firstChapterSource();
        List<TextPosition> glyphs = glyphs(first);
        assertThat(source).filteredOn(Marked::slanted).hasSizeGreaterThan(10);
        for (int i = 0; i < glyphs.size(); i++) {
            Matrix matrix = glyphs.get(i).getTextMatrix();
            double slant = matrix.getShearX() / matrix.getScaleY();
            assertThat(slant).as(glyphs.get(i).getUnicode() + " at " + i)
                    .isCloseTo(source.get(i).slanted() ? SLANT : 0, within(0.005));
        }
    }

    @Test
    void emphasisLeavesTheComposedLinesAsTheyWere() {
        List<PdfText.Line> emphasised = paragraph(first);
        List<PdfText.Line> plain = paragraph(second);
        assertThat(emphasised).hasSizeGreaterThan(3);
        assertThat(emphasised).extracting(PdfText.Line::text).isEqualTo(plain.stream().map(PdfText.Line::text).toList());
        for (int i = 0; i < emphasised.size(); i++) {
            List<TextPosition> a = emphasised.get(i).glyphs();
            List<TextPosition> b = plain.get(i).glyphs();
            // Flying Saucer places an element's text at a whole number of its units (1/26.7 pt).
            for (int g = 0; g < a.size(); g++) {
                assertThat(a.get(g).getXDirAdj()).as(a.get(g).getUnicode() + " in " + emphasised.get(i).text())
                        .isCloseTo(b.get(g).getXDirAdj(), within(0.1f));
            }
        }
    }

    @Test
    void epubMarksLatinInEmphasisForItalicAndItsStylesheetDotsTheRest() throws IOException {
        Map<String, byte[]> epub = Builds.entries(Builds.of(SOURCE).resolve("emphasis.epub"));
        String chapter = new String(epub.get("EPUB/chapter-1.xhtml"), StandardCharsets.UTF_8);
        assertThat(chapter).contains("第一章　<em>着重</em>的标题</h2>", "<em>标点，不加</em>",
                "<em><span class=\"latin\">emphasis</span></em>",
                "<em><span class=\"latin\">Han</span> 和 <span class=\"latin\">Latin</span> 混排</em>",
                "和 Latin 都不变", "<em>强调里的<strong>加粗</strong>也加点</em>");
        assertThat(new String(epub.get("EPUB/chapter-2.xhtml"), StandardCharsets.UTF_8)).doesNotContain("<em");

        String css = new String(epub.get("EPUB/css/epub.css"), StandardCharsets.UTF_8);
        assertThat(rule(css, "em")).contains("text-emphasis-style: filled dot;", "text-emphasis-position: under right;",
                "font-style: normal;");
        assertThat(rule(css, "em .latin")).contains("font-style: italic;", "text-emphasis-style: none;");
        assertThat(rule(css, "em code, em sup")).contains("text-emphasis-style: none;");
        // Emphasis in a heading is set in the heading's face, whose subset must draw it.
        try (TrueTypeFont heading = new TTFParser().parse(new RandomAccessReadBuffer(
                new ByteArrayInputStream(epub.get("EPUB/fonts/heading.ttf"))))) {
            assertThat(heading.getUnicodeCmapLookup().getGlyphId('着')).isNotZero();
            assertThat(heading.getUnicodeCmapLookup().getGlyphId('重')).isNotZero();
        }
        assertThat(EpubCheckReport.check(Builds.of(SOURCE).resolve("emphasis.epub").toFile())).isEmpty();
    }

    // --- the source, the glyphs and the dots ---------------------------------------------

    /** The first chapter's headings and paragraphs as characters with their markup, spaces left out. */
    private static List<Marked> firstChapterSource() throws IOException {
        String markdown = Files.readString(SOURCE);
        String chapter = markdown.substring(markdown.indexOf("# 第一章"), markdown.indexOf("# 第二章"));
        List<Marked> marked = new ArrayList<>();
        for (String line : chapter.split("\n")) {
            boolean heading = line.startsWith("#");
            String text = heading ? line.substring(line.indexOf(' ') + 1) : line;
            boolean emphasis = false, strong = false, code = false;
            for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
                int c = text.codePointAt(i);
                if (c == '*' && text.startsWith("**", i)) {
                    strong = !strong;
                    i++;
                } else if (c == '*') {
                    emphasis = !emphasis;
                } else if (c == '`') {
                    code = !code;
                } else if (!Character.isWhitespace(c)) {
                    marked.add(new Marked(c, heading, emphasis, strong, code));
                }
            }
        }
        return marked;
    }

    private static List<TextPosition> glyphs(List<PdfText.Line> lines) {
        return lines.stream().flatMap(l -> visible(l).stream()).toList();
    }

    private static List<TextPosition> visible(PdfText.Line line) {
        return line.glyphs().stream().filter(g -> !Character.isWhitespace(g.getUnicode().codePointAt(0))).toList();
    }

    private static float centre(TextPosition glyph) {
        return glyph.getXDirAdj() + glyph.getWidthDirAdj() / 2;
    }

    private static String font(TextPosition glyph) {
        String name = glyph.getFont().getName();
        return name.substring(name.indexOf('+') + 1);
    }

    /** The lines of a chapter's first paragraph. */
    private static List<PdfText.Line> paragraph(List<PdfText.Line> chapter) {
        int start = 0;
        while (!chapter.get(start).text().startsWith("排版的人说")) {
            start++;
        }
        int end = start;
        while (!chapter.get(end).text().endsWith("一样。")) {
            end++;
        }
        return chapter.subList(start, end + 1);
    }

    /** The declarations of the stylesheet's rule for {@code selector}. */
    private static String rule(String css, String selector) {
        Matcher rule = Pattern.compile("(?m)^" + Pattern.quote(selector) + " \\{([^}]*)}").matcher(css);
        assertThat(rule.find()).as("a rule for " + selector).isTrue();
        return rule.group(1);
    }

    /** The bounds of the filled subpaths with curves on a page (from 1), y measured from its top. */
    private static List<Rectangle2D> dots(PDDocument pdf, int number) throws IOException {
        PDPage page = pdf.getPage(number - 1);
        float height = page.getMediaBox().getHeight();
        List<Rectangle2D> dots = new ArrayList<>();
        new PDFGraphicsStreamEngine(page) {
            private final List<Path2D.Float> subpaths = new ArrayList<>();
            private final List<Path2D.Float> curved = new ArrayList<>();
            private final Point2D.Float current = new Point2D.Float();

            private Path2D.Float last() {
                return subpaths.get(subpaths.size() - 1);
            }

            @Override
            public void moveTo(float x, float y) {
                Path2D.Float subpath = new Path2D.Float();
                subpath.moveTo(x, height - y);
                subpaths.add(subpath);
                current.setLocation(x, y);
            }

            @Override
            public void lineTo(float x, float y) {
                last().lineTo(x, height - y);
                current.setLocation(x, y);
            }

            @Override
            public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
                last().curveTo(x1, height - y1, x2, height - y2, x3, height - y3);
                if (!curved.contains(last())) {
                    curved.add(last());
                }
                current.setLocation(x3, y3);
            }

            @Override
            public Point2D getCurrentPoint() {
                return current;
            }

            @Override
            public void closePath() {
            }

            @Override
            public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
            }

            @Override
            public void fillPath(int windingRule) {
                curved.forEach(subpath -> dots.add(subpath.getBounds2D()));
                endPath();
            }

            @Override
            public void fillAndStrokePath(int windingRule) {
                fillPath(windingRule);
            }

            @Override
            public void strokePath() {
                endPath();
            }

            @Override
            public void endPath() {
                subpaths.clear();
                curved.clear();
            }

            @Override
            public void clip(int windingRule) {
            }

            @Override
            public void drawImage(PDImage image) {
            }

            @Override
            public void shadingFill(COSName shadingName) {
            }

            void run() throws IOException {
                processPage(page);
            }
        }.run();
        return dots;
    }
}
