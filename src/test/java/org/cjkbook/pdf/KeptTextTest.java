package org.cjkbook.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.cjkbook.Builds;
import org.cjkbook.PdfText;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Text the composer or the reader once lost is all in the PDF. */
class KeptTextTest {

    private static final Path SOURCE = Path.of("src/test/resources/markdown/kept-text.md");
    /** The A5 text block: 28 em of 10.5 pt; a joined dash's ink reaches a little past its em. */
    private static final float MEASURE = 28 * 10.5f;

    private static String text;
    private static List<PdfText.Line> lines;

    @BeforeAll
    static void build() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(Builds.of(SOURCE).resolve("kept-text.pdf").toFile())) {
            text = PdfText.drawnText(pdf, 1, pdf.getNumberOfPages(), 0, 0).replaceAll("\\s", "");
            lines = PdfText.lines(pdf, 0, 0);
        }
    }

    @Test
    void runsOfDashesLongerThanALineKeepEveryDashWithinTheTextBlock() {
        assertThat(text).contains("他说" + "——".repeat(18) + "然后停了。");
        assertThat(text).contains("她答" + "——".repeat(200) + "完。");
        List<PdfText.Line> dashes = lines.stream().filter(l -> l.text().contains("——")).toList();
        assertThat(dashes).hasSizeGreaterThan(10).allSatisfy(l -> assertThat(l.right() - l.left())
                .as(l.text()).isLessThanOrEqualTo(MEASURE + 2f));
    }

    @Test
    void quotationsAndListsFourteenDeepKeepTheirText() {
        assertThat(text).contains("十四层引用里的话", "十四层列表里的话", "十四层编号列表里的话");
    }
}
