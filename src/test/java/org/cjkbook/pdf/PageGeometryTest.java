package org.cjkbook.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.cjkbook.PdfText;
import org.cjkbook.Publisher;
import org.cjkbook.VeraPdf;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The page stylesheet made for each page size lays out what the geometry says: the page's
 * size, a text block whose lines start an indent in from the inner margin of rectos and
 * the outer of versos and end at the measure, and full pages of exactly the geometry's
 * number of lines. Each paragraph of the fixture fills one line exactly, so that no
 * widow or orphan rule leaves a line of a page empty.
 */
class PageGeometryTest {

    @TempDir
    static Path folder;

    static List<PageGeometry> sizes() {
        return PageGeometry.ALL;
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void pagesAndTextBlockAreThoseOfTheGeometry(PageGeometry page) throws IOException {
        Path pdf = build(page);
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDRectangle box = document.getPage(0).getMediaBox();
            assertThat((double) box.getWidth()).isCloseTo(page.widthPoints(), within(0.05));
            assertThat((double) box.getHeight()).isCloseTo(page.heightPoints(), within(0.05));

            List<PdfText.Line> lines = PdfText.lines(document, (float) page.topMargin(), (float) page.bottomMargin());
            double measure = page.measureEms() * PageGeometry.BODY_POINTS;
            // The chapter opens on page 5 and runs on; its last page may be short.
            int last = lines.stream().mapToInt(PdfText.Line::page).max().orElseThrow();
            int full = 0;
            for (int n = 6; n < last; n++) {
                int number = n;
                List<PdfText.Line> onPage = lines.stream().filter(l -> l.page() == number).toList();
                assertThat(onPage).as(page.label() + " page " + n).hasSize(page.lines());
                double left = (n % 2 == 1 ? page.innerMargin() : page.outerMargin())
                        + PageGeometry.INDENT_EMS * PageGeometry.BODY_POINTS;
                double right = (n % 2 == 1 ? page.innerMargin() : page.outerMargin()) + measure;
                assertThat((double) onPage.stream().map(PdfText.Line::left).min(Float::compare).orElseThrow())
                        .as(page.label() + " page " + n + " left edge").isCloseTo(left, within(0.5));
                assertThat((double) onPage.stream().map(PdfText.Line::right).max(Float::compare).orElseThrow())
                        .as(page.label() + " page " + n + " right edge").isCloseTo(right, within(0.5));
                full++;
            }
            assertThat(full).as("full pages of " + page.label()).isGreaterThanOrEqualTo(2);
        }
    }

    /** Four pages of one-line paragraphs, each as long as the measure less the indent, on {@code page}. */
    private static Path build(PageGeometry page) throws IOException {
        StringBuilder text = new StringBuilder("# 版心\n\n");
        String characters = "天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往秋收冬藏";
        int length = page.measureEms() - PageGeometry.INDENT_EMS;
        for (int paragraph = 0; paragraph < 4 * page.lines(); paragraph++) {
            for (int i = 0; i < length; i++) {
                text.append(characters.charAt((paragraph + i) % characters.length()));
            }
            text.append("\n\n");
        }
        Path source = folder.resolve("geometry-" + page.label() + ".md");
        Files.writeString(source, text);
        Publisher.builder().source(source).set("page-size", page.label()).formats(List.of("pdf"))
                .fontsFolder(Path.of("fonts")).output(folder).build().publish();
        Path pdf = folder.resolve("geometry-" + page.label() + ".pdf");
        VeraPdf.assertCompliant(pdf);
        return pdf;
    }
}
