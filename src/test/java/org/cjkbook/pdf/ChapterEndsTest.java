package org.cjkbook.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.cjkbook.Builds;
import org.cjkbook.PageBreaks;
import org.cjkbook.PdfText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No chapter ends with one line alone on a page. Each chapter of the fixture ends with a
 * paragraph of one line after a longer one, and the chapters lengthen one line at a time
 * through a whole page, so that in one of them that line would fall alone on a page: once
 * after a paragraph of two lines, which moves over whole, once after one of seven, which
 * is divided.
 */
class ChapterEndsTest {

    private static final PageGeometry A5 = PageGeometry.A5;
    private static final String FULL = "天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往秋收冬藏";
    private static final String LAST = "且听下回分解。";

    @TempDir
    static Path folder;

    @Test
    void everyChapterEndsWithTwoLinesOrMoreOnItsLastPage() throws IOException {
        StringBuilder source = new StringBuilder();
        int chapters = 0;
        for (int before : List.of(2, 7)) {
            for (int fillers = 0; fillers < A5.lines(); fillers++, chapters++) {
                source.append("# 第").append(chapters + 1).append("章\n\n");
                for (int i = 0; i < fillers; i++) {
                    source.append(line(i, A5.measureEms() - PageGeometry.INDENT_EMS)).append("\n\n");
                }
                for (int i = 0; i < before; i++) {
                    source.append(line(i, i == 0 ? A5.measureEms() - PageGeometry.INDENT_EMS : A5.measureEms()));
                }
                source.append("\n\n").append(LAST).append("\n\n");
            }
        }
        Path book = Files.createDirectories(folder.resolve("ends"));
        Files.writeString(book.resolve("book.yaml"), "title: 章末\ndate: 2026-11-27\n");
        Files.writeString(book.resolve("ends.md"), source);
        Builds.Run run = Builds.cli("build", book.toString(), "-o", book.resolve("out").toString(), "--fonts", "fonts");
        assertThat(run.exitCode()).as(run.err()).isZero();

        try (PDDocument pdf = Loader.loadPDF(book.resolve("out/ends.pdf").toFile())) {
            List<PdfText.Line> lines = PdfText.lines(pdf, (float) A5.topMargin(), (float) A5.bottomMargin());
            // Each chapter's lines by page, from its title to its last line.
            List<Map<Integer, List<String>>> byChapter = new ArrayList<>();
            Map<Integer, Float> textLeft = new TreeMap<>();
            lines.forEach(l -> textLeft.merge(l.page(), l.left(), Math::min));
            StringBuilder printed = new StringBuilder();
            for (PdfText.Line line : lines) {
                if (line.text().matches("第\\d+章")) {
                    byChapter.add(new TreeMap<>());
                } else if (!byChapter.isEmpty()) {
                    byChapter.get(byChapter.size() - 1).computeIfAbsent(line.page(), p -> new ArrayList<>())
                            .add(line.text());
                    printed.append(line.text().strip());
                    // Lines of the whole measure go on with a paragraph; shorter ones begin one, indented.
                    boolean indented = line.left() > textLeft.get(line.page()) + PageGeometry.BODY_POINTS / 2;
                    assertThat(indented).as("page " + line.page() + ": " + line.text())
                            .isEqualTo(line.text().strip().length() < A5.measureEms());
                }
            }
            assertThat(byChapter).hasSize(chapters);
            for (int c = 0; c < chapters; c++) {
                List<List<String>> pages = new ArrayList<>(byChapter.get(c).values());
                List<String> last = pages.get(pages.size() - 1);
                assertThat(last).as("chapter " + (c + 1) + "'s last page").hasSizeGreaterThanOrEqualTo(2)
                        .last().asString().isEqualTo(LAST);
            }
            // Nothing lost nor printed twice where a page gave up its lines.
            assertThat(printed.toString()).isEqualTo(source.toString()
                    .replaceAll("# 第\\d+章", "").replaceAll("\\s", ""));
        }
        PageBreaks.assertMatch(book.resolve("out"), "ends");
    }

    /** Text of {@code length} Han characters, which fills a line of that many ems exactly. */
    private static String line(int offset, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(FULL.charAt((offset + i) % FULL.length()));
        }
        return text.toString();
    }
}
