package org.cjkbook.font;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.SortedMap;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * Gives a subset font an em dash that fills its em from edge to edge, so that {@code ——}
 * is drawn as one continuous two-em rule by any engine that uses the font. The Noto CJK
 * dash is narrower than an em and stands between side bearings, which show as a gap
 * between the two dashes. The outline becomes a rectangle of the original stroke: same
 * height, same baseline; the text keeps its characters.
 */
public final class DashRule {

    private static final int EM_DASH = 0x2014;
    private static final int HEAD_UNITS_PER_EM = 18;
    private static final int HEAD_LOCA_FORMAT = 50;
    private static final int HHEA_METRICS_COUNT = 34;
    private static final byte ON_CURVE = 1;

    private DashRule() {
    }

    /** The font with its em dash stretched to a full em; unchanged when it has none. */
    public static byte[] widened(byte[] font) {
        int glyph;
        try (TrueTypeFont parsed = new TTFParser().parse(new RandomAccessReadBuffer(font))) {
            glyph = parsed.getUnicodeCmapLookup().getGlyphId(EM_DASH);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SortedMap<String, byte[]> tables = SfntFile.read(font);
        ByteBuffer head = ByteBuffer.wrap(tables.get("head"));
        int em = head.getShort(HEAD_UNITS_PER_EM) & 0xffff;
        boolean longOffsets = head.getShort(HEAD_LOCA_FORMAT) != 0;
        ByteBuffer metrics = ByteBuffer.wrap(tables.get("hmtx"));
        if (glyph == 0 || glyph >= (ByteBuffer.wrap(tables.get("hhea")).getShort(HHEA_METRICS_COUNT) & 0xffff)) {
            return font;
        }
        int[] offsets = offsets(tables.get("loca"), longOffsets);
        ByteBuffer outline = ByteBuffer.wrap(tables.get("glyf"), offsets[glyph], offsets[glyph + 1] - offsets[glyph]);
        if (outline.remaining() < 10 || outline.getShort(offsets[glyph]) < 1) {
            return font;
        }
        short bottom = outline.getShort(offsets[glyph] + 4);
        short top = outline.getShort(offsets[glyph] + 8);
        metrics.putShort(glyph * 4, (short) em).putShort(glyph * 4 + 2, (short) 0);

        ByteArrayOutputStream glyf = new ByteArrayOutputStream();
        byte[] original = tables.get("glyf");
        int[] newOffsets = new int[offsets.length];
        for (int g = 0; g + 1 < offsets.length; g++) {
            newOffsets[g] = glyf.size();
            if (g == glyph) {
                glyf.writeBytes(rectangle(em, bottom, top));
            } else {
                glyf.write(original, offsets[g], offsets[g + 1] - offsets[g]);
            }
            while (glyf.size() % 4 != 0) {
                glyf.write(0);
            }
        }
        newOffsets[offsets.length - 1] = glyf.size();
        tables.put("glyf", glyf.toByteArray());
        tables.put("loca", loca(newOffsets, longOffsets));
        return SfntFile.write(tables);
    }

    /** One contour of four on-curve points, from x 0 to the em. */
    private static byte[] rectangle(int em, short bottom, short top) {
        ByteBuffer g = ByteBuffer.allocate(34);
        g.putShort((short) 1).putShort((short) 0).putShort(bottom).putShort((short) em).putShort(top);
        g.putShort((short) 3).putShort((short) 0);
        g.put(ON_CURVE).put(ON_CURVE).put(ON_CURVE).put(ON_CURVE);
        // coordinates are deltas: x 0, 0, em, 0; y bottom, top, 0, bottom
        g.putShort((short) 0).putShort((short) 0).putShort((short) em).putShort((short) 0);
        g.putShort(bottom).putShort((short) (top - bottom)).putShort((short) 0).putShort((short) (bottom - top));
        return g.array();
    }

    private static int[] offsets(byte[] loca, boolean longOffsets) {
        ByteBuffer in = ByteBuffer.wrap(loca);
        int[] offsets = new int[loca.length / (longOffsets ? 4 : 2)];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = longOffsets ? in.getInt() : (in.getShort() & 0xffff) * 2;
        }
        return offsets;
    }

    private static byte[] loca(int[] offsets, boolean longOffsets) {
        ByteBuffer out = ByteBuffer.allocate(offsets.length * (longOffsets ? 4 : 2));
        for (int offset : offsets) {
            if (longOffsets) {
                out.putInt(offset);
            } else {
                out.putShort((short) (offset / 2));
            }
        }
        return out.array();
    }
}
