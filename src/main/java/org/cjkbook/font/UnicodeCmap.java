package org.cjkbook.font;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * A {@code cmap} table for a subset font: a Windows BMP subtable (format 4) and, when a
 * code point lies beyond the BMP or the BMP subtable would outgrow its 16-bit length, a
 * Windows full-repertoire subtable (format 12).
 *
 * <p>FontBox's subsetter writes format 4 only and throws on the first supplementary code
 * point, yet the Noto SC fonts map several hundred CJK Extension B characters.
 */
final class UnicodeCmap {

    private static final int PLATFORM_WINDOWS = 3;
    private static final int ENCODING_BMP = 1;
    private static final int ENCODING_FULL = 10;
    private static final int FORMAT_4_HEADER = 16;
    private static final int FORMAT_4_SEGMENT = 8;
    private static final int MAX_LENGTH_16 = 0xFFFF;

    /** Runs of consecutive code points that map to consecutive glyphs. */
    private record Run(int first, int last, int firstGlyph) {
    }

    private UnicodeCmap() {
    }

    /** The table for these code points, mapped to the subset's glyph ids. */
    static byte[] of(SortedMap<Integer, Integer> glyphs) {
        // U+FFFF is reserved for the format 4 end marker, and is a noncharacter anyway
        List<Run> bmp = runs(glyphs.headMap(0xFFFF));
        boolean bmpFits = FORMAT_4_HEADER + (bmp.size() + 1) * FORMAT_4_SEGMENT <= MAX_LENGTH_16;
        boolean needsFull = !bmpFits || !glyphs.tailMap(0xFFFF).isEmpty();

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        try {
            int subtables = (bmpFits ? 1 : 0) + (needsFull ? 1 : 0);
            out.writeShort(0);
            out.writeShort(subtables);
            int offset = 4 + subtables * 8;
            if (bmpFits) {
                out.writeShort(PLATFORM_WINDOWS);
                out.writeShort(ENCODING_BMP);
                out.writeInt(offset);
                offset += FORMAT_4_HEADER + (bmp.size() + 1) * FORMAT_4_SEGMENT;
            }
            if (needsFull) {
                out.writeShort(PLATFORM_WINDOWS);
                out.writeShort(ENCODING_FULL);
                out.writeInt(offset);
            }
            if (bmpFits) {
                writeFormat4(bmp, out);
            }
            if (needsFull) {
                writeFormat12(runs(glyphs), out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return bytes.toByteArray();
    }

    private static List<Run> runs(SortedMap<Integer, Integer> glyphs) {
        List<Run> runs = new ArrayList<>();
        Run run = null;
        for (Map.Entry<Integer, Integer> entry : glyphs.entrySet()) {
            int codePoint = entry.getKey();
            int glyph = entry.getValue();
            if (run != null && codePoint == run.last() + 1
                    && glyph - run.firstGlyph() == codePoint - run.first()) {
                run = new Run(run.first(), codePoint, run.firstGlyph());
                runs.set(runs.size() - 1, run);
            } else {
                run = new Run(codePoint, codePoint, glyph);
                runs.add(run);
            }
        }
        return runs;
    }

    private static void writeFormat4(List<Run> runs, DataOutputStream out) throws IOException {
        List<Run> segments = new ArrayList<>(runs);
        // the spec's required last segment; its delta maps U+FFFF to glyph 0
        segments.add(new Run(0xFFFF, 0xFFFF, 0));
        int count = segments.size();
        int searchRange = 2 * Integer.highestOneBit(count);
        out.writeShort(4);
        out.writeShort(FORMAT_4_HEADER + count * FORMAT_4_SEGMENT);
        out.writeShort(0);
        out.writeShort(2 * count);
        out.writeShort(searchRange);
        out.writeShort(Integer.numberOfTrailingZeros(searchRange / 2));
        out.writeShort(2 * count - searchRange);
        for (Run segment : segments) {
            out.writeShort(segment.last());
        }
        out.writeShort(0);
        for (Run segment : segments) {
            out.writeShort(segment.first());
        }
        for (Run segment : segments) {
            // glyph = code point + delta, modulo 65536
            out.writeShort(segment.firstGlyph() - segment.first());
        }
        for (int i = 0; i < count; i++) {
            out.writeShort(0);
        }
    }

    private static void writeFormat12(List<Run> runs, DataOutputStream out) throws IOException {
        out.writeShort(12);
        out.writeShort(0);
        out.writeInt(16 + runs.size() * 12);
        out.writeInt(0);
        out.writeInt(runs.size());
        for (Run run : runs) {
            out.writeInt(run.first());
            out.writeInt(run.last());
            out.writeInt(run.firstGlyph());
        }
    }
}
