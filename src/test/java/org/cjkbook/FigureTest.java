package org.cjkbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.util.Matrix;
import org.cjkbook.epub.EpubCheckReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Figures as Pandoc makes them: an image alone in its paragraph is a figure captioned by
 * its text alternative, numbered when the book asks; an image inside a sentence stays in
 * its line, as high as the text, in both editions.
 */
class FigureTest {

    /** A5: the top and bottom margins, which hold the running heads and folios. */
    private static final float TOP = 50, BOTTOM = 50;
    private static final float BODY = 10.5f;
    private static final String SENTENCE = "这一句话的中间有一个图标，句子并没有因此断开，一直写到这里才结束，"
            + "中间的图标和文字一样高，排在同一行里。";

    @TempDir
    static Path folder;
    private static Path plain;
    private static Path numbered;

    @BeforeAll
    static void build() throws IOException {
        plain = book("plain", "");
        numbered = book("numbered", "figure-numbers: true\n");
    }

    /** A book with two figures and a sentence with an image in it, built into its {@code out/}. */
    private static Path book(String name, String yaml) throws IOException {
        Path book = Files.createDirectories(folder.resolve(name));
        image(book.resolve("wide.png"), 240, 120, Color.RED);
        image(book.resolve("icon.png"), 40, 20, Color.BLUE);
        Files.writeString(book.resolve("book.yaml"), "title: 图\n" + yaml);
        Files.writeString(book.resolve("book.md"), "# 第一章\n\n前面的一段话。\n\n![图注](wide.png)\n\n"
                + SENTENCE.replace("图标，", "图标![图标](icon.png)，") + "\n\n![第二幅图](wide.png)\n");
        Builds.Run run = Builds.cli("build", book.toString(), "-o", book.resolve("out").toString(), "--fonts", "fonts");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return book.resolve("out");
    }

    private static void image(Path file, int width, int height, Color color) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(color);
        graphics.fillRect(0, 0, width, height);
        graphics.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static String chapter(Path out, String book) throws IOException {
        return new String(Builds.entries(out.resolve(book + ".epub")).get("EPUB/chapter-1.xhtml"),
                StandardCharsets.UTF_8);
    }

    @Test
    void anImageAloneIsAFigureCaptionedByItsTextInBothEditions() throws IOException {
        String chapter = chapter(plain, "plain");
        assertThat(chapter).contains("<figure><img src=\"images/image-1.png\" alt=\"图注\"/>"
                + "<figcaption aria-hidden=\"true\">图注</figcaption>");
        assertThat(chapter).contains("<figcaption aria-hidden=\"true\">第二幅图</figcaption>");

        try (PDDocument pdf = Loader.loadPDF(plain.resolve("plain.pdf").toFile())) {
            List<Drawn> images = Drawn.of(pdf);
            List<PdfText.Line> lines = PdfText.lines(pdf, TOP, BOTTOM);
            Drawn figure = images.stream().filter(i -> i.width() > 100).findFirst().orElseThrow();
            PdfText.Line caption = lines.stream().filter(l -> l.text().equals("图注")).findFirst().orElseThrow();
            assertThat(caption.page()).isEqualTo(figure.page());
            assertThat(caption.y()).as("the caption under its image").isBetween(figure.bottom(), figure.bottom() + 30);
            assertThat(lines).extracting(PdfText.Line::text).contains("第二幅图");
        }
        assertThat(EpubCheckReport.check(plain.resolve("plain.epub").toFile())).isEmpty();
    }

    @Test
    void numberedFiguresCarryTheirNumberAsText() throws IOException {
        String chapter = chapter(numbered, "numbered");
        assertThat(chapter).contains("alt=\"图注\"/><figcaption>图 1\u3000图注</figcaption>");
        assertThat(chapter).contains("alt=\"第二幅图\"/><figcaption>图 2\u3000第二幅图</figcaption>");
        try (PDDocument pdf = Loader.loadPDF(numbered.resolve("numbered.pdf").toFile())) {
            assertThat(PdfText.lines(pdf, TOP, BOTTOM)).extracting(l -> l.text().replaceAll("[\\s\u3000]", ""))
                    .contains("图1图注", "图2第二幅图");
        }
        assertThat(EpubCheckReport.check(numbered.resolve("numbered.epub").toFile())).isEmpty();
    }

    @Test
    void anImageInASentenceStaysInItsLineAsHighAsTheText() throws IOException {
        Matcher paragraphs = Pattern.compile("<p[ >].*?</p>", Pattern.DOTALL).matcher(chapter(plain, "plain"));
        List<String> withSentence = new ArrayList<>();
        while (paragraphs.find()) {
            if (paragraphs.group().contains("这一句话")) {
                withSentence.add(paragraphs.group());
            }
        }
        assertThat(withSentence).singleElement().asString()
                .contains("<img src=\"images/image-2.png\" alt=\"图标\"/>").contains("结束");

        try (PDDocument pdf = Loader.loadPDF(plain.resolve("plain.pdf").toFile())) {
            List<PdfText.Line> lines = PdfText.lines(pdf, TOP, BOTTOM);
            StringBuilder text = new StringBuilder();
            lines.forEach(l -> text.append(l.text()));
            assertThat(text.toString().replaceAll("\\s", "")).as("the sentence, unbroken").contains(SENTENCE);

            Drawn icon = Drawn.of(pdf).stream().filter(i -> i.width() < 100).findFirst().orElseThrow();
            assertThat(icon.height()).as("an em high").isCloseTo(BODY, within(0.1f));
            assertThat(icon.width()).as("its own shape").isCloseTo(2 * BODY, within(0.1f));
            PdfText.Line line = lines.stream()
                    .filter(l -> l.page() == icon.page() && Math.abs(l.y() - icon.bottom()) < BODY).findFirst()
                    .orElseThrow();
            assertThat(line.text()).contains("图标");
            assertThat(icon.bottom()).as("on the em box of the Han beside it").isCloseTo(baseline(line) + 0.12f * BODY,
                    within(0.1f));
            PdfText.Line first = lines.stream().filter(l -> l.text().contains("这一句话")).findFirst().orElseThrow();
            PdfText.Line next = lines.get(lines.indexOf(first) + 1);
            assertThat(baseline(next) - baseline(first)).as("the line pitch is kept")
                    .isCloseTo(BODY * 1.75f, within(0.01f));
        }
    }

    private static float baseline(PdfText.Line line) {
        return line.glyphs().get(0).getYDirAdj();
    }

    /** An image drawn on a page: its page (from 1), its bottom edge from the page top, and its size, in points. */
    private record Drawn(int page, float bottom, float width, float height) {

        static List<Drawn> of(PDDocument pdf) throws IOException {
            List<Drawn> drawn = new ArrayList<>();
            for (int i = 0; i < pdf.getNumberOfPages(); i++) {
                PDPage page = pdf.getPage(i);
                int number = i + 1;
                float pageHeight = page.getMediaBox().getHeight();
                new PDFGraphicsStreamEngine(page) {
                    @Override
                    public void drawImage(PDImage image) {
                        Matrix m = getGraphicsState().getCurrentTransformationMatrix();
                        drawn.add(new Drawn(number, pageHeight - m.getTranslateY(), m.getScalingFactorX(),
                                m.getScalingFactorY()));
                    }

                    @Override public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) { }

                    @Override public void clip(int windingRule) { }

                    @Override public void moveTo(float x, float y) { }

                    @Override public void lineTo(float x, float y) { }

                    @Override public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) { }

                    @Override public Point2D getCurrentPoint() { return new Point2D.Float(); }

                    @Override public void closePath() { }

                    @Override public void endPath() { }

                    @Override public void strokePath() { }

                    @Override public void fillPath(int windingRule) { }

                    @Override public void fillAndStrokePath(int windingRule) { }

                    @Override public void shadingFill(org.apache.pdfbox.cos.COSName shadingName) { }
                }.processPage(page);
            }
            return drawn;
        }
    }
}
