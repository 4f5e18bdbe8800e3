package org.cjkbook;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.cjkbook.cli.Cli;

/**
 * Books built once per test run through the real command line, shared by the test
 * classes that inspect them: building the same book in every class would only repeat work.
 */
public final class Builds {

    /** The seed book of the repository. */
    public static final Path SEED = Path.of("book");
    /** A Markdown document that uses every element the Markdown reader knows. */
    public static final Path ALL_ELEMENTS = Path.of("src/test/resources/markdown/all-elements.md");
    /** A Markdown book made to exercise the print composer: inline markup, notes, breaks, quotations, lists. */
    public static final Path COMPOSITION = Path.of("src/test/resources/markdown/composition.md");

    private static final ConcurrentHashMap<Path, Path> BUILT = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, Path> COPIED = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, Path> WITH_OPTIONS = new ConcurrentHashMap<>();

    /** The outcome of one run of the command line. */
    public record Run(int exitCode, String out, String err) {
    }

    private Builds() {
    }

    /** The folder where {@code source} was built (both editions), building it on first use. */
    public static Path of(Path source) {
        return BUILT.computeIfAbsent(source, s -> {
            try {
                Path folder = Files.createTempDirectory("cjkbook-test");
                Run run = cli("build", s.toString(), "-o", folder.toString(), "--fonts", "fonts");
                if (run.exitCode() != 0) {
                    throw new AssertionError("build of " + s + " failed: " + run.err());
                }
                return folder;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /**
     * The folder where {@code source} was built with these further options of the command
     * line (such as {@code --script hant-tw}), building it on first use.
     */
    public static Path of(Path source, String... options) {
        return WITH_OPTIONS.computeIfAbsent(source + " " + String.join(" ", options), key -> {
            try {
                Path folder = Files.createTempDirectory("cjkbook-test");
                List<String> arguments = new ArrayList<>(List.of("build", source.toString(), "-o", folder.toString(),
                        "--fonts", "fonts"));
                arguments.addAll(List.of(options));
                Run run = cli(arguments.toArray(String[]::new));
                if (run.exitCode() != 0) {
                    throw new AssertionError("build of " + key + " failed: " + run.err());
                }
                return folder;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /**
     * The composition fixture as a book on the 32K page: a copy of its book folder with
     * the fixture beside its book.yaml, since a book reads only files inside its folder.
     */
    public static Path composition32k() {
        return COPIED.computeIfAbsent("composition-32k", name -> {
            try {
                Path folder = Files.createDirectories(Files.createTempDirectory("cjkbook-test").resolve(name));
                Files.copy(Path.of("src/test/resources/books", name, "book.yaml"), folder.resolve("book.yaml"));
                Files.copy(COMPOSITION, folder.resolve("composition.md"));
                return folder;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /**
     * Runs the command line in this JVM, as {@code java -jar cjkbook.jar ARGS} would. Every
     * PDF a build writes must pass veraPDF ({@link VeraPdf#assertCompliant}).
     */
    public static Run cli(String... args) {
        Run run = unchecked(args);
        if (run.exitCode() == 0 && args.length > 0 && args[0].equals("build")) {
            pdfsWritten(run.out() + run.err()).forEach(VeraPdf::assertCompliant);
        }
        return run;
    }

    /** The same, for a test that checks what is left of its PDFs itself (builds racing for one file). */
    public static Run unchecked(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    /** The PDFs a build says it wrote: {@code pdf: wrote FILE (…}. */
    private static List<Path> pdfsWritten(String report) {
        List<Path> pdfs = new ArrayList<>();
        java.util.regex.Matcher wrote = java.util.regex.Pattern.compile("pdf: wrote (.+\\.pdf) \\(").matcher(report);
        while (wrote.find()) {
            pdfs.add(Path.of(wrote.group(1)));
        }
        return pdfs;
    }

    /** The EPUB alone of a small book in {@code folder}, built into its {@code out/}; the build must succeed. */
    public static Path epubOf(Path folder) {
        Run run = cli("build", folder.toString(), "-o", folder.resolve("out").toString(), "--format", "epub",
                "--fonts", "fonts");
        if (run.exitCode() != 0) {
            throw new AssertionError("build of " + folder + " failed: " + run.err());
        }
        return folder.resolve("out").resolve(folder.getFileName() + ".epub");
    }

    /** Every file under a folder, for checks that nothing was written. */
    public static List<Path> filesUnder(Path folder) throws java.io.IOException {
        List<Path> files = new ArrayList<>();
        if (Files.exists(folder)) {
            try (var stream = Files.walk(folder)) {
                stream.filter(Files::isRegularFile).forEach(files::add);
            }
        }
        return files;
    }

    /** The entries of an EPUB (a zip), by name, in the order they are stored. */
    public static Map<String, byte[]> entries(Path epub) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(epub.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(entry)) {
                    entries.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        return entries;
    }
}
