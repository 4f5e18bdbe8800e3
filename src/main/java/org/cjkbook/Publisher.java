package org.cjkbook;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.cjkbook.epub.EpubEdition;
import org.cjkbook.epub.EpubMarkup;
import org.cjkbook.font.Face;
import org.cjkbook.font.FontSet;
import org.cjkbook.model.Book;
import org.cjkbook.model.Inline;
import org.cjkbook.model.Walk;
import org.cjkbook.pdf.PageGeometry;
import org.cjkbook.pdf.PdfEdition;
import org.cjkbook.pdf.PrintMarkup;
import org.cjkbook.read.BookLoader;
import org.cjkbook.read.Settings;
import org.cjkbook.text.Script;
import org.cjkbook.xhtml.Coverage;

/**
 * The one way a book is made, for the command line, the Maven plugin and the tests alike:
 * read the sources into the model, make each edition's markup, check that the fonts draw
 * every character before anything is written, then write the PDF and, with the PDF's
 * page numbers, the EPUB.
 *
 * <pre>{@code
 * Publisher.Result result = Publisher.builder()
 *         .source(Path.of("book"))
 *         .output(Path.of("target/book"))
 *         .build()
 *         .publish();
 * }</pre>
 */
public final class Publisher {

    /** Hears what a build does, a line at a time. */
    public interface Progress {
        void info(String message);

        /** Something the person may want to change; the build goes on. */
        void warning(String message);

        /** Hears nothing. */
        static Progress silent() {
            return new Progress() {
                @Override
                public void info(String message) {
                }

                @Override
                public void warning(String message) {
                }
            };
        }
    }

    /** One file written: its edition, size in bytes, and how long it took, fonts included. */
    public record Edition(String format, Path file, long bytes, long nanos) {
    }

    /**
     * What a build made: the book as read, the files in the order written, the PDF's page
     * count (0 without a PDF), the characters of the text, how long reading took, and the
     * warnings said along the way.
     */
    public record Result(Book book, List<Edition> editions, int pages, long characters, long readNanos,
                         List<String> warnings) {
        public Result {
            editions = List.copyOf(editions);
            warnings = List.copyOf(warnings);
        }
    }

    private final Path source;
    private final Path metadataFile;
    private final Map<String, Object> overrides;
    private final Path fontsFolder;
    private final FontSet fonts;
    private final Set<String> formats;
    private final Path output;
    private final Progress progress;
    private final boolean compose;
    private final Instant timestamp;

    private Publisher(Builder builder) {
        if (builder.source == null) {
            throw new IllegalStateException("a Publisher needs a source");
        }
        this.source = builder.source;
        this.metadataFile = builder.metadataFile;
        this.overrides = Map.copyOf(builder.overrides);
        this.fontsFolder = builder.fontsFolder;
        this.fonts = builder.fonts;
        this.formats = builder.formats == null ? null : new LinkedHashSet<>(builder.formats);
        this.output = builder.output;
        this.progress = builder.progress;
        this.compose = builder.compose;
        this.timestamp = builder.timestamp;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A book as read, the source files it was read from, in order, and whether its EPUB is set in vertical lines. */
    public record Reading(Book book, List<Path> sources, boolean vertical) {
        public Reading {
            sources = List.copyOf(sources);
        }
    }

    /** Reads the book and says what structure it has, warnings included; writes nothing. */
    public Reading read() {
        BookLoader.Loaded loaded = load();
        loaded.warnings().forEach(progress::warning);
        reportPunctuation(loaded);
        return new Reading(loaded.book(), loaded.settings().sources(), loaded.settings().vertical());
    }

    /** Says what the punctuation clean-up changed, when the settings ask for it. */
    private void reportPunctuation(BookLoader.Loaded loaded) {
        if (loaded.punctuation() != null) {
            progress.info(loaded.punctuation().summary());
        }
    }

    /** Builds the editions; a failure the person can act on is a {@link BookException}, and leaves no file. */
    public Result publish() {
        String[] stage = {"reading it"};
        try {
            return publish(stage);
        } catch (OutOfMemoryError e) {
            throw new BookException(source + ": out of memory while " + stage[0] + " (Java may use "
                    + (Runtime.getRuntime().maxMemory() >> 20) + " MB); give it more, e.g. java -Xmx2g -jar "
                    + "cjkbook.jar, or MAVEN_OPTS=-Xmx2g for Maven", e);
        } catch (StackOverflowError e) {
            throw new BookException(source + ": nested too deeply to go on " + stage[0] + "; give Java a larger "
                    + "stack, e.g. java -Xss16m -jar cjkbook.jar", e);
        }
    }

    /** {@code stage} says what is being done, for a failure of the machine rather than the book. */
    private Result publish(String[] stage) {
        long start = System.nanoTime();
        BookLoader.Loaded loaded = load();
        long readNanos = System.nanoTime() - start;
        Book book = loaded.book();
        long characters = characters(book);
        int chapters = book.chapters().size();
        progress.info(String.format("read %s (%s): %d chapter%s, %,d characters in %d ms", source,
                String.join(", ", new LinkedHashSet<>(loaded.sources().stream().map(BookLoader.Source::encoding)
                        .toList())), chapters, chapters == 1 ? "" : "s", characters, readNanos / 1_000_000));
        reportPunctuation(loaded);
        List<String> warnings = new ArrayList<>();
        loaded.warnings().forEach(warning -> warn(warning, warnings));
        Set<String> chosen = new LinkedHashSet<>(formats != null
                ? Settings.formats(List.copyOf(formats), "formats") : loaded.settings().formats());
        PageGeometry page = page(loaded.settings());
        FontSet fontSet = fonts(loaded);

        // Markup and font coverage come first, so that a character no font can draw stops
        // the run before any output is written.
        stage[0] = "making the markup";
        Instant modified = modified(book);
        boolean vertical = loaded.settings().vertical();
        EpubEdition epubEdition = new EpubEdition(modified, loaded.settings().cover(), vertical);
        // The EPUB's work that depends on nothing the PDF finds is done on another core:
        // its markup while the PDF's is composed, its fonts and cover while the PDF is laid out.
        ExecutorService aside = Beside.thread("cjkbook-epub");
        try {
            // With a PDF, the EPUB's documents are made again with its page numbers: the first
            // ones serve only to tell the characters, and a long book's are not kept meanwhile.
            boolean both = chosen.contains("epub") && chosen.contains("pdf");
            Future<Coverage> epubNeeds = both
                    ? aside.submit(() -> epubEdition.markup(book, List.of(), fontSet).coverage()) : null;
            PrintMarkup print = chosen.contains("pdf") ? PdfEdition.markup(book, page, fontSet, compose) : null;
            EpubMarkup epub = chosen.contains("epub") && !both ? epubEdition.markup(book, List.of(), fontSet) : null;
            Coverage epubCoverage = both ? Beside.done(epubNeeds) : epub == null ? null : epub.coverage();
            List<Coverage> needs = new ArrayList<>();
            if (epubCoverage != null) {
                needs.add(epubCoverage);
            }
            if (print != null) {
                needs.add(print.coverage());
            }
            needs.forEach(coverage -> checkCoverage(coverage.characters(), loaded, fontSet));
            // Both editions set the same text in the same faces: one report says it for both.
            reportFallbacks(needs.get(0).fallbacks(), fontSet, warnings);
            Path folder = output == null ? Path.of("").toAbsolutePath() : output;
            checkFolder(folder);

            List<Edition> editions = new ArrayList<>();
            java.util.function.Function<Coverage, EpubEdition.Assets> assetsFor = coverage -> epubEdition.assets(book,
                    subsets(coverage.characters(), (face, codePoints) -> fontSet.subset(face, codePoints, vertical)));
            Future<EpubEdition.Assets> assets = epubCoverage == null ? null
                    : aside.submit(() -> assetsFor.apply(epubCoverage));
            // The PDF comes first, so that the EPUB can carry its page numbers.
            PdfEdition.Printed printed = null;
            if (print != null) {
                stage[0] = "laying out the PDF";
                long pdfStart = System.nanoTime();
                Path file = folder.resolve(loaded.name() + ".pdf");
                printed = new PdfEdition(subsets(print.coverage().characters(), fontSet::pdfSubset), page, modified,
                        loaded.settings().pdfa()).write(book, print, file);
                editions.add(written("pdf", printed.file(), pdfStart, printed.pages() + " pages, ", warnings));
            }
            if (epubCoverage != null) {
                stage[0] = "making the EPUB";
                long epubStart = System.nanoTime();
                Path file = folder.resolve(loaded.name() + ".epub");
                EpubMarkup paged = epub;
                String printSource = null;
                if (printed != null) {
                    paged = epubEdition.markup(book, printed.pageStarts(), fontSet);
                    printSource = "《" + book.metadata().title() + "》PDF " + page.label();
                }
                // Page numbers may bring a digit the text lacks: then the fonts are cut again.
                EpubEdition.Assets made = paged.coverage().characters().equals(epubCoverage.characters())
                        ? Beside.done(assets) : assetsFor.apply(paged.coverage());
                OutputFile.Written written = epubEdition.write(book, paged, made, printSource, file);
                editions.add(written("epub", written, epubStart, printed == null ? "" : "page numbers of the PDF, ",
                        warnings));
            }
            return new Result(book, editions, printed == null ? 0 : printed.pages(), characters, readNanos, warnings);
        } finally {
            aside.shutdown();
        }
    }

    /** The book and its settings, every setting checked, so that even reading stops at a wrong one. */
    private BookLoader.Loaded load() {
        BookLoader.Loaded loaded = new BookLoader().load(source, metadataFile, overrides);
        page(loaded.settings());
        return loaded;
    }

    private static PageGeometry page(Settings settings) {
        PageGeometry page = PageGeometry.named(settings.pageSize());
        if (page == null) {
            throw BookException.in(settings.file(), "page-size '" + settings.pageSize() + "' is not one of "
                    + String.join(", ", PageGeometry.labels()));
        }
        return page;
    }

    /**
     * The editions named in {@code values}, each of which may list several separated by
     * commas, checked; {@code where} names the option or setting in messages.
     */
    public static List<String> formats(List<String> values, String where) {
        return Settings.formats(values, where);
    }

    /** The characters of the text a reader reads: titles, blocks and notes. */
    private static long characters(Book book) {
        long[] count = {0};
        new Walk() {
            @Override
            public void text(Inline.Text text) {
                count[0] += text.text().codePointCount(0, text.text().length());
            }

            @Override
            public void code(Inline.Code code) {
                count[0] += code.text().codePointCount(0, code.text().length());
            }
        }.book(book);
        return count[0];
    }

    /**
     * The fonts given, else each face's font as the settings name it, the others from the
     * fonts folder given or else those that come with cjkbook: Traditional Chinese fonts
     * for a book in Traditional characters, Simplified ones for the rest.
     */
    /** Enough of a book's text to tell its script from. */
    private static final int SCRIPT_SAMPLE = 100_000;

    private FontSet fonts(BookLoader.Loaded loaded) {
        if (fonts != null) {
            return fonts;
        }
        // Glyph shapes follow the characters written: a Simplified text said to be zh-TW keeps SC fonts.
        boolean traditional = Script.isTraditional(loaded.book().metadata().language())
                && Script.isTraditional(Script.detect(loaded.book().opening(SCRIPT_SAMPLE)));
        FontSet defaults = fontsFolder != null ? FontSet.inFolder(fontsFolder, traditional)
                : FontSet.bundled(traditional);
        Map<String, Path> configured = loaded.settings().fonts();
        if (configured.isEmpty()) {
            return defaults;
        }
        Map<Face, Path> files = new EnumMap<>(Face.class);
        for (Face face : Face.values()) {
            files.put(face, configured.getOrDefault(face.name().toLowerCase(Locale.ROOT), defaults.file(face)));
        }
        return FontSet.of(files);
    }

    /** The fonts of each face cut down to its characters by {@code subset}. */
    private static Map<Face, byte[]> subsets(Map<Face, SortedSet<Integer>> characters,
                                             java.util.function.BiFunction<Face, Set<Integer>, byte[]> subset) {
        Map<Face, byte[]> subsets = new EnumMap<>(Face.class);
        // A face that draws nothing (code, in a book without any) is not embedded at all.
        characters.forEach((face, codePoints) -> {
            if (!codePoints.isEmpty()) {
                subsets.put(face, subset.apply(face, codePoints));
            }
        });
        return subsets;
    }

    /** Says which characters another face draws because their own lacks them. */
    private void reportFallbacks(Map<Integer, Face> fallbacks, FontSet fonts, List<String> warnings) {
        if (fallbacks.isEmpty()) {
            return;
        }
        String list = fallbacks.entrySet().stream().limit(10)
                .map(e -> new String(Character.toChars(e.getKey())) + " (U+" + String.format("%04X", e.getKey())
                        + ") in " + fonts.file(e.getValue()).getFileName())
                .collect(Collectors.joining(", "));
        warn("drawn in another face, their own lacking them: " + list
                + (fallbacks.size() > 10 ? " and " + (fallbacks.size() - 10) + " more" : ""), warnings);
    }

    private void warn(String warning, List<String> warnings) {
        warnings.add(warning);
        progress.warning(warning);
    }

    /** A character the font of its face cannot draw stops the build: say which, and where. */
    private static void checkCoverage(Map<Face, SortedSet<Integer>> characters, BookLoader.Loaded loaded,
                                      FontSet fonts) {
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

    /**
     * The date the editions carry (the EPUB's dcterms:modified, the PDF's dates):
     * SOURCE_DATE_EPOCH, else the timestamp given (Maven's project.build.outputTimestamp),
     * else the book's date, so that a build can be repeated byte for byte; a book without
     * any of them is dated by the build, as Pandoc does, rather than by 1970.
     */
    private Instant modified(Book book) {
        String epoch = System.getenv("SOURCE_DATE_EPOCH");
        if (epoch != null && epoch.matches("\\d+")) {
            return Instant.ofEpochSecond(Long.parseLong(epoch));
        }
        if (timestamp != null) {
            return timestamp;
        }
        String date = book.metadata().date();
        if (date != null) {
            String day = date.length() == 4 ? date + "-01-01" : date.length() == 7 ? date + "-01" : date;
            return LocalDate.parse(day).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
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

    /** Says what a stage wrote, and returns it; and when another build replaced it, says that too. */
    private Edition written(String format, OutputFile.Written written, long start, String detail,
                            List<String> warnings) {
        long nanos = System.nanoTime() - start;
        Path file = written.file();
        long size;
        try {
            size = Files.size(file);
        } catch (java.io.IOException e) {
            size = -1;
        }
        progress.info(String.format("%s: wrote %s (%s%,d KB) in %d ms", format, file, detail, (size + 1023) / 1024,
                nanos / 1_000_000));
        if (written.warning() != null) {
            warn(written.warning(), warnings);
        }
        return new Edition(format, file, size, nanos);
    }

    /** What to build, from where, to where; every choice but the source has a default. */
    public static final class Builder {
        private Path source;
        private Path metadataFile;
        private final Map<String, Object> overrides = new LinkedHashMap<>();
        private Path fontsFolder;
        private FontSet fonts;
        private Collection<String> formats;
        private Path output;
        private Progress progress = Progress.silent();
        private boolean compose = true;
        private Instant timestamp;

        private Builder() {
        }

        /** A book folder holding {@code book.yaml}, or a lone {@code .txt} or {@code .md} file. */
        public Builder source(Path value) { source = value; return this; }

        /**
         * A key of {@code book.yaml}, by cjkbook's name or Pandoc's, that replaces the book's
         * own setting, e.g. {@code title} or {@code author}; paths start at the book's folder.
         */
        public Builder set(String key, Object value) { overrides.put(key, value); return this; }

        /**
         * A YAML file of settings under the book's own (its front matter and {@code book.yaml}),
         * as Pandoc's {@code --metadata-file}; paths in it start at the book's folder.
         */
        public Builder metadataFile(Path value) { metadataFile = value; return this; }

        /** A folder with a font file for each face (default: the settings' fonts, else the bundled ones). */
        public Builder fontsFolder(Path value) { fontsFolder = value; return this; }

        /** Fonts already loaded, for building many books without loading them again. */
        public Builder fonts(FontSet value) { fonts = value; return this; }

        /** The editions to build, {@code epub} and {@code pdf} (default: the book's {@code formats}). */
        public Builder formats(Collection<String> value) {
            formats = value == null ? null : List.copyOf(value);
            return this;
        }

        /** The folder the editions are written to (default: the current folder). */
        public Builder output(Path value) { output = value; return this; }

        /** Who hears of each stage and warning (default: no one). */
        public Builder progress(Progress value) { progress = value; return this; }

        /** The date the editions carry unless SOURCE_DATE_EPOCH is set (default: the book's date). */
        public Builder timestamp(Instant value) { timestamp = value; return this; }

        /** False leaves line breaking in the PDF to Flying Saucer: the benchmark's baseline. */
        public Builder composeLines(boolean value) { compose = value; return this; }

        public Publisher build() {
            return new Publisher(this);
        }
    }
}
