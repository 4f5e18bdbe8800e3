package org.cjkbook.read;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.cjkbook.BookException;
import org.cjkbook.model.Book;
import org.cjkbook.model.Chapter;
import org.cjkbook.model.Contributor;
import org.cjkbook.model.Inline;
import org.cjkbook.model.Metadata;

/**
 * Turns what the person points at, a book folder (with or without {@code book.yaml}) or
 * a single {@code .txt} or {@code .md} file, into a {@link Book} and its settings.
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
     * warnings for the person (one line each, naming file and line), and what the
     * punctuation clean-up changed (null when the settings do not ask for it).
     */
    public record Loaded(Book book, Settings settings, String name, List<Source> sources, List<String> warnings,
                         PunctuationCleanup.Counts punctuation) {
        public Loaded {
            sources = List.copyOf(sources);
            warnings = List.copyOf(warnings);
        }

        public Loaded(Book book, Settings settings, String name, List<Source> sources) {
            this(book, settings, name, sources, List.of(), null);
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
        return load(source, null, Map.of());
    }

    /**
     * Reads the book at {@code source}, a book folder or a lone source file. Its settings
     * are, each over the ones before: {@code metadataFile} (a YAML file of settings, or
     * null), the front matter of its Markdown sources, its {@code book.yaml}, and
     * {@code overrides}, keys of {@code book.yaml} given to cjkbook. Relative paths in the
     * metadata file and the overrides start at the book's folder.
     */
    public Loaded load(Path source, Path metadataFile, Map<String, Object> overrides) {
        Path path = source.toAbsolutePath().normalize();
        boolean isFolder = Files.isDirectory(path);
        if (!isFolder && !Files.exists(path)) {
            throw BookException.in(source, "no such file or folder");
        }
        Path root = isFolder ? path : path.getParent();
        BookFolder folder = BookFolder.of(root);
        List<String> warnings = new ArrayList<>();
        List<Settings.Layer> layers = new ArrayList<>();
        if (metadataFile != null) {
            layers.add(metadataFile(metadataFile, root, folder, warnings));
        }
        // Every setting has a default: a folder needs no book.yaml.
        Path settingsFile = isFolder ? path.resolve(SETTINGS_FILE) : path;
        if (isFolder && Files.exists(settingsFile, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            BookFolder.Result found = folder.resolve(settingsFile);
            if (found.file() == null) {
                throw BookException.in(settingsFile, found.problem());
            }
            layers.add(Settings.layer(settingsFile, YamlDocuments.parseYaml(SourceText.readSettings(settingsFile),
                    settingsFile, 1), root, folder, warnings));
        }
        layers.add(Settings.layer(Settings.GIVEN, overrides, root, folder, warnings));
        List<Path> listed = Settings.of(settingsFile, layers).sources();
        List<Path> files = !listed.isEmpty() ? listed : isFolder ? folderSources(path, warnings) : List.of(path);

        List<Source> sources = new ArrayList<>();
        List<Settings.Layer> frontMatters = new ArrayList<>();
        List<Book> parts = new ArrayList<>();
        Identifiers identifiers = new Identifiers();
        for (Path file : files) {
            parts.add(readFile(file, folder, listed.isEmpty() ? null : settingsFile, files.size() > 1, sources,
                    frontMatters, warnings, identifiers));
        }
        // A link may lead into a source read after its own.
        identifiers.check();
        // Front matter is the document's own word: over a metadata file, as in Pandoc, and
        // under book.yaml and what is given to cjkbook.
        layers.addAll(metadataFile == null ? 0 : 1, frontMatters);
        Settings settings = Settings.of(settingsFile, layers).withSources(files);
        String name = isFolder ? path.getFileName().toString() : baseName(path);
        return transformed(book(files, parts, settings, name), settings, name, sources, warnings);
    }

    /**
     * The book as read, changed as the settings ask once the structure is found from the
     * text as written: punctuation cleaned up, the script converted, figures numbered.
     */
    private static Loaded transformed(Book book, Settings settings, String name, List<Source> sources,
            List<String> warnings) {
        // Quotes paired before the script's own quotes replace them; figures numbered in the script's words.
        PunctuationCleanup.Counts punctuation = null;
        if (settings.normalizePunctuation()) {
            PunctuationCleanup.Result cleaned = PunctuationCleanup.of(book);
            book = cleaned.book();
            punctuation = cleaned.counts();
        }
        if (settings.script() != null) {
            book = ScriptConversion.convert(book, settings.script());
        }
        if (settings.figureNumbers()) {
            book = FigureNumbers.of(book);
        }
        return new Loaded(book, settings, name, sources, warnings, punctuation);
    }

    /** A metadata file given to cjkbook: it may lie anywhere, as the fonts may. */
    private static Settings.Layer metadataFile(Path file, Path root, BookFolder folder, List<String> warnings) {
        if (!Files.isRegularFile(file)) {
            throw BookException.in(file, Files.exists(file) ? "is not a regular file" : "no such file");
        }
        return Settings.layer(file, YamlDocuments.parseYaml(SourceText.readSettings(file), file, 1), root, folder,
                warnings);
    }

    /**
     * Without a {@code sources} list, a folder's book is its Markdown files or, when it has
     * none, its text files, in natural order ({@link NaturalOrder}). Hidden files are left
     * out, and so is a README, which tells about the folder (on GitHub, say), not the book.
     */
    private static List<Path> folderSources(Path folder, List<String> warnings) {
        List<Path> markdown = new ArrayList<>();
        List<Path> text = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (isSource(file) && !name.startsWith(".") && !Files.isDirectory(file)
                        && !baseName(file).equalsIgnoreCase("README")) {
                    (isMarkdown(file) ? markdown : text).add(file);
                }
            }
        } catch (java.io.IOException e) {
            throw BookException.in(folder, "cannot list the folder (" + e.getMessage() + ")");
        }
        if (markdown.isEmpty() && text.isEmpty()) {
            throw BookException.in(folder, "no .md or .txt file to make a book of; give one, or list the sources under "
                    + "'sources' in " + SETTINGS_FILE);
        }
        List<Path> chosen = markdown.isEmpty() ? text : markdown;
        chosen.sort((a, b) -> NaturalOrder.compare(a.getFileName().toString(), b.getFileName().toString()));
        if (!markdown.isEmpty() && !text.isEmpty()) {
            text.sort((a, b) -> NaturalOrder.compare(a.getFileName().toString(), b.getFileName().toString()));
            warnings.add(folder + ": the .md files make the book; left out: " + String.join(", ",
                    text.stream().map(file -> file.getFileName().toString()).toList())
                    + " (list every source under 'sources' in " + SETTINGS_FILE + " to read them too)");
        }
        return chosen;
    }

    /**
     * The book the parts make. One source is what its reader found. Several make a book of
     * chapters, each source starting its own, named after the folder unless the settings
     * name it: a text's headline title is the title of its opening chapter, not the book's,
     * and a Markdown file's first heading stays its chapter's.
     */
    private static Book book(List<Path> files, List<Book> parts, Settings settings, String name) {
        Metadata.Builder metadata = parts.get(0).metadata().toBuilder();
        List<Chapter> chapters = new ArrayList<>();
        if (parts.size() == 1) {
            chapters.addAll(parts.get(0).chapters());
        } else {
            metadata.title(name);
            LinkedHashSet<Contributor> creators = new LinkedHashSet<>();
            LinkedHashSet<Contributor> contributors = new LinkedHashSet<>();
            for (int i = 0; i < parts.size(); i++) {
                Book part = parts.get(i);
                chapters.addAll(isMarkdown(files.get(i)) ? part.chapters() : titled(part));
                creators.addAll(part.metadata().creators());
                contributors.addAll(part.metadata().contributors());
            }
            metadata.creators(List.copyOf(creators)).contributors(List.copyOf(contributors));
        }
        settings.applyMetadata(metadata);
        if (chapters.isEmpty()) {
            throw BookException.in(files.get(0), "no text to make a book of");
        }
        Book.Layout layout = settings.layout() != null ? settings.layout()
                : parts.size() > 1 ? Book.Layout.BOOK : parts.get(0).layout();
        return new Book(metadata.build(), renumber(chapters), layout);
    }

    /**
     * A text's chapters, its headline title (when it has one) over the first, or as a
     * chapter of its own before a first chapter that has a title already.
     */
    private static List<Chapter> titled(Book part) {
        String title = part.metadata().title();
        List<Chapter> chapters = new ArrayList<>(part.chapters());
        if (title.isEmpty()) {
            return chapters;
        }
        List<Inline> heading = List.of(new Inline.Text(title));
        if (!chapters.isEmpty() && !chapters.get(0).hasTitle()) {
            chapters.set(0, new Chapter(chapters.get(0).id(), heading, chapters.get(0).blocks()));
        } else {
            chapters.add(0, new Chapter("title", heading, List.of()));
        }
        return chapters;
    }

    /**
     * {@code settingsFile} names the sources in messages when they come from it, else null;
     * the front matter of a Markdown source is added to {@code frontMatters}. A text among
     * {@code several} has no title but the one its text gives. Ids are added to the book's
     * {@code identifiers}.
     */
    private Book readFile(Path file, BookFolder folder, Path settingsFile, boolean several, List<Source> sources,
            List<Settings.Layer> frontMatters, List<String> warnings, Identifiers identifiers) {
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
        if (!isMarkdown(file)) {
            return articleReader.read(file, decoded.text(), several ? "" : baseName(file), identifiers);
        }
        MarkdownReader.Parsed parsed = markdownReader.read(file, decoded.text(), folder, warnings, identifiers);
        Settings.Layer frontMatter = Settings.layer(file, parsed.frontMatter(), file.getParent(), folder, warnings);
        if (frontMatter.fields().containsKey("sources")) {
            throw BookException.in(file, "'sources' is for " + SETTINGS_FILE + ", not front matter");
        }
        frontMatters.add(frontMatter);
        return parsed.book();
    }

    /** Chapter ids must stay unique when several sources each count from one. */
    private static List<Chapter> renumber(List<Chapter> chapters) {
        List<Chapter> result = new ArrayList<>(chapters.size());
        for (Chapter chapter : chapters) {
            result.add(new Chapter("chapter-" + (result.size() + 1), chapter.title(), chapter.blocks(),
                    chapter.titleId()));
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
