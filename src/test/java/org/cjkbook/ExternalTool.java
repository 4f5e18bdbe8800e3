package org.cjkbook;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Command-line tools that some tests check output with (validators, sanitizers).
 *
 * <p>A developer without a tool gets a skipped test, not a failure; a build that must
 * prove its output (the environment variable {@code CI} is set, or the system property
 * {@code cjkbook.requireTools} is {@code true}) fails instead, so a missing tool cannot
 * pass for a passing check.
 */
public final class ExternalTool {

    private static final long TIMEOUT_SECONDS = 120;

    /** What a tool printed, stdout and stderr together, and how it exited. */
    public record Run(int exitCode, String output) {
    }

    private ExternalTool() {
    }

    /** The executable on {@code PATH}; skips or fails the calling test when there is none. */
    public static Path require(String command) {
        Optional<Path> tool = find(command);
        if (tool.isPresent()) {
            return tool.get();
        }
        String absent = "'" + command + "' is not on PATH";
        if (System.getenv("CI") != null || Boolean.getBoolean("cjkbook.requireTools")) {
            return fail(absent + ", and this build requires it (CI or -Dcjkbook.requireTools=true)");
        }
        return Assumptions.abort(absent + "; install it to run this check");
    }

    /** Runs a tool to completion. */
    public static Run run(Path tool, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(tool.toString());
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            // read before waiting: a tool that fills the pipe would otherwise never exit
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return fail(command + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            return new Run(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while running " + command);
        }
    }

    private static Optional<Path> find(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String folder : path.split(File.pathSeparator)) {
            if (folder.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(folder, command);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
