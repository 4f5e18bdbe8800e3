package org.cjkbook.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.stream.Collectors;

import org.cjkbook.BookException;
import org.cjkbook.epub.EpubEdition;
import org.cjkbook.font.Face;
import org.cjkbook.font.FontSet;
import org.cjkbook.model.Book;
import org.cjkbook.pdf.PdfEdition;
import org.cjkbook.read.BookLoader;
import org.cjkbook.xhtml.XhtmlWriter;

/** Builds the editions of a loaded book, saying what it does, a line per stage. */
final class BookBuilder {

    private final FontSet fonts;
    private final PrintWriter progress;
    private final boolean compose;

    BookBuilder(FontSet fonts, PrintWriter progress) {
        this(fonts, progress, true);
    }

    /** {@code compose} false leaves line breaking to the renderer: the benchmark's baseline. */
    BookBuilder(FontSet fonts, PrintWriter progress, boolean compose) {
        this.fonts = fonts;
        this.progress = progress;
        this.compose = compose;
    }

    /**
     * What a build made: the files, the PDF's page count (0 without a PDF), and how long
     * each edition took, fonts included.
     */
    record Result(List<Path> files, int pages, long epubNanos, long pdfNanos) {
    }

    Result build(BookLoader.Loaded loaded, Path outputFolder, Set<String> formats) {
        Book book = loaded.book();
        // Markup and font coverage come first, so that a character no font can draw stops
        // the run before any output is written.
        EpubEdition epubEdition = new EpubEdition(modified(book), loaded.settings().cover());
        XhtmlWriter.Epub epub = formats.contains("epub") ? epubEdition.markup(book, List.of(), fonts) : null;
        XhtmlWriter.Print print = formats.contains("pdf") ? PdfEdition.markup(book, loaded.settings().pageSize(), fonts, compose) : null;
        if (epub != null) {
            checkCoverage(epub.characters(), loaded);
        }
        if (print != null) {
            checkCoverage(print.characters(), loaded);
        }
        reportFallbacks(epub != null ? epub.fallbacks() : print.fallbacks());
        checkFolder(outputFolder);
        Path epubFile = outputFolder.resolve(loaded.name() + ".epub");
        Path pdfFile = outputFolder.resolve(loaded.name() + ".pdf");
        // The PDF comes first, so that the EPUB can carry its page numbers.
        PdfEdition.Printed printed = null;
        long pdfNanos = 0;
        if (print != null) {
            long start = System.nanoTime();
            printed = new PdfEdition(subsets(print.characters()), loaded.settings().pageSize())
                    .write(book, print, pdfFile);
            pdfNanos = report("pdf", pdfFile, start, printed.pages() + " pages, ");
        }
        long epubNanos = 0;
        if (epub != null) {
            long start = System.nanoTime();
            String printSource = null;
            if (printed != null) {
                epub = epubEdition.markup(book, printed.pageStarts(), fonts);
                printSource = "《" + book.metadata().title() + "》PDF " + loaded.settings().pageSize();
            }
            epubEdition.write(book, epub, subsets(epub.characters()), printSource, epubFile);
            epubNanos = report("epub", epubFile, start, printed == null ? "" : "page numbers of the PDF, ");
        }
        List<Path> files = new java.util.ArrayList<>();
        if (epub != null) {
            files.add(epubFile);
        }
        if (print != null) {
            files.add(pdfFile);
        }
        return new Result(files, printed == null ? 0 : printed.pages(), epubNanos, pdfNanos);
    }

    private Map<Face, byte[]> subsets(Map<Face, SortedSet<Integer>> characters) {
        Map<Face, byte[]> subsets = new EnumMap<>(Face.class);
        characters.forEach((face, codePoints) -> subsets.put(face, fonts.subset(face, codePoints)));
        return subsets;
    }

    /** Says which characters another face draws because their own lacks them. */
    private void reportFallbacks(Map<Integer, Face> fallbacks) {
        if (fallbacks.isEmpty()) {
            return;
        }
        String list = fallbacks.entrySet().stream().limit(10)
                .map(e -> new String(Character.toChars(e.getKey())) + " (U+" + String.format("%04X", e.getKey())
                        + ") in " + fonts.file(e.getValue()).getFileName())
                .collect(Collectors.joining(", "));
        progress.printf("cjkbook: drawn in another face, their own lacking them: %s%s%n", list,
                fallbacks.size() > 10 ? " and " + (fallbacks.size() - 10) + " more" : "");
        progress.flush();
    }

    /** A character the font of its face cannot draw stops the build: say which, and where. */
    private void checkCoverage(Map<Face, SortedSet<Integer>> characters, BookLoader.Loaded loaded) {
        Map<Face, SortedSet<Integer>> missing = fonts.missing(characters);
        if (missing.isEmpty()) {
            return;
        }
        Map.Entry<Face, SortedSet<Integer>> first = missing.entrySet().iterator().next();
        String list = first.getValue().stream().limit(10)
                .map(c -> {
                    String where = loaded.locate(c);
                    return new String(Character.toChars(c)) + " (U+" + String.format("%04X", c) + ")"
                            + (where == null ? "" : " at " + where);
                })
                .collect(Collectors.joining(", "));
        int more = first.getValue().size() - 10;
        throw BookException.in(fonts.file(first.getKey()), "has no glyph for " + list
                + (more > 0 ? " and " + more + " more" : "")
                + "; name a font that has them in book.yaml under 'fonts'");
    }

    /** dcterms:modified from SOURCE_DATE_EPOCH, else the book's date, never the clock. */
    private static Instant modified(Book book) {
        String epoch = System.getenv("SOURCE_DATE_EPOCH");
        if (epoch != null && epoch.matches("\\d+")) {
            return Instant.ofEpochSecond(Long.parseLong(epoch));
        }
        String date = book.metadata().date();
        if (date != null) {
            String day = date.length() == 4 ? date + "-01-01" : date.length() == 7 ? date + "-01" : date;
            return LocalDate.parse(day).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        return Instant.EPOCH;
    }

    private static void checkFolder(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (java.io.IOException e) {
            throw BookException.in(folder, "cannot create the output folder (" + e.getClass().getSimpleName() + ")");
        }
        if (!Files.isWritable(folder)) {
            throw BookException.in(folder, "the output folder is not writable");
        }
    }

    /** Prints a stage's line and returns how long it took. */
    private long report(String stage, Path file, long start, String detail) {
        long nanos = System.nanoTime() - start;
        long size;
        try {
            size = Files.size(file);
        } catch (java.io.IOException e) {
            size = -1;
        }
        progress.printf("cjkbook: %s: wrote %s (%s%,d KB) in %d ms%n", stage, file, detail, (size + 1023) / 1024,
                nanos / 1_000_000);
        progress.flush();
        return nanos;
    }
}
