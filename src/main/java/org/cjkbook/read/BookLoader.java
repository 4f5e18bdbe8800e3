package org.cjkbook.read;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.cjkbook.BookException;
import org.cjkbook.model.Book;
import org.cjkbook.model.Chapter;
import org.cjkbook.model.Metadata;

/**
 * Turns what the person points at, a book folder with {@code book.yaml} or a single
 * {@code .txt} or {@code .md} file, into a {@link Book} and its settings.
 */
public final class BookLoader {

    public static final String SETTINGS_FILE = "book.yaml";

    private final ArticleReader articleReader = new ArticleReader();
    private final MarkdownReader markdownReader = new MarkdownReader();

    /** A source file as read: its text and the encoding it was found in. */
    public record Source(Path file, String encoding, String text) {
    }

    /**
     * A book with the settings it was read under, the name its outputs take, its sources,
     * and warnings for the person: one line each, naming file and line.
     */
    public record Loaded(Book book, Settings settings, String name, List<Source> sources, List<String> warnings) {
        public Loaded {
            sources = List.copyOf(sources);
            warnings = List.copyOf(warnings);
        }

        public Loaded(Book book, Settings settings, String name, List<Source> sources) {
            this(book, settings, name, sources, List.of());
        }

        /** Where a character first occurs in the sources, as {@code file:line}, or null. */
        public String locate(int codePoint) {
            for (Source source : sources) {
                String text = source.text();
                int index = text.indexOf(new String(Character.toChars(codePoint)));
                if (index >= 0) {
                    int line = 1 + (int) text.substring(0, index).chars().filter(c -> c == '\n').count();
                    return source.file() + ":" + line;
                }
            }
            return null;
        }
    }

    public Loaded load(Path source) {
        return load(source, Map.of());
    }

    /**
     * Reads the book at {@code source}, a book folder or a lone source file;
     * {@code overrides} are keys of {@code book.yaml} that replace the book's own.
     */
    public Loaded load(Path source, Map<String, Object> overrides) {
        Path path = source.toAbsolutePath().normalize();
        if (Files.isDirectory(path)) {
            return loadFolder(path, overrides);
        }
        if (!Files.exists(path)) {
            throw BookException.in(source, "no such file or folder");
        }
        Settings settings = Settings.forFile(path, overrides);
        List<Source> sources = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        BookFolder folder = BookFolder.of(path.getParent());
        return new Loaded(read(settings, folder, null, sources, warnings), settings, baseName(path), sources,
                warnings);
    }

    private Loaded loadFolder(Path folder, Map<String, Object> overrides) {
        // Every setting has a default: a folder with one source needs no book.yaml.
        Path settingsFile = folder.resolve(SETTINGS_FILE);
        BookFolder bookFolder = BookFolder.of(folder);
        String yaml = "";
        if (Files.exists(settingsFile, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            BookFolder.Result found = bookFolder.resolve(settingsFile);
            if (found.file() == null) {
                throw BookException.in(settingsFile, found.problem());
            }
            yaml = SourceText.readSettings(settingsFile);
        }
        Settings settings = Settings.parse(settingsFile, yaml, overrides);
        if (settings.sources().isEmpty()) {
            settings = settings.withSources(List.of(soleSource(folder, settingsFile)));
        }
        List<Source> sources = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        return new Loaded(read(settings, bookFolder, settingsFile, sources, warnings), settings,
                folder.getFileName().toString(), sources, warnings);
    }

    /** Without a {@code sources} list, the folder must hold exactly one text or Markdown file. */
    private static Path soleSource(Path folder, Path settingsFile) {
        List<Path> candidates;
        try (Stream<Path> files = Files.list(folder)) {
            candidates = files.filter(BookLoader::isSource).sorted().toList();
        } catch (java.io.IOException e) {
            throw BookException.in(folder, "cannot list the folder (" + e.getMessage() + ")");
        }
        if (candidates.size() != 1) {
            throw BookException.in(settingsFile, "found " + candidates.size()
                    + " .txt/.md files in the folder; list them under 'sources' in " + SETTINGS_FILE);
        }
        return candidates.get(0);
    }

    /** {@code settingsFile} names the sources in messages when they come from it, else null. */
    private Book read(Settings settings, BookFolder folder, Path settingsFile, List<Source> sources,
            List<String> warnings) {
        Metadata.Builder metadata = null;
        Book.Layout layout = settings.layout();
        List<Chapter> chapters = new ArrayList<>();
        for (Path file : settings.sources()) {
            Book part = readFile(file, folder, settingsFile, sources, warnings);
            if (metadata == null) {
                metadata = part.metadata().toBuilder();
            }
            // Several sources make a book, each its chapters; one is what its reader found.
            if (layout == null) {
                layout = settings.sources().size() > 1 ? Book.Layout.BOOK : part.layout();
            }
            chapters.addAll(part.chapters());
        }
        Settings.applyMetadata(settings.metadata(), metadata, settings.sources().get(0));
        if (chapters.isEmpty()) {
            throw BookException.in(settings.sources().get(0), "no text to make a book of");
        }
        Book book = new Book(metadata.build(), renumber(chapters), layout);
        return settings.script() == null ? book : ScriptConversion.convert(book, settings.script());
    }

    private Book readFile(Path file, BookFolder folder, Path settingsFile, List<Source> sources,
            List<String> warnings) {
        if (!isSource(file)) {
            throw BookException.in(file, "not a source cjkbook reads: give a .txt or .md file");
        }
        BookFolder.Result found = folder.resolve(file);
        if (found.file() == null) {
            throw settingsFile == null ? BookException.in(file, found.problem())
                    : BookException.in(settingsFile, "sources: " + file + " " + found.problem());
        }
        SourceText.Decoded decoded = SourceText.read(file, found.file());
        sources.add(new Source(file, decoded.encoding(), decoded.text()));
        return isMarkdown(file) ? markdownReader.read(file, decoded.text(), folder, warnings)
                : articleReader.read(file, decoded.text());
    }

    /** Chapter ids must stay unique when several sources each count from one. */
    private static List<Chapter> renumber(List<Chapter> chapters) {
        List<Chapter> result = new ArrayList<>(chapters.size());
        for (Chapter chapter : chapters) {
            result.add(new Chapter("chapter-" + (result.size() + 1), chapter.title(), chapter.blocks()));
        }
        return result;
    }

    private static boolean isSource(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".txt") || isMarkdown(file);
    }

    private static boolean isMarkdown(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".md") || name.endsWith(".markdown");
    }

    /** A file's name without its extension: what a lone source's outputs are called. */
    static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
