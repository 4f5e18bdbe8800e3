package org.cjkbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.cjkbook.Corpus;
import org.cjkbook.VeraPdf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A book is laid out a chapter at a time, so its length does not decide the memory it
 * needs: three times the novel, some 3,900 pages, prints in a heap that holding the whole
 * book's layout would overflow.
 */
class LongBookTest {

    private static final int COPIES = 3;

    @TempDir
    Path folder;

    @Test
    void threeTimesTheNovelPrintsInAQuarterGigabyteOfHeap() throws IOException, InterruptedException {
        List<String> novel = Files.readAllLines(Corpus.require("novel-hongloumeng.txt"), StandardCharsets.UTF_8);
        Path source = folder.resolve("long.txt");
        for (int i = 0; i < COPIES; i++) {
            Files.write(source, novel, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        }
        Path out = Files.createDirectory(folder.resolve("out"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                Cli.class.getName(), "build", source.toString(), "-o", out.toString(), "--format", "pdf")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        String lastLine = novel.stream().map(String::strip).filter(line -> !line.isEmpty())
                .reduce((first, second) -> second).orElseThrow();
        try (PDDocument pdf = Loader.loadPDF(out.resolve("long.pdf").toFile())) {
            // The novel alone prints on some 1,300 pages.
            assertThat(pdf.getNumberOfPages()).isBetween(COPIES * 1_200, COPIES * 1_400);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(pdf.getNumberOfPages() - 3);
            String end = stripper.getText(pdf).replaceAll("\\s", "");
            assertThat(end).contains(lastLine);
        }
        // Built a chapter at a time, its structure tree written part by part: still PDF/UA-1.
        VeraPdf.assertCompliant(out.resolve("long.pdf"));
    }
}
