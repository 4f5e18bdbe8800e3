package org.cjkbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.cjkbook.Builds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A machine too small for a book gets a sentence that says what to do, not a stack trace. */
class OutOfMemoryTest {

    @TempDir
    Path out;

    @Test
    void runningOutOfMemoryNamesTheStageAndSuggestsMore() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // 12 MB: the fonts are mapped rather than held on the heap, and 24 MB now makes the seed's PDF
        Process process = new ProcessBuilder(java.toString(), "-Xmx12m", "-cp", System.getProperty("java.class.path"),
                Cli.class.getName(), "build", Builds.SEED.toString(), "-o", out.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();

        assertThat(process.exitValue()).as(output).isEqualTo(1);
        assertThat(output).contains("out of memory while").contains("-Xmx").doesNotContain("\tat ");
        assertThat(output.lines().filter(line -> line.contains("out of memory"))).hasSize(1);
        assertThat(Builds.filesUnder(out)).isEmpty();
    }
}
