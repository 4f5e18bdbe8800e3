package org.cjkbook.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.TextPosition;
import org.cjkbook.Builds;
import org.cjkbook.PdfText;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Verse in print: each line of a poem starts a line of its own at the poem's indent, keeps
 * the natural advance of its characters, and a line too long for the measure breaks, its
 * later line hung further in.
 */
class VerseTest {

    private static final Path FIXTURE = Path.of("src/test/resources/markdown/verse-print.md");
    private static final float EM = PageGeometry.BODY_POINTS;

    private static List<PdfText.Line> lines;
    /** Where the text block begins on the poem's page: the left of a paragraph's second line. */
    private static float blockLeft;

    @BeforeAll
    static void print() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(Builds.of(FIXTURE).resolve("verse-print.pdf").toFile())) {
            lines = PdfText.lines(pdf, (float) PageGeometry.A5.topMargin(), (float) PageGeometry.A5.bottomMargin());
        }
        blockLeft = line("两端对齐的样子；而诗句不同，每一行保持字与字之间本来的距").left();
    }

    private static PdfText.Line line(String text) {
        return lines.stream().filter(l -> l.text().replaceAll("\\s", "").equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + text + " in " + lines));
    }

    @Test
    void eachLineOfThePoemStartsALineAtThePoemsIndent() {
        for (String text : List.of("春眠不觉晓，处处闻啼鸟。", "夜来风雨声，花落知多少。",
                "春风又绿江南岸，明月何时照我还？我在这里写英文词")) {
            assertThat(line(text).left()).as(text).isCloseTo(blockLeft + PageGeometry.VERSE_EMS * EM, within(0.5f));
        }
    }

    @Test
    void aLineTooLongForTheMeasureGoesOnHungFurtherIn() {
        assertThat(line("Typesetting，看它怎样折行。").left())
                .isCloseTo(blockLeft + (PageGeometry.VERSE_EMS + PageGeometry.VERSE_HANG_EMS) * EM, within(0.5f));
    }

    /**
     * The first part of the long line breaks before a Latin word that does not fit: justified,
     * its two em of slack would open every gap; as verse, each character follows the last by
     * its own advance and the line stops short of the measure.
     */
    @Test
    void verseLinesAreNotJustified() {
        PdfText.Line broken = line("春风又绿江南岸，明月何时照我还？我在这里写英文词");
        float measureEnd = blockLeft + PageGeometry.A5.measureEms() * EM;
        assertThat(broken.right()).isLessThan(measureEnd - EM);
        for (String text : List.of("春眠不觉晓，处处闻啼鸟。", "夜来风雨声，花落知多少。",
                "春风又绿江南岸，明月何时照我还？我在这里写英文词")) {
            List<TextPosition> glyphs = line(text).glyphs();
            for (int i = 1; i < glyphs.size(); i++) {
                TextPosition before = glyphs.get(i - 1);
                float gap = glyphs.get(i).getXDirAdj() - (before.getXDirAdj() + before.getWidthDirAdj());
                assertThat(gap).as(text + " before " + glyphs.get(i).getUnicode()).isCloseTo(0, within(0.05f));
            }
        }
    }

    @Test
    void aStanzaBreakIsSpaceBetweenLines() {
        float pitch = line("夜来风雨声，花落知多少。").y() - line("春眠不觉晓，处处闻啼鸟。").y();
        float stanza = line("春风又绿江南岸，明月何时照我还？我在这里写英文词").y() - line("夜来风雨声，花落知多少。").y();
        assertThat(pitch).isCloseTo((float) PageGeometry.linePitch(), within(0.5f));
        assertThat(stanza).isGreaterThan(pitch + EM / 2);
    }
}
