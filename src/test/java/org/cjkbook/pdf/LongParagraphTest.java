package org.cjkbook.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.cjkbook.Builds;
import org.cjkbook.Corpus;
import org.cjkbook.PageBreaks;
import org.cjkbook.PdfText;
import org.cjkbook.epub.EpubCheckReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A paragraph of some forty pages, as a text with no breaks between its paragraphs makes:
 * every character is printed, in order, and the EPUB marks where each of its pages begins.
 */
class LongParagraphTest {

    private static final PageGeometry A5 = PageGeometry.A5;

    @TempDir
    static Path folder;

    @Test
    void aParagraphOfManyPagesIsPrintedWholeAndItsPagesBeginWhereTheEpubSays() throws IOException {
        String novel = Files.readString(Corpus.require("novel-hongloumeng.txt"), StandardCharsets.UTF_8);
        // Its own characters only: the ASCII among them would be read as Markdown.
        String paragraph = novel.replaceAll("[\\s\\p{ASCII}]", "").substring(0, 30_000);
        List<String> paragraphs = List.of("前面一段，不长。", paragraph, "后面一段，也不长。");
        Path book = Files.createDirectories(folder.resolve("long"));
        Files.writeString(book.resolve("book.yaml"), "title: 长段\ndate: 2026-11-29\n");
        Files.writeString(book.resolve("long.md"), "# 长段\n\n" + String.join("\n\n", paragraphs) + "\n");
        Path out = book.resolve("out");

        Builds.Run run = Builds.cli("build", book.toString(), "-o", out.toString(), "--fonts", "fonts");

        assertThat(run.exitCode()).as(run.err()).isZero();
        try (PDDocument pdf = Loader.loadPDF(out.resolve("long.pdf").toFile())) {
            List<PdfText.Line> lines = PdfText.lines(pdf, (float) A5.topMargin(), (float) A5.bottomMargin());
            String printed = lines.stream().map(PdfText.Line::text).collect(Collectors.joining())
                    .replaceAll("\\s", "");
            String expected = String.join("", paragraphs);
            int offset = printed.length() - expected.length();
            assertThat(offset).as("printed after the title and contents").isNotNegative();
            int same = 0;
            while (same < expected.length() && printed.charAt(offset + same) == expected.charAt(same)) {
                same++;
            }
            assertThat(same).as("characters printed as written, before: "
                    + printed.substring(offset + same, Math.min(printed.length(), offset + same + 20)))
                    .isEqualTo(expected.length());
            assertThat(pdf.getNumberOfPages()).isGreaterThan(40);
        }
        PageBreaks.assertMatch(out, "long");
        assertThat(EpubCheckReport.check(out.resolve("long.epub").toFile())).isEmpty();
    }
}
