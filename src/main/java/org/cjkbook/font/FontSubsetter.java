package org.cjkbook.font;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * Cuts a TrueType font down to the glyphs of a set of code points.
 *
 * <p>FontBox's {@link TTFSubsetter} renumbers the glyphs and rebuilds the tables that
 * depend on glyph order; what it leaves undone is done here:
 * <ul>
 * <li>Any table it does not rebuild it copies byte for byte. GSUB, GPOS, GDEF, BASE, vhea,
 *     vmtx and kern hold glyph ids of the original font, so they are not kept: browsers'
 *     font sanitizer (OTS) rejects a font whose tables point past its glyphs. Vertical
 *     text needs some of them: those are rebuilt for the subset ({@link VerticalForms}).
 * <li>Its {@code cmap} is BMP only and it throws on a supplementary code point, so the
 *     {@code cmap} is written here ({@link UnicodeCmap}).
 * <li>Its {@code OS/2} keeps the original's version number (4) but stops after the
 *     version 0 fields, so OTS downgrades it to version 0 and OpenPDF finds a cap height of
 *     0. The original {@code OS/2} is kept instead, with only the character range updated.
 * </ul>
 * The subsetter copies {@code head}'s dates from the original and adds no name prefix
 * unless given one, so a subset depends on nothing but the font, the code points and the prefix.
 *
 * <p>FontBox parses every table of a font it is given, and copies the 14 MB {@code glyf}
 * of a Noto CJK font several times over; so it is given a {@linkplain #compact compact}
 * copy of the font instead, in which only the glyphs of the subset keep their outlines.
 * Everything the subsetter reads of that copy is as in the whole font, so the subset is
 * the same, byte for byte.
 */
final class FontSubsetter {

    /**
     * The tables handed to TTFSubsetter: those it rebuilds, plus {@code post}, which it
     * rebuilds when it has glyph names and otherwise copies (format 3 holds no glyph ids).
     */
    private static final List<String> SUBSETTER_TABLES =
            List.of("head", "hhea", "maxp", "loca", "glyf", "hmtx", "name", "post");

    /** What else of a font FontBox's parser demands, and the subsetter reads. */
    private static final List<String> COMPACT_TABLES = List.of("head", "hhea", "maxp", "hmtx", "name", "post");
    /** The same, and the layout features, for the vertical forms. */
    private static final List<String> LAYOUT_TABLES =
            java.util.stream.Stream.concat(COMPACT_TABLES.stream(), java.util.stream.Stream.of("GSUB")).toList();
    private static final int HEAD_INDEX_TO_LOC_FORMAT = 50;

    /** The first code point of the private use area. */
    private static final int PRIVATE_USE = 0xE000;
    private static final int OS2_FIRST_CHAR = 64;
    private static final int OS2_LAST_CHAR = 66;

    private FontSubsetter() {
    }

    /** The glyph ids of the code points this font has, by code point. */
    private static SortedMap<Integer, Integer> glyphs(TrueTypeFile font, Set<Integer> codePoints) {
        SortedMap<Integer, Integer> glyphs = new TreeMap<>();
        for (int codePoint : codePoints) {
            int glyph = font.glyph(codePoint);
            if (glyph != 0) {
                glyphs.put(codePoint, glyph);
            }
        }
        return glyphs;
    }

    /**
     * A TrueType font of .notdef and the glyphs of those code points that the font has; for
     * {@code vertical} text, with their vertical forms and metrics ({@link VerticalForms}).
     * For a PDF, {@code pdfTag} begins its PostScript name, as PDF names a subset, and each
     * glyph that no code point maps to, a part other glyphs are made of (an accent), gets one
     * of the private use area, so that the PDF can list it among the subset's glyphs, as
     * PDF/UA asks; null for other uses.
     */
    static byte[] subset(TrueTypeFile font, Set<Integer> codePoints, boolean vertical, String pdfTag)
            throws IOException {
        return subset(font, codePoints, vertical, pdfTag,
                (glyphs, characters, layout) -> parse(compact(font, glyphs, characters, layout)));
    }

    /** FontBox's font of a font file, for the subsetter. */
    @FunctionalInterface
    interface Parsed {
        /**
         * A font in which at least these glyphs and characters are as in the file, and, for
         * {@code layout}, the {@code GSUB}; {@link #compact} makes the least such font.
         */
        TrueTypeFont of(Set<Integer> glyphs, SortedMap<Integer, Integer> characters, boolean layout)
                throws IOException;
    }

    /** The same subset, cut by FontBox out of the font that {@code parsed} gives. */
    static byte[] subset(TrueTypeFile font, Set<Integer> codePoints, boolean vertical, String pdfTag,
                         Parsed parsed) throws IOException {
        SortedMap<Integer, Integer> originalGlyphs = glyphs(font, codePoints);
        originalGlyphs.remove(0xFFFF);
        Map<Integer, Integer> forms = vertical && font.has("GSUB")
                ? VerticalForms.of(parsed.of(Set.of(), new TreeMap<>(), true), originalGlyphs.values())
                : Map.of();

        SortedSet<Integer> kept = new TreeSet<>(originalGlyphs.values());
        kept.addAll(forms.values());
        // glyph ids rather than code points, so the subsetter never builds its own cmap
        TTFSubsetter subsetter = new TTFSubsetter(parsed.of(kept, originalGlyphs, false), SUBSETTER_TABLES);
        subsetter.setPrefix(pdfTag);
        subsetter.addGlyphIds(kept);
        Map<Integer, Integer> newGlyphIds = new HashMap<>();
        SortedMap<Integer, Integer> gidMap = new TreeMap<>(subsetter.getGIDMap());
        gidMap.forEach((newId, oldId) -> newGlyphIds.put(oldId, newId));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        subsetter.writeToStream(out);

        SortedMap<Integer, Integer> glyphs = new TreeMap<>();
        originalGlyphs.forEach((codePoint, oldId) -> glyphs.put(codePoint, newGlyphIds.get(oldId)));
        if (pdfTag != null) {
            Set<Integer> unmapped = new TreeSet<>(newGlyphIds.values());
            unmapped.removeAll(glyphs.values());
            unmapped.remove(0);
            int privateUse = PRIVATE_USE;
            for (int glyph : unmapped) {
                while (codePoints.contains(privateUse)) {
                    privateUse++;
                }
                glyphs.put(privateUse++, glyph);
            }
        }
        SortedMap<String, byte[]> tables = SfntFile.read(out.toByteArray());
        tables.put("cmap", UnicodeCmap.of(glyphs));
        byte[] os2 = font.table("OS/2");
        if (os2 != null) {
            tables.put("OS/2", os2(os2, glyphs));
        }
        if (vertical) {
            VerticalForms.addTables(font, gidMap, forms, newGlyphIds, tables);
        }
        return SfntFile.write(tables);
    }

    /**
     * The font with the outlines of these glyphs, .notdef and the glyphs composite ones are
     * built of, every other glyph left empty under its own id; a {@code cmap} of these
     * characters only, which the subsetter needs to find but does not use; and of the other
     * tables those the subsetter reads, plus {@code GSUB} for {@code layout}.
     */
    private static byte[] compact(TrueTypeFile font, Set<Integer> glyphs, SortedMap<Integer, Integer> characters,
                                  boolean layout) {
        SortedMap<String, byte[]> tables = new TreeMap<>();
        for (String tag : layout ? LAYOUT_TABLES : COMPACT_TABLES) {
            byte[] table = font.table(tag);
            if (table != null) {
                tables.put(tag, table);
            }
        }
        // long offsets, whatever the font has: the subsetter writes them anyway
        ByteBuffer.wrap(tables.get("head")).putShort(HEAD_INDEX_TO_LOC_FORMAT, (short) 1);
        tables.put("cmap", UnicodeCmap.of(characters));

        Set<Integer> wanted = new TreeSet<>(glyphs);
        wanted.add(0);
        SortedSet<Integer> outlined = font.withComponents(wanted);
        int size = 0;
        for (int glyph : outlined) {
            size += font.glyphData(glyph).remaining();
        }
        ByteBuffer glyf = ByteBuffer.allocate(size);
        ByteBuffer loca = ByteBuffer.allocate(4 * (font.glyphCount() + 1));
        for (int glyph = 0; glyph < font.glyphCount(); glyph++) {
            loca.putInt(glyf.position());
            if (outlined.contains(glyph)) {
                glyf.put(font.glyphData(glyph));
            }
        }
        loca.putInt(glyf.position());
        tables.put("loca", loca.array());
        tables.put("glyf", glyf.array());
        return SfntFile.write(tables);
    }

    private static TrueTypeFont parse(byte[] font) throws IOException {
        return new TTFParser().parse(new RandomAccessReadBuffer(font));
    }

    private static byte[] os2(byte[] original, SortedMap<Integer, Integer> glyphs) {
        byte[] os2 = original.clone();
        if (os2.length >= OS2_LAST_CHAR + 2) {
            // 16-bit fields: supplementary code points count as U+FFFF
            int first = glyphs.isEmpty() ? 0 : Math.min(glyphs.firstKey(), 0xFFFF);
            int last = glyphs.isEmpty() ? 0 : Math.min(glyphs.lastKey(), 0xFFFF);
            ByteBuffer.wrap(os2).putShort(OS2_FIRST_CHAR, (short) first).putShort(OS2_LAST_CHAR, (short) last);
        }
        return os2;
    }
}
