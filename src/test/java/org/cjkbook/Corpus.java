package org.cjkbook;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * The shared corpus of long and real-world texts, kept beside the project rather than in
 * it. A clone on its own skips the tests that read it, saying so; CI, where the corpus is
 * laid out beside the clone, fails them if it is missing.
 */
public final class Corpus {

    private static final Path FOLDER = Path.of("../shared/corpus");

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
}
