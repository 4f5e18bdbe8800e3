package org.cjkbook.font;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A TrueType font read where it lies: the few tables a book asks of every face (which
 * glyph a character has, how wide it is, what the font calls itself) looked up in the
 * file's bytes, and the bytes of tables and glyphs handed out as they are. Nothing is
 * parsed ahead: a Noto CJK file holds 30,000 glyphs in 15 MB, of which a book uses a few
 * thousand.
 *
 * <p>A file on disk is mapped into memory, so that only the pages read are loaded, and so
 * is a font stored uncompressed in a jar; a font compressed in a jar is read once. The
 * bytes are only ever read at absolute positions, so one instance serves any number of
 * threads at once.
 *
 * <p>Lookups answer as FontBox does for the same font, since the subsets are still made by
 * FontBox and the two must agree on every glyph: the Unicode {@code cmap} is chosen in
 * FontBox's order, and glyph ids past the font's last glyph count as missing.
 */
final class TrueTypeFile {

    private static final int HEADER_SIZE = 12;
    private static final int RECORD_SIZE = 16;
    private static final int[][] UNICODE_CMAPS = {{0, 4}, {3, 10}, {0, 3}, {3, 1}, {3, 0}, {0, 1}};
    private static final int[] NAME_PLATFORMS = {0, 0, 0, 0, 0, 3, 1};
    private static final int[] NAME_ENCODINGS = {4, 3, 2, 1, 0, 1, 0};
    private static final int[] NAME_LANGUAGES = {0, 0, 0, 0, 0, 0x409, 0};
    private static final int FAMILY_NAME = 1;

    /** Where a table lies in the file. */
    private record Table(int offset, int length) {
    }

    private final ByteBuffer bytes;
    private final Map<String, Table> tables;
    private final int unitsPerEm;
    private final boolean longOffsets;
    private final int glyphCount;
    private final int horizontalMetrics;
    private final int verticalMetrics;
    private final int hmtx;
    private final int loca;
    private final Table glyf;
    private final int cmap;
    private final int cmapFormat;
    /**
     * The glyphs of the Basic Multilingual Plane's characters, plus one, as looked up; 0 for
     * not yet. A book asks for its few thousand characters over and over, each time a binary
     * search of the cmap.
     */
    private final int[] knownGlyphs = new int[0x10000];

    private TrueTypeFile(ByteBuffer bytes) {
        this.bytes = bytes;
        int count = u16(4);
        tables = new HashMap<>();
        for (int i = 0; i < count; i++) {
            int record = HEADER_SIZE + i * RECORD_SIZE;
            Table table = new Table(bytes.getInt(record + 8), bytes.getInt(record + 12));
            if (table.offset() < 0 || table.length() < 0 || table.offset() > bytes.limit() - table.length()) {
                throw new IllegalArgumentException("table " + tag(record) + " lies outside the file");
            }
            tables.put(tag(record), table);
        }
        int head = offset("head", 54);
        unitsPerEm = u16(head + 18);
        longOffsets = bytes.getShort(head + 50) != 0;
        glyphCount = u16(offset("maxp", 6) + 4);
        horizontalMetrics = u16(offset("hhea", 36) + 34);
        verticalMetrics = tables.containsKey("vhea") ? u16(offset("vhea", 36) + 34) : 0;
        hmtx = offset("hmtx", 4 * horizontalMetrics);
        loca = offset("loca", (longOffsets ? 4 : 2) * (glyphCount + 1));
        offset("glyf", 0);
        glyf = tables.get("glyf");
        cmap = unicodeCmap();
        cmapFormat = u16(cmap);
        long end = switch (cmapFormat) {
            case 4 -> cmap + 16L + 4L * u16(cmap + 6);
            case 12 -> cmap + 16L + 12L * Integer.toUnsignedLong(bytes.getInt(cmap + 12));
            default -> throw new IllegalArgumentException(
                    "its Unicode cmap has format " + cmapFormat + ", not 4 or 12");
        };
        if (end > bytes.limit()) {
            throw new IllegalArgumentException("its cmap ends early");
        }
    }

    /**
     * The font in this file.
     *
     * @throws IOException if the file cannot be read
     * @throws RuntimeException if it is not a TrueType font with the tables a book needs
     */
    static TrueTypeFile read(Path file) throws IOException {
        if (file.getFileSystem() != FileSystems.getDefault()) {
            ByteBuffer stored = storedInJar(file);
            if (stored != null) {
                return new TrueTypeFile(stored);
            }
            // straight into an array of the right size: Files.readAllBytes would copy it twice more
            byte[] font = new byte[Math.toIntExact(Files.size(file))];
            try (InputStream in = Files.newInputStream(file)) {
                if (in.readNBytes(font, 0, font.length) < font.length) {
                    throw new EOFException("the font ends early");
                }
            }
            return new TrueTypeFile(ByteBuffer.wrap(font));
        }
        try (FileChannel channel = FileChannel.open(file)) {
            return new TrueTypeFile(channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size()));
        }
    }

    /**
     * A font stored uncompressed in a jar, as cjkbook's own are, mapped where it lies in the
     * jar; null for any other file. The file system's paths name a jar entry by a URI of
     * the jar's own URI, {@code !} and the entry's path.
     */
    private static ByteBuffer storedInJar(Path file) throws IOException {
        URI uri = file.toUri();
        String spec = uri.getSchemeSpecificPart();
        int separator = spec.indexOf("!/");
        if (!"jar".equals(uri.getScheme()) || separator < 0) {
            return null;
        }
        try {
            return StoredZipEntry.map(Path.of(new URI(spec.substring(0, separator))), spec.substring(separator + 2));
        } catch (URISyntaxException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return null; // not a jar on disk
        }
    }

    /** The font in these bytes, which must not change afterwards. */
    static TrueTypeFile of(byte[] font) {
        return new TrueTypeFile(ByteBuffer.wrap(font));
    }

    /** The number of glyphs. */
    int glyphCount() {
        return glyphCount;
    }

    /** Font units per em. */
    int unitsPerEm() {
        return unitsPerEm;
    }

    /** The glyph of a character in the Unicode {@code cmap}, 0 when the font has none. */
    int glyph(int codePoint) {
        if (codePoint >= 0 && codePoint < knownGlyphs.length) {
            int known = knownGlyphs[codePoint];
            if (known == 0) {
                // Threads that race here look up, and store, the same glyph.
                known = lookUp(codePoint) + 1;
                knownGlyphs[codePoint] = known;
            }
            return known - 1;
        }
        return lookUp(codePoint);
    }

    private int lookUp(int codePoint) {
        int glyph = cmapFormat == 4 ? glyphFormat4(codePoint) : glyphFormat12(codePoint);
        return glyph < glyphCount ? glyph : 0;
    }

    /** The horizontal advance of a glyph, in font units. */
    int advanceWidth(int glyph) {
        // FontBox's width for a font whose hmtx gives none
        return horizontalMetrics == 0 ? 250 : u16(hmtx + 4 * Math.min(glyph, horizontalMetrics - 1));
    }

    /** The vertical advance of a glyph, in font units; the font has {@code vhea} and {@code vmtx}. */
    int advanceHeight(int glyph) {
        return u16(offset("vmtx") + 4 * Math.min(glyph, verticalMetrics - 1));
    }

    /** The top side bearing of a glyph, in font units; 0 where the font's {@code vmtx} gives none. */
    int topSideBearing(int glyph) {
        Table vmtx = tables.get("vmtx");
        int at = glyph < verticalMetrics ? 4 * glyph + 2 : 4 * verticalMetrics + 2 * (glyph - verticalMetrics);
        return at + 2 <= vmtx.length() ? bytes.getShort(vmtx.offset() + at) : 0;
    }

    /** True when the font has this table. */
    boolean has(String tag) {
        return tables.containsKey(tag);
    }

    /** A copy of a table's bytes, or null when the font has no such table. */
    byte[] table(String tag) {
        Table table = tables.get(tag);
        if (table == null) {
            return null;
        }
        byte[] copy = new byte[table.length()];
        bytes.get(table.offset(), copy);
        return copy;
    }

    /**
     * A glyph's bytes in {@code glyf}, from its {@code loca} offset to the next glyph's,
     * padding included; empty for a glyph without outline.
     */
    ByteBuffer glyphData(int glyph) {
        int start = glyphOffset(glyph);
        int end = glyphOffset(glyph + 1);
        if (end <= start || end > glyf.length()) {
            return ByteBuffer.allocate(0);
        }
        return bytes.slice(glyf.offset() + start, end - start);
    }

    /** These glyphs and the glyphs that composite ones among them are built of, at any depth. */
    SortedSet<Integer> withComponents(Collection<Integer> glyphs) {
        SortedSet<Integer> all = new TreeSet<>(glyphs);
        java.util.Deque<Integer> pending = new java.util.ArrayDeque<>(all);
        while (!pending.isEmpty()) {
            ByteBuffer glyph = glyphData(pending.pop());
            if (glyph.remaining() < 2 || glyph.getShort(0) != -1) {
                continue;
            }
            int at = 10;
            int flags;
            do {
                flags = Short.toUnsignedInt(glyph.getShort(at));
                int component = Short.toUnsignedInt(glyph.getShort(at + 2));
                if (all.add(component)) {
                    pending.push(component);
                }
                at += 4 + ((flags & 0x1) != 0 ? 4 : 2) // ARG_1_AND_2_ARE_WORDS
                        + ((flags & 0x80) != 0 ? 8 : (flags & 0x40) != 0 ? 4 : (flags & 0x8) != 0 ? 2 : 0);
            } while ((flags & 0x20) != 0); // MORE_COMPONENTS
        }
        return all;
    }

    /** The family name in English, chosen among the {@code name} records as FontBox does; null if none. */
    String familyName() {
        Table name = tables.get("name");
        if (name == null) {
            return null;
        }
        int count = u16(name.offset() + 2);
        int strings = name.offset() + u16(name.offset() + 4);
        String[] found = new String[NAME_PLATFORMS.length];
        for (int i = 0; i < count; i++) {
            int record = name.offset() + 6 + 12 * i;
            if (u16(record + 6) != FAMILY_NAME) {
                continue;
            }
            for (int choice = 0; choice < found.length; choice++) {
                if (u16(record) == NAME_PLATFORMS[choice] && u16(record + 2) == NAME_ENCODINGS[choice]
                        && u16(record + 4) == NAME_LANGUAGES[choice]) {
                    byte[] text = new byte[u16(record + 8)];
                    bytes.get(strings + u16(record + 10), text);
                    // the last record of a kind wins, as in FontBox's lookup table
                    found[choice] = new String(text, charset(u16(record)));
                }
            }
        }
        for (String text : found) {
            if (text != null) {
                return text;
            }
        }
        return null;
    }

    private static Charset charset(int platform) {
        return platform == 1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_16;
    }

    private int glyphOffset(int glyph) {
        return longOffsets ? bytes.getInt(loca + 4 * glyph) : 2 * u16(loca + 2 * glyph);
    }

    /** The start of the Unicode subtable FontBox would choose. */
    private int unicodeCmap() {
        int table = offset("cmap");
        int count = u16(table + 2);
        for (int[] choice : UNICODE_CMAPS) {
            for (int i = 0; i < count; i++) {
                int record = table + 4 + 8 * i;
                if (u16(record) == choice[0] && u16(record + 2) == choice[1]) {
                    return table + bytes.getInt(record + 4);
                }
            }
        }
        throw new IllegalArgumentException("it has no Unicode cmap");
    }

    private int glyphFormat4(int codePoint) {
        if (codePoint >= 0xFFFF) {
            return 0;
        }
        int segments = u16(cmap + 6) / 2;
        int ends = cmap + 14;
        int low = 0;
        int high = segments - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (u16(ends + 2 * middle) < codePoint) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        int end = u16(ends + 2 * low);
        int starts = ends + 2 * segments + 2;
        int start = u16(starts + 2 * low);
        if (end < codePoint || start > codePoint || end == 0xFFFF) {
            return 0;
        }
        int delta = u16(starts + 2 * segments + 2 * low);
        int rangeOffsetAt = starts + 4 * segments + 2 * low;
        int rangeOffset = u16(rangeOffsetAt);
        if (rangeOffset == 0) {
            return (codePoint + delta) & 0xFFFF;
        }
        int glyph = u16(rangeOffsetAt + rangeOffset + 2 * (codePoint - start));
        return glyph == 0 ? 0 : (glyph + delta) & 0xFFFF;
    }

    private int glyphFormat12(int codePoint) {
        long groups = Integer.toUnsignedLong(bytes.getInt(cmap + 12));
        int first = cmap + 16;
        long low = 0;
        long high = groups - 1;
        while (low <= high) {
            long middle = (low + high) >>> 1;
            int group = (int) (first + 12 * middle);
            if (Integer.toUnsignedLong(bytes.getInt(group + 4)) < codePoint) {
                low = middle + 1;
            } else if (Integer.toUnsignedLong(bytes.getInt(group)) > codePoint) {
                high = middle - 1;
            } else {
                long glyph = Integer.toUnsignedLong(bytes.getInt(group + 8)) + codePoint - bytes.getInt(group);
                return glyph < glyphCount ? (int) glyph : 0;
            }
        }
        return 0;
    }

    private int offset(String tag) {
        return offset(tag, 0);
    }

    /** Where a table starts that the font must have, at least {@code length} bytes long. */
    private int offset(String tag, int length) {
        Table table = tables.get(tag);
        if (table == null) {
            throw new IllegalArgumentException("it has no '" + tag + "' table");
        }
        if (table.length() < length) {
            throw new IllegalArgumentException("its '" + tag + "' table is too short");
        }
        return table.offset();
    }

    private String tag(int record) {
        byte[] tag = new byte[4];
        bytes.get(record, tag);
        return new String(tag, StandardCharsets.US_ASCII);
    }

    private int u16(int at) {
        return Short.toUnsignedInt(bytes.getShort(at));
    }
}
