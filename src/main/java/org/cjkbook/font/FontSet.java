package org.cjkbook.font;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.IntUnaryOperator;

import org.cjkbook.BookException;

/**
 * The font files of a book, one per {@link Face}: which characters they cover, and subsets
 * of them to embed.
 *
 * <p>A file is checked when the set is made (it exists and is a TrueType font file) but
 * opened only when a face is first used, and then only once; even then only the tables
 * asked of it are read ({@link TrueTypeFile}): the Noto SC files are 10 to 15 MB. A file on
 * disk, or stored in a jar as cjkbook's own are, is mapped into memory, one compressed in a
 * jar read into it, and the file closed at once, so a font set holds no open files and
 * needs no closing.
 *
 * <p>A font set is safe to share between threads, and its work runs in parallel, on one
 * face or on several: an opened font is never changed, and each subset is cut by FontBox
 * from a font of its own.
 */
public final class FontSet {

    private static final int TRUETYPE = 0x00010000;
    private static final int APPLE_TRUETYPE = 0x74727565; // 'true'
    private static final int OPENTYPE_CFF = 0x4F54544F; // 'OTTO'
    private static final int COLLECTION = 0x74746366; // 'ttcf'
    private static final int BYTE_ORDER_MARK = 0xFEFF;
    private static final int IDEOGRAPHIC_FULL_STOP = 0x3002;
    private static final int GLYPH_HEADER = 10;
    private static final int GLYPH_X_MIN = 2;
    private static final int GLYPH_X_MAX = 6;

    private final Map<Face, LazyFont> fonts;

    private FontSet(Map<Face, LazyFont> fonts) {
        this.fonts = fonts;
    }

    /**
     * The fonts in these files, which must name a file for every face.
     *
     * @throws BookException if a file is missing, unreadable or not a TrueType font
     */
    public static FontSet of(Map<Face, Path> files) {
        Map<Face, LazyFont> fonts = new EnumMap<>(Face.class);
        // Faces of one file share its parse: a folder without the other script's serif
        // serves that face from the body's file.
        Map<Path, LazyFont> parsed = new java.util.HashMap<>();
        for (Face face : Face.values()) {
            Path file = files.get(face);
            if (file == null) {
                throw new IllegalArgumentException("no font file for " + face);
            }
            checkTrueType(file);
            fonts.put(face, parsed.computeIfAbsent(file, LazyFont::new));
        }
        return new FontSet(Collections.unmodifiableMap(fonts));
    }

    /** The fonts that travel inside cjkbook, for Simplified Chinese. */
    public static FontSet bundled() {
        return bundled(false);
    }

    /** The fonts that travel inside cjkbook, for Traditional or Simplified Chinese: each face's {@link Face#fileName file}. */
    public static FontSet bundled(boolean traditional) {
        Map<Face, Path> files = new EnumMap<>(Face.class);
        for (Face face : Face.values()) {
            files.put(face, resource(face.fileName(traditional)));
        }
        return of(files);
    }

    /**
     * A bundled font as a path, inside the program's jar or its classes folder: fonts are
     * read like any other file, and a font the settings name is reported by its name.
     */
    private static Path resource(String name) {
        URL url = FontSet.class.getResource("bundled/" + name);
        if (url == null) {
            throw new BookException("the bundled font " + name + " is missing from this cjkbook; "
                    + "name a fonts folder instead");
        }
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                try {
                    FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException opened) {
                    // Another face, or another build in this JVM, opened the jar first.
                }
            }
            return Path.of(uri);
        } catch (URISyntaxException | IOException e) {
            throw new BookException("the bundled font " + name + " cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** The fonts in a folder holding each face's {@link Face#defaultFileName() default file}. */
    public static FontSet inFolder(Path fontsDir) {
        return inFolder(fontsDir, false);
    }

    /**
     * The fonts in a folder, for Traditional or Simplified Chinese: each face's
     * {@link Face#fileName file}, or, for a Traditional book in a folder that has no
     * Traditional file of a face, its Simplified one, which draws Traditional characters too.
     * A folder without the other script's serif has {@link Face#OTHER} drawn by the body's
     * file, which then draws nothing in that face.
     */
    public static FontSet inFolder(Path fontsDir, boolean traditional) {
        Map<Face, Path> files = new EnumMap<>(Face.class);
        for (Face face : Face.values()) {
            Path file = fontsDir.resolve(face.fileName(traditional));
            if (!Files.exists(file)) {
                file = face == Face.OTHER ? files.get(Face.BODY) : fontsDir.resolve(face.defaultFileName());
            }
            files.put(face, file);
        }
        return of(files);
    }

    /** The distinct code points of a text, in order. */
    public static SortedSet<Integer> codePoints(CharSequence text) {
        SortedSet<Integer> codePoints = new TreeSet<>();
        text.codePoints().forEach(codePoints::add);
        return codePoints;
    }

    /** The file the face is read from. */
    public Path file(Face face) {
        return fonts.get(face).file;
    }

    /**
     * The code points that the face has no glyph for. Control characters below U+0020 and
     * the byte order mark are never drawn and so never missing; every other code point,
     * spaces included, is looked up.
     */
    public SortedSet<Integer> missing(Face face, Set<Integer> codePoints) {
        SortedSet<Integer> missing = new TreeSet<>();
        if (codePoints.isEmpty()) {
            return missing; // a face the book does not use is not read
        }
        return fonts.get(face).read(font -> {
            for (int codePoint : codePoints) {
                if (codePoint >= 0x20 && codePoint != BYTE_ORDER_MARK && font.glyph(codePoint) == 0) {
                    missing.add(codePoint);
                }
            }
            return missing;
        });
    }

    /**
     * For each face, the code points it lacks of those it is to draw; faces that lack
     * nothing are left out, so an empty map means full coverage.
     */
    public Map<Face, SortedSet<Integer>> missing(Map<Face, ? extends Set<Integer>> codePointsByFace) {
        Map<Face, SortedSet<Integer>> missing = new EnumMap<>(Face.class);
        codePointsByFace.forEach((face, codePoints) -> {
            SortedSet<Integer> lacking = missing(face, codePoints);
            if (!lacking.isEmpty()) {
                missing.put(face, lacking);
            }
        });
        return Collections.unmodifiableMap(missing);
    }

    /**
     * A TrueType font with the glyphs of those of these code points that the face has, plus
     * .notdef, and no layout tables; code points the face lacks are left out (see
     * {@link #missing(Face, Set)}). The same code points always give the same bytes.
     */
    public byte[] subset(Face face, Set<Integer> codePoints) {
        return subset(face, codePoints, false);
    }

    /**
     * The same; for {@code vertical} text, with the vertical metrics of its glyphs and the
     * vertical forms of its characters (the font's {@code vert} substitutions), and nothing
     * else of the layout tables.
     */
    public byte[] subset(Face face, Set<Integer> codePoints, boolean vertical) {
        return fonts.get(face).subset(codePoints, vertical, null);
    }

    /**
     * True when the face's font centres the ideographic full stop in its em, as fonts for
     * Taiwan and Hong Kong do, rather than setting it in the lower left corner as mainland
     * fonts do: their pauses and stops then have no blank half to give up.
     */
    public boolean centresStops(Face face) {
        return fonts.get(face).read(font -> {
            int glyph = font.glyph(IDEOGRAPHIC_FULL_STOP);
            ByteBuffer outline = font.glyphData(glyph);
            if (glyph == 0 || outline.remaining() < GLYPH_HEADER) {
                return false;
            }
            float centre = (outline.getShort(GLYPH_X_MIN) + outline.getShort(GLYPH_X_MAX)) / 2f;
            return Math.abs(centre / font.advanceWidth(glyph) - 0.5f) < 0.15f;
        });
    }

    /**
     * The same subset for a PDF: its PostScript name begins with a tag of six capital
     * letters made from the face and the code points, as a PDF names an embedded subset,
     * which tells it from the whole font and from another subset of it and is the same every
     * time; and every glyph it holds is reached from its {@code cmap}.
     */
    public byte[] pdfSubset(Face face, Set<Integer> codePoints) {
        byte[] digest;
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            sha.update(face.name().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            for (int codePoint : new TreeSet<>(codePoints)) {
                sha.update(ByteBuffer.allocate(4).putInt(codePoint).array());
            }
            digest = sha.digest();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        StringBuilder tag = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            tag.append((char) ('A' + (digest[i] & 0xFF) % 26));
        }
        return fonts.get(face).subset(codePoints, false, tag + "+");
    }

    /** The family name the face's font gives itself, as a colophon credits it. */
    public String familyName(Face face) {
        String name = fonts.get(face).read(TrueTypeFile::familyName);
        return name == null || name.isBlank() ? file(face).getFileName().toString() : name.strip();
    }

    /** True when the face's font has a glyph for the character. */
    public boolean has(Face face, int codePoint) {
        return fonts.get(face).glyph(codePoint) != 0;
    }

    /**
     * The advance widths of the face's characters in thousandths of an em, as PDF writers
     * measure text; 0 for a character the face lacks.
     */
    public IntUnaryOperator advances(Face face) {
        LazyFont lazy = fonts.get(face);
        return codePoint -> {
            try {
                TrueTypeFile font = lazy.font();
                int glyph = font.glyph(codePoint);
                return glyph == 0 ? 0 : font.advanceWidth(glyph) * 1000 / font.unitsPerEm();
            } catch (RuntimeException e) {
                throw lazy.unusable(e); // as in read, without boxing every character's width
            }
        };
    }

    private static void checkTrueType(Path file) {
        if (!Files.isRegularFile(file)) {
            throw BookException.in(file, "font file not found");
        }
        byte[] start = new byte[4];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(start, 0, start.length);
        } catch (IOException e) {
            throw new BookException(file + ": cannot read the font file (" + e.getMessage() + ")", e);
        }
        int version = read == start.length ? ByteBuffer.wrap(start).getInt() : 0;
        if (version == OPENTYPE_CFF) {
            throw BookException.in(file, "an OpenType font with CFF outlines; use a TrueType (glyf) font");
        }
        if (version == COLLECTION) {
            throw BookException.in(file, "a font collection; use a single TrueType font file");
        }
        if (version != TRUETYPE && version != APPLE_TRUETYPE) {
            throw BookException.in(file, "not a TrueType font");
        }
    }

    /** A font file, opened on first use. */
    private static final class LazyFont {

        private final Path file;
        private volatile TrueTypeFile font;

        LazyFont(Path file) {
            this.file = file;
        }

        TrueTypeFile font() {
            TrueTypeFile opened = font;
            if (opened == null) {
                synchronized (this) {
                    if (font == null) {
                        font = open();
                    }
                    opened = font;
                }
            }
            return opened;
        }

        /** A lookup in the font; a damaged table fails it as the font's fault, in one line. */
        <T> T read(java.util.function.Function<TrueTypeFile, T> lookup) {
            try {
                return lookup.apply(font());
            } catch (RuntimeException e) {
                throw unusable(e);
            }
        }

        /** The glyph of a character, 0 for none: as {@link #read}, without boxing every character's. */
        int glyph(int codePoint) {
            try {
                return font().glyph(codePoint);
            } catch (RuntimeException e) {
                throw unusable(e);
            }
        }

        byte[] subset(Set<Integer> codePoints, boolean vertical, String pdfTag) {
            try {
                return FontSubsetter.subset(font(), codePoints, vertical, pdfTag);
            } catch (IOException | RuntimeException e) {
                // FontBox meets a damaged font with whatever exception it runs into
                throw unusable(e);
            }
        }

        private TrueTypeFile open() {
            try {
                return TrueTypeFile.read(file);
            } catch (IOException e) {
                throw new BookException(file + ": cannot read the font (" + e.getMessage() + ")", e);
            } catch (RuntimeException e) {
                throw unusable(e);
            }
        }

        private BookException unusable(Exception e) {
            return e instanceof BookException known ? known
                    : new BookException(file + ": not a usable TrueType font (" + e.getMessage() + ")", e);
        }
    }
}
