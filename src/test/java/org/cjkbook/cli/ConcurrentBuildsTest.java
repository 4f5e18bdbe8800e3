package org.cjkbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.cjkbook.Builds;
import org.cjkbook.VeraPdf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two builds of different books that share a name, into one folder at once. */
class ConcurrentBuildsTest {

    private static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"};
    private static final Pattern PAGES = Pattern.compile("pdf: wrote .* \\((\\d+) pages");

    @TempDir
    Path folder;

    @Test
    void bothEndWellAndTheFileThereIsOneOfTheirsWhole() throws Exception {
        Path out = Files.createDirectories(folder.resolve("out"));
        Path shorter = write("a", 2);
        Path longer = write("b", 12);
        for (int round = 0; round < 3; round++) {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Builds.Run>> builds = new ArrayList<>();
            for (Path source : List.of(shorter, longer)) {
                builds.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return Builds.unchecked("build", source.toString(), "-o", out.toString(), "--format", "pdf");
                }));
            }
            start.countDown();
            List<Builds.Run> ended = new ArrayList<>();
            for (CompletableFuture<Builds.Run> build : builds) {
                ended.add(build.get());
            }
            for (Builds.Run each : ended) {
                assertThat(each.exitCode()).as(each.err()).isZero();
            }
            int pages;
            try (PDDocument pdf = Loader.loadPDF(out.resolve("novel.pdf").toFile())) {
                pages = pdf.getNumberOfPages();
            }
            // The file there is one build's whole PDF: the one that moved its file in last.
            // When that was is the system's to say: a build may still be reporting after
            // the other has moved its file in, so the order in which they end tells nothing.
            assertThat(List.of(reported(ended.get(0)), reported(ended.get(1)))).as("round " + round)
                    .contains(pages);
            for (Builds.Run each : ended) {
                if (each.err().contains("replaced by another build")) {
                    assertThat(reported(each)).as("a build told its file was replaced").isNotEqualTo(pages);
                }
            }
            try (var files = Files.list(out)) {
                assertThat(files.map(f -> f.getFileName().toString())).containsExactly("novel.pdf");
            }
            VeraPdf.assertCompliant(out.resolve("novel.pdf"));
        }
    }

    /** A book called novel.txt in its own folder, with {@code chapters} chapters. */
    private Path write(String name, int chapters) throws Exception {
        StringBuilder text = new StringBuilder("《书》某人\n\n");
        for (int chapter = 1; chapter <= chapters; chapter++) {
            text.append("第").append(NUMERALS[chapter - 1]).append("回\n\n");
            text.append("　　这一回讲的是一个很长的故事，一天又一天，一年又一年。\n".repeat(20)).append('\n');
        }
        Path source = Files.createDirectories(folder.resolve(name)).resolve("novel.txt");
        Files.writeString(source, text);
        return source;
    }

    private static int reported(Builds.Run build) {
        Matcher pages = PAGES.matcher(build.err());
        assertThat(pages.find()).as(build.err()).isTrue();
        return Integer.parseInt(pages.group(1));
    }
}
