package org.cjkbook.epub;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cjkbook.BookException;
import org.cjkbook.OutputFile;
import org.cjkbook.font.DashRule;
import org.cjkbook.font.Face;
import org.cjkbook.font.FontSet;
import org.cjkbook.model.Block;
import org.cjkbook.model.Book;
import org.cjkbook.model.Inline;
import org.cjkbook.model.Walk;
import org.cjkbook.xhtml.PageStart;

import nl.siegmann.epublib.domain.MediaType;
import nl.siegmann.epublib.domain.Resource;
import nl.siegmann.epublib.domain.Spine;
import nl.siegmann.epublib.domain.SpineReference;

/**
 * The EPUB 3 edition. Its content is gathered in epublib's model (resources and spine);
 * the package document, navigation and the zip are written here, because epublib writes
 * only EPUB 2.
 */
public final class EpubEdition {

    static final MediaType XHTML = new MediaType("application/xhtml+xml", ".xhtml");
    static final MediaType CSS = new MediaType("text/css", ".css");
    static final MediaType TTF = new MediaType("font/ttf", ".ttf");
    static final MediaType NCX = new MediaType("application/x-dtbncx+xml", ".ncx");
    private static final Map<String, MediaType> IMAGE_TYPES = Map.of(
            "png", new MediaType("image/png", ".png"),
            "jpg", new MediaType("image/jpeg", ".jpg"),
            "jpeg", new MediaType("image/jpeg", ".jpeg"),
            "gif", new MediaType("image/gif", ".gif"),
            "svg", new MediaType("image/svg+xml", ".svg"),
            "webp", new MediaType("image/webp", ".webp"));

    /** Where content lives inside the zip; the package document sits beside it. */
    static final String CONTENT = "EPUB/";

    private final Instant modified;
    private final Path cover;
    private final boolean vertical;

    /**
     * {@code modified} becomes {@code dcterms:modified}: take it from the sources, not the
     * clock. {@code cover} is a PNG or JPEG to use as the cover, or null for one made from
     * the metadata.
     */
    public EpubEdition(Instant modified, Path cover) {
        this(modified, cover, false);
    }

    /**
     * The same, set in vertical lines from right to left (竖排) when {@code vertical}: the
     * fonts it embeds must then keep their vertical forms and metrics.
     */
    public EpubEdition(Instant modified, Path cover, boolean vertical) {
        this.modified = modified;
        this.cover = cover;
        this.vertical = vertical;
    }

    /**
     * The EPUB's documents and the characters each face draws, for the font subsets;
     * {@code pageStarts} are where the pages of the print edition built alongside begin,
     * or empty.
     */
    public EpubMarkup markup(Book book, List<PageStart> pageStarts, FontSet fonts) {
        Map<String, String> images = imageNames(book);
        List<String> stylesheets = vertical ? List.of("css/epub.css", "css/vertical.css") : List.of("css/epub.css");
        return EpubDocuments.of(book, fonts, stylesheets, vertical, images::get, coverHref(), pageStarts);
    }

    private String coverHref() {
        return cover == null ? "images/cover.png" : "images/cover." + extension(cover.toString());
    }

    /**
     * What the EPUB carries besides its documents and images, none of which depends on the
     * documents: the fonts as embedded, by face, and the cover image. Made apart, it can be
     * made while the print edition is laid out.
     */
    public record Assets(Map<Face, byte[]> fonts, byte[] cover) {
    }

    /** The assets for these subset fonts, one per face that draws something. */
    public Assets assets(Book book, Map<Face, byte[]> fontPrograms) {
        Map<Face, byte[]> fonts = new java.util.EnumMap<>(Face.class);
        // Reading engines draw the dashes of —— side by side with no stretching of their own;
        // code keeps its font's dash, one column wide like every other character.
        fontPrograms.forEach((face, program) -> fonts.put(face, face == Face.MONO ? program : DashRule.widened(program)));
        return new Assets(fonts, cover == null ? CoverImage.render(book.metadata(), fontPrograms) : read(cover));
    }

    /**
     * Writes the EPUB with {@code assets} made by {@link #assets} for the characters of
     * {@code documents}. {@code printSource} names the print edition whose page numbers the
     * documents carry, or is null when they carry none.
     */
    public OutputFile.Written write(Book book, EpubMarkup documents, Assets assets, String printSource, Path target) {
        nl.siegmann.epublib.domain.Book epub = new nl.siegmann.epublib.domain.Book();
        for (EpubMarkup.Document document : documents.readingOrder()) {
            Resource resource = resource(document.xml().getBytes(StandardCharsets.UTF_8), document.name(), XHTML);
            resource.setTitle(document.title());
            epub.getResources().add(resource);
            epub.getSpine().addSpineReference(new SpineReference(resource));
        }
        epub.getResources().add(resource(stylesheet(assets.fonts().keySet()), "css/epub.css", CSS));
        if (vertical) {
            epub.getResources().add(resource(resourceBytes("vertical.css"), "css/vertical.css", CSS));
        }
        for (Face face : Face.values()) {
            if (assets.fonts().containsKey(face)) {
                epub.getResources().add(resource(assets.fonts().get(face), fontFile(face), TTF));
            }
        }
        imageNames(book).forEach((file, name) -> epub.getResources().add(resource(read(Path.of(file)), name,
                IMAGE_TYPES.get(extension(name)))));
        epub.getResources().add(resource(assets.cover(), coverHref(), IMAGE_TYPES.get(extension(coverHref()))));

        String identifier = book.identifier();
        PackageDocument opf = new PackageDocument(book, epub, documents, identifier, timestamp(modified),
                coverHref(), Accessibility.of(book, printSource != null), printSource, vertical);
        return OutputFile.write(target, out -> {
            List<ZipWriter.Entry> entries = new ArrayList<>();
            // The mimetype entry must come first, uncompressed, for reading systems to sniff.
            entries.add(new ZipWriter.Entry("mimetype", "application/epub+zip".getBytes(StandardCharsets.US_ASCII),
                    true));
            entries.add(entry("META-INF/container.xml", resourceBytes("container.xml")));
            entries.add(entry("META-INF/com.apple.ibooks.display-options.xml", resourceBytes("display-options.xml")));
            entries.add(entry(CONTENT + "package.opf", opf.packageXml().getBytes(StandardCharsets.UTF_8)));
            entries.add(entry(CONTENT + "toc.ncx", opf.ncxXml().getBytes(StandardCharsets.UTF_8)));
            for (Resource resource : orderedResources(epub)) {
                entries.add(entry(CONTENT + resource.getHref(), resource.getData()));
            }
            ZipWriter.write(out, entries);
        });
    }

    /**
     * Spine documents in reading order, then the rest by name: epublib keeps resources in
     * a hash map, whose order must not reach the file.
     */
    static List<Resource> orderedResources(nl.siegmann.epublib.domain.Book epub) {
        List<Resource> ordered = new ArrayList<>();
        Spine spine = epub.getSpine();
        for (SpineReference reference : spine.getSpineReferences()) {
            ordered.add(reference.getResource());
        }
        epub.getResources().getAll().stream()
                .filter(resource -> !ordered.contains(resource))
                .sorted(java.util.Comparator.comparing(Resource::getHref))
                .forEach(ordered::add);
        return ordered;
    }

    /**
     * The stylesheet, less the {@code @font-face} rules of faces the book does not embed:
     * a rule whose file is absent would send reading systems, and EPUBCheck, looking for it.
     */
    static byte[] stylesheet(java.util.Set<Face> embedded) {
        String css = new String(resourceBytes("epub.css"), StandardCharsets.UTF_8);
        for (Face face : Face.values()) {
            if (!embedded.contains(face)) {
                css = css.replaceAll("@font-face \\{[^}]*url\\(\\.\\./" + java.util.regex.Pattern.quote(fontFile(face))
                        + "\\)[^}]*}\n?", "");
            }
        }
        return css.getBytes(StandardCharsets.UTF_8);
    }

    static String fontFile(Face face) {
        return "fonts/" + face.name().toLowerCase(Locale.ROOT) + ".ttf";
    }

    private static Resource resource(byte[] data, String href, MediaType type) {
        Resource resource = new Resource(data, href);
        resource.setId(idFor(href));
        resource.setMediaType(type);
        return resource;
    }

    /** Manifest ids from file names: stable, readable, and valid XML names. */
    static String idFor(String href) {
        return "r-" + href.replaceAll("[^A-Za-z0-9]", "-");
    }

    /** Images get names in order of first appearance, notes included: images/image-1.png, … */
    private static Map<String, String> imageNames(Book book) {
        Map<String, String> names = new LinkedHashMap<>();
        new Walk() {
            @Override
            public void image(Block.Image image) {
                name(image.file());
            }

            @Override
            public void image(Inline.Image image) {
                name(image.file());
            }

            private void name(String file) {
                if (names.containsKey(file)) {
                    return;
                }
                String extension = extension(file);
                if (!IMAGE_TYPES.containsKey(extension)) {
                    throw BookException.in(Path.of(file), "images must be PNG, JPEG, GIF, SVG or WebP");
                }
                names.put(file, "images/image-" + (names.size() + 1) + "." + extension);
            }
        }.book(book);
        return names;
    }

    private static String extension(String file) {
        int dot = file.lastIndexOf('.');
        return dot < 0 ? "" : file.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String timestamp(Instant instant) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").format(instant.atOffset(ZoneOffset.UTC));
    }

    private static byte[] resourceBytes(String name) {
        try (InputStream in = EpubEdition.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(name + " missing from the program", e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw BookException.in(file, "cannot be read (" + e.getMessage() + ")");
        }
    }

    private static ZipWriter.Entry entry(String name, byte[] data) {
        return new ZipWriter.Entry(name, data, false);
    }
}
