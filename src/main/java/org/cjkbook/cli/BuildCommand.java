package org.cjkbook.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.cjkbook.BookException;
import org.cjkbook.font.Face;
import org.cjkbook.font.FontSet;
import org.cjkbook.model.Block;
import org.cjkbook.model.Book;
import org.cjkbook.model.Chapter;
import org.cjkbook.model.Inline;
import org.cjkbook.read.BookLoader;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "build", description = "Builds the EPUB and PDF editions of SOURCE into DIR/NAME.epub and DIR/NAME.pdf.")
final class BuildCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SOURCE", description = "A book folder with book.yaml, or a .txt or .md file.")
    Path source;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Output folder (default: the current folder).")
    Path output = Path.of(".");

    @Option(names = "--format", split = ",", paramLabel = "FORMAT",
            description = "Editions to build: epub, pdf (default: the book's 'formats', else both).")
    List<String> formats;

    @Option(names = "--fonts", paramLabel = "DIR",
            description = "Folder with the bundled fonts (default: fonts/ beside the book, above it, or in the current folder).")
    Path fontsFolder;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        BookLoader.Loaded loaded = new BookLoader().load(source);
        Book book = loaded.book();
        int chapters = book.chapters().size();
        err.printf("cjkbook: read %s (%s): %d chapter%s, %,d characters in %d ms%n", source,
                String.join(", ", new LinkedHashSet<>(loaded.sources().stream().map(BookLoader.Source::encoding).toList())),
                chapters, chapters == 1 ? "" : "s", characters(book), (System.nanoTime() - start) / 1_000_000);
        err.flush();
        Set<String> chosen = new LinkedHashSet<>(formats != null ? formats : loaded.settings().formats());
        for (String format : chosen) {
            if (!format.equals("epub") && !format.equals("pdf")) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--format: '" + format + "' is not epub or pdf");
            }
        }
        FontSet fonts = fonts(loaded);
        new BookBuilder(fonts, err).build(loaded, output, chosen);
        return 0;
    }

    private FontSet fonts(BookLoader.Loaded loaded) {
        var configured = loaded.settings().fonts();
        Path folder = fontsFolder != null ? fontsFolder : findFontsFolder(loaded);
        Map<Face, Path> files = new EnumMap<>(Face.class);
        for (Face face : Face.values()) {
            Path file = configured.get(face.name().toLowerCase(Locale.ROOT));
            if (file == null) {
                if (folder == null) {
                    throw new BookException("no fonts/ folder found beside " + source
                            + ", above it or in the current folder; give one with --fonts DIR");
                }
                file = folder.resolve(face.defaultFileName());
            }
            files.put(face, file);
        }
        return FontSet.of(files);
    }

    /** The bundled fonts travel with the project, not inside the program: find the folder. */
    private Path findFontsFolder(BookLoader.Loaded loaded) {
        Path first = loaded.settings().sources().get(0).toAbsolutePath().getParent();
        Path above = first.getParent() == null ? first : first.getParent();
        for (Path candidate : List.of(first.resolve("fonts"), above.resolve("fonts"), Path.of("fonts").toAbsolutePath())) {
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** The characters of a book's paragraphs: what a reader reads. */
    static long characters(Book book) {
        long count = 0;
        for (Chapter chapter : book.chapters()) {
            for (Block block : chapter.blocks()) {
                if (block instanceof Block.Paragraph p) {
                    count += Inline.plainText(p.content()).codePoints().count();
                }
            }
        }
        return count;
    }
}
