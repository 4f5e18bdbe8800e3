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

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TTFTable;
import org.apache.fontbox.ttf.TrueTypeFont;

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
 */
final class FontSubsetter {

    /**
     * The tables handed to TTFSubsetter: those it rebuilds, plus {@code post}, which it
     * rebuilds when it has glyph names and otherwise copies (format 3 holds no glyph ids).
     */
    private static final List<String> SUBSETTER_TABLES =
            List.of("head", "hhea", "maxp", "loca", "glyf", "hmtx", "name", "post");

    /** The first code point of the private use area. */
    private static final int PRIVATE_USE = 0xE000;
    private static final int OS2_FIRST_CHAR = 64;
    private static final int OS2_LAST_CHAR = 66;

    private FontSubsetter() {
    }

    /** The glyph ids of the code points this font has, by code point. */
    private static SortedMap<Integer, Integer> glyphs(TrueTypeFont font, Set<Integer> codePoints)
            throws IOException {
        CmapLookup cmap = font.getUnicodeCmapLookup();
        SortedMap<Integer, Integer> glyphs = new TreeMap<>();
        for (int codePoint : codePoints) {
            int glyph = cmap.getGlyphId(codePoint);
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
    static byte[] subset(TrueTypeFont font, Set<Integer> codePoints, boolean vertical, String pdfTag)
            throws IOException {
        SortedMap<Integer, Integer> originalGlyphs = glyphs(font, codePoints);
        originalGlyphs.remove(0xFFFF);
        Map<Integer, Integer> forms = vertical ? VerticalForms.of(font, originalGlyphs.values()) : Map.of();

        // glyph ids rather than code points, so the subsetter never builds its own cmap
        TTFSubsetter subsetter = new TTFSubsetter(font, SUBSETTER_TABLES);
        subsetter.setPrefix(pdfTag);
        SortedSet<Integer> kept = new TreeSet<>(originalGlyphs.values());
        kept.addAll(forms.values());
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
        TTFTable os2 = font.getTableMap().get("OS/2");
        if (os2 != null) {
            tables.put("OS/2", os2(font.getTableBytes(os2), glyphs));
        }
        if (vertical) {
            VerticalForms.addTables(font, gidMap, forms, newGlyphIds, tables);
        }
        return SfntFile.write(tables);
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
