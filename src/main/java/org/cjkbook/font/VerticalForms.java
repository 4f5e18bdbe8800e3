package org.cjkbook.font;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.apache.fontbox.ttf.GlyphSubstitutionTable;
import org.apache.fontbox.ttf.TrueTypeFont;

/**
 * What a subset needs to be set in vertical lines: the vertical forms of its characters
 * (the font's {@code vert} and {@code vrt2} substitutions: ，。、 in the upper right corner,
 * brackets turned, the ellipsis upright) and the vertical metrics of its glyphs, without
 * which an engine advances each character by the font's line height.
 *
 * <p>The subset's {@code GSUB} holds one single-substitution lookup, for those two
 * features in the default and the Han script: every glyph id in it is one of the subset's,
 * as the font sanitizer of browsers (OTS) demands.
 */
final class VerticalForms {

    private static final String[] SCRIPTS = {"hani", "DFLT"};
    /** FontBox applies {@code vrt2} where the font has it, which supersedes {@code vert}. */
    private static final List<String> FEATURES = List.of("vrt2", "vert");
    private static final int VHEA_METRICS_COUNT = 34;

    private VerticalForms() {
    }

    /** The vertical form of each of these glyphs that has one, by glyph id of the font. */
    static Map<Integer, Integer> of(TrueTypeFont font, Collection<Integer> glyphs) throws IOException {
        Map<Integer, Integer> forms = new TreeMap<>();
        GlyphSubstitutionTable gsub = font.getGsub();
        if (gsub == null) {
            return forms;
        }
        for (int glyph : glyphs) {
            int form = gsub.getSubstitution(glyph, SCRIPTS, FEATURES);
            if (form != glyph) {
                forms.put(glyph, form);
            }
        }
        return forms;
    }

    /**
     * Adds {@code vhea}, {@code vmtx} and {@code GSUB} to the tables of a subset whose glyphs
     * are {@code glyphs} (subset id to font id); {@code forms} are the vertical forms of the
     * font's glyphs, {@code newIds} the subset id of each font glyph it keeps.
     */
    static void addTables(TrueTypeFile font, SortedMap<Integer, Integer> glyphs, Map<Integer, Integer> forms,
                          Map<Integer, Integer> newIds, SortedMap<String, byte[]> tables) {
        byte[] header = font.table("vhea");
        if (header != null && font.has("vmtx")) {
            ByteBuffer.wrap(header).putShort(VHEA_METRICS_COUNT, (short) glyphs.size());
            ByteBuffer metrics = ByteBuffer.allocate(4 * glyphs.size());
            glyphs.values().forEach(old -> metrics.putShort((short) font.advanceHeight(old))
                    .putShort((short) font.topSideBearing(old)));
            tables.put("vhea", header);
            tables.put("vmtx", metrics.array());
        }
        SortedMap<Integer, Integer> substitutions = new TreeMap<>();
        forms.forEach((glyph, form) -> substitutions.put(newIds.get(glyph), newIds.get(form)));
        if (!substitutions.isEmpty()) {
            tables.put("GSUB", gsub(substitutions));
        }
    }

    /**
     * A GSUB of one lookup, single substitution format 2, that features {@code vert} and
     * {@code vrt2} of scripts {@code DFLT} and {@code hani} name; each table is written out
     * for each record rather than shared.
     */
    private static byte[] gsub(SortedMap<Integer, Integer> substitutions) {
        int count = substitutions.size();
        int scriptList = 10;
        int featureList = scriptList + 2 + 2 * 6 + 2 * 14;
        int lookupList = featureList + 2 + 2 * 6 + 2 * 6;
        int subtable = 4 + 8;
        int coverage = 6 + 2 * count;
        ByteBuffer out = ByteBuffer.allocate(lookupList + subtable + coverage + 4 + 2 * count);
        out.putShort((short) 1).putShort((short) 0)
                .putShort((short) scriptList).putShort((short) featureList).putShort((short) lookupList);

        // ScriptList: DFLT and hani, each with a default language system of both features.
        out.putShort((short) 2);
        out.put(tag("DFLT")).putShort((short) 14);
        out.put(tag("hani")).putShort((short) 28);
        for (int script = 0; script < 2; script++) {
            out.putShort((short) 4).putShort((short) 0);
            out.putShort((short) 0).putShort((short) 0xFFFF).putShort((short) 2).putShort((short) 0).putShort((short) 1);
        }

        // FeatureList: vert and vrt2, in tag order, both the one lookup.
        out.putShort((short) 2);
        out.put(tag("vert")).putShort((short) 14);
        out.put(tag("vrt2")).putShort((short) 20);
        for (int feature = 0; feature < 2; feature++) {
            out.putShort((short) 0).putShort((short) 1).putShort((short) 0);
        }

        // LookupList: one lookup of type 1, one subtable of format 2, then its coverage.
        out.putShort((short) 1).putShort((short) 4);
        out.putShort((short) 1).putShort((short) 0).putShort((short) 1).putShort((short) 8);
        out.putShort((short) 2).putShort((short) coverage).putShort((short) count);
        substitutions.values().forEach(form -> out.putShort(form.shortValue()));
        out.putShort((short) 1).putShort((short) count);
        substitutions.keySet().forEach(glyph -> out.putShort(glyph.shortValue()));
        return out.array();
    }

    private static byte[] tag(String tag) {
        return tag.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
