package org.cjkbook;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Assumptions;

/**
 * The shared corpus of long and real-world texts, kept beside the project rather than in
 * it. A clone on its own skips the tests that read it, saying so; CI, where the corpus is
 * laid out beside the clone, fails them if it is missing.
 */
public final class Corpus {

    private static final Path FOLDER = Path.of("../shared/corpus");
    private static final ConcurrentHashMap<Integer, Path> NOVEL_OPENINGS = new ConcurrentHashMap<>();

    private Corpus() {
    }

    /** A corpus file; skips or fails the calling test when the corpus is not there. */
    public static Path require(String name) {
        Path file = FOLDER.resolve(name);
        if (Files.isRegularFile(file)) {
            return file;
        }
        String absent = "corpus file " + file + " is not there";
        if (System.getenv("CI") != null || Boolean.getBoolean("cjkbook.requireTools")) {
            return fail(absent + ", and this build requires it (CI or -Dcjkbook.requireTools=true)");
        }
        return Assumptions.abort(absent + "; these tests read the shared corpus beside the project");
    }

    /**
     * A book folder {@code novel-N} holding the novel's first {@code chapters} chapters as
     * {@code novel-N.txt}: the novel's markup in a book that checkers get through quickly.
     */
    public static Path novelOpening(int chapters) {
        Path novel = require("novel-hongloumeng.txt");
        return NOVEL_OPENINGS.computeIfAbsent(chapters, n -> {
            try {
                List<String> lines = Files.readAllLines(novel, StandardCharsets.UTF_8);
                int end = 0;
                for (int seen = 0; end < lines.size(); end++) {
                    if (lines.get(end).matches("第[一二三四五六七八九十百零]+回.*") && ++seen > n) {
                        break;
                    }
                }
                Path folder = Files.createDirectories(Files.createTempDirectory("cjkbook-test").resolve("novel-" + n));
                Files.write(folder.resolve("novel-" + n + ".txt"), lines.subList(0, end), StandardCharsets.UTF_8);
                return folder;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
