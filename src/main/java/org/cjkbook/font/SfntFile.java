package org.cjkbook.font;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A TrueType file as a set of tables by tag: split apart, and written back with a correct
 * table directory and checksums. This lets the subsetter swap whole tables in FontBox's
 * output without a second pass through FontBox.
 */
final class SfntFile {

    private static final int TRUETYPE_VERSION = 0x00010000;
    private static final int HEADER_SIZE = 12;
    private static final int RECORD_SIZE = 16;
    private static final int HEAD_CHECKSUM_ADJUSTMENT = 8;
    /** The OpenType spec's constant: the whole font must sum to it. */
    private static final long CHECKSUM_MAGIC = 0xB1B0AFBAL;

    private SfntFile() {
    }

    /** The tables of a TrueType file, in tag order. */
    static SortedMap<String, byte[]> read(byte[] font) {
        ByteBuffer in = ByteBuffer.wrap(font);
        int count = Short.toUnsignedInt(in.getShort(4));
        SortedMap<String, byte[]> tables = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            int record = HEADER_SIZE + i * RECORD_SIZE;
            byte[] tag = Arrays.copyOfRange(font, record, record + 4);
            int offset = in.getInt(record + 8);
            int length = in.getInt(record + 12);
            tables.put(new String(tag, StandardCharsets.US_ASCII),
                    Arrays.copyOfRange(font, offset, offset + length));
        }
        return tables;
    }

    /**
     * A TrueType file of these tables. Tags sort in byte order, as the spec requires of the
     * directory, because a {@code TreeMap<String>} orders ASCII the same way.
     */
    static byte[] write(SortedMap<String, byte[]> tablesByTag) {
        SortedMap<String, byte[]> tables = new TreeMap<>(tablesByTag);
        byte[] head = tables.get("head");
        if (head != null) {
            // the adjustment is computed over the whole file with this field zeroed
            head = head.clone();
            Arrays.fill(head, HEAD_CHECKSUM_ADJUSTMENT, HEAD_CHECKSUM_ADJUSTMENT + 4, (byte) 0);
            tables.put("head", head);
        }
        int count = tables.size();
        int size = HEADER_SIZE + count * RECORD_SIZE;
        for (byte[] table : tables.values()) {
            size += padded(table.length);
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        int searchRange = Integer.highestOneBit(count) * RECORD_SIZE;
        out.putInt(TRUETYPE_VERSION)
                .putShort((short) count)
                .putShort((short) searchRange)
                .putShort((short) Integer.numberOfTrailingZeros(Integer.highestOneBit(count)))
                .putShort((short) (count * RECORD_SIZE - searchRange));

        int offset = HEADER_SIZE + count * RECORD_SIZE;
        int headOffset = -1;
        for (Map.Entry<String, byte[]> entry : tables.entrySet()) {
            byte[] table = entry.getValue();
            if (table == head) {
                headOffset = offset;
            }
            out.put(entry.getKey().getBytes(StandardCharsets.US_ASCII))
                    .putInt((int) checksum(table))
                    .putInt(offset)
                    .putInt(table.length);
            offset += padded(table.length);
        }
        for (byte[] table : tables.values()) {
            out.put(table);
            out.position(out.position() + padded(table.length) - table.length);
        }
        byte[] font = out.array();
        if (headOffset >= 0) {
            long adjustment = (CHECKSUM_MAGIC - checksum(font)) & 0xFFFFFFFFL;
            ByteBuffer.wrap(font).putInt(headOffset + HEAD_CHECKSUM_ADJUSTMENT, (int) adjustment);
        }
        return font;
    }

    private static int padded(int length) {
        return (length + 3) & ~3;
    }

    /** The sum of big-endian 32-bit words, the last one padded with zeros. */
    private static long checksum(byte[] data) {
        long sum = 0;
        for (int i = 0; i < data.length; i++) {
            sum += (data[i] & 0xFFL) << (24 - 8 * (i % 4));
        }
        return sum & 0xFFFFFFFFL;
    }
}
